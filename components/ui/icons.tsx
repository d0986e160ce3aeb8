import { createElement, type ReactElement, type SVGProps } from 'react';
import {
  ArrowDown as arrowDown,
  ArrowLeft as arrowLeft,
  ArrowLeftRight as arrowLeftRight,
  ArrowRight as arrowRight,
  ArrowRightLeft as arrowRightLeft,
  ArrowUp as arrowUp,
  Boxes as boxes,
  Camera as camera,
  ChartColumn as chartColumn,
  Check as check,
  CheckCheck as checkCheck,
  ChevronDown as chevronDown,
  ChevronLeft as chevronLeft,
  ChevronRight as chevronRight,
  ChevronsLeft as chevronsLeft,
  CircleAlert as circleAlert,
  CircleCheck as circleCheck,
  CircleX as circleX,
  ClipboardList as clipboardList,
  Coins as coins,
  Compass as compass,
  Download as download,
  Eraser as eraser,
  FileText as fileText,
  Gauge as gauge,
  Globe as globe,
  Inbox as inbox,
  Info as info,
  LayoutDashboard as layoutDashboard,
  LoaderCircle as loaderCircle,
  LogOut as logOut,
  Mail as mail,
  MapPin as mapPin,
  Merge as merge,
  MessageSquareText as messageSquareText,
  Minus as minus,
  PackageCheck as packageCheck,
  PackageOpen as packageOpen,
  PackagePlus as packagePlus,
  PanelLeftClose as panelLeftClose,
  PanelLeftOpen as panelLeftOpen,
  Pencil as pencil,
  Phone as phone,
  PhoneCall as phoneCall,
  Plus as plus,
  Printer as printer,
  Receipt as receipt,
  ReceiptText as receiptText,
  RotateCcw as rotateCcw,
  RotateCw as rotateCw,
  ScanBarcode as scanBarcode,
  ScanLine as scanLine,
  Scissors as scissors,
  Search as search,
  SearchX as searchX,
  Send as send,
  Settings as settings,
  ShieldX as shieldX,
  ShoppingBag as shoppingBag,
  SlidersHorizontal as slidersHorizontal,
  Store as store,
  Trash as trash,
  TriangleAlert as triangleAlert,
  Truck as truck,
  Undo2 as undo2,
  Upload as upload,
  UserRound as userRound,
  Users as users,
  X as x,
} from 'lucide';

/**
 * The app's icons: lucide's drawings (the `lucide` package, plain data) as SVG elements drawn by a
 * plain function, with lucide's attributes (24 × 24, 2 px round strokes in the text colour).
 * lucide-react's icons render through a client component of its own, so every page that showed an
 * icon, even from the server, downloaded its icon runtime, more than once where chunks split. Here
 * a server component's icons send no JavaScript, and a client component's cost only their paths.
 *
 * Decorative by default (aria-hidden), as lucide-react's are, unless given a label, a role or a title.
 * A new icon: export it below under its lucide name (https://lucide.dev/icons).
 */
export type IconProps = SVGProps<SVGSVGElement>;
export type Icon = (props: IconProps) => ReactElement;
type IconNode = readonly (readonly [tag: string, attributes: Record<string, string | number | undefined>])[];

function draw(node: IconNode, { className, children, ...props }: IconProps): ReactElement {
  const labelled = Object.keys(props).some((k) => k.startsWith('aria-') || k === 'role') || children != null;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={24}
      height={24}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={labelled ? undefined : true}
      className={className}
      {...props}
    >
      {children}
      {node.map(([tag, attributes], i) => createElement(tag, { key: i, ...attributes }))}
    </svg>
  );
}

export const ArrowDown: Icon = (props) => draw(arrowDown, props);
export const ArrowLeft: Icon = (props) => draw(arrowLeft, props);
export const ArrowLeftRight: Icon = (props) => draw(arrowLeftRight, props);
export const ArrowRight: Icon = (props) => draw(arrowRight, props);
export const ArrowRightLeft: Icon = (props) => draw(arrowRightLeft, props);
export const ArrowUp: Icon = (props) => draw(arrowUp, props);
export const Boxes: Icon = (props) => draw(boxes, props);
export const Camera: Icon = (props) => draw(camera, props);
export const ChartColumn: Icon = (props) => draw(chartColumn, props);
export const Check: Icon = (props) => draw(check, props);
export const CheckCheck: Icon = (props) => draw(checkCheck, props);
export const ChevronDown: Icon = (props) => draw(chevronDown, props);
export const ChevronLeft: Icon = (props) => draw(chevronLeft, props);
export const ChevronRight: Icon = (props) => draw(chevronRight, props);
export const ChevronsLeft: Icon = (props) => draw(chevronsLeft, props);
export const CircleAlert: Icon = (props) => draw(circleAlert, props);
export const CircleCheck: Icon = (props) => draw(circleCheck, props);
export const CircleX: Icon = (props) => draw(circleX, props);
export const ClipboardList: Icon = (props) => draw(clipboardList, props);
export const Coins: Icon = (props) => draw(coins, props);
export const Compass: Icon = (props) => draw(compass, props);
export const Download: Icon = (props) => draw(download, props);
export const Eraser: Icon = (props) => draw(eraser, props);
export const FileText: Icon = (props) => draw(fileText, props);
export const Gauge: Icon = (props) => draw(gauge, props);
export const Globe: Icon = (props) => draw(globe, props);
export const Inbox: Icon = (props) => draw(inbox, props);
export const Info: Icon = (props) => draw(info, props);
export const LayoutDashboard: Icon = (props) => draw(layoutDashboard, props);
export const LoaderCircle: Icon = (props) => draw(loaderCircle, props);
export const LogOut: Icon = (props) => draw(logOut, props);
export const Mail: Icon = (props) => draw(mail, props);
export const MapPin: Icon = (props) => draw(mapPin, props);
export const Merge: Icon = (props) => draw(merge, props);
export const MessageSquareText: Icon = (props) => draw(messageSquareText, props);
export const Minus: Icon = (props) => draw(minus, props);
export const PackageCheck: Icon = (props) => draw(packageCheck, props);
export const PackageOpen: Icon = (props) => draw(packageOpen, props);
export const PackagePlus: Icon = (props) => draw(packagePlus, props);
export const PanelLeftClose: Icon = (props) => draw(panelLeftClose, props);
export const PanelLeftOpen: Icon = (props) => draw(panelLeftOpen, props);
export const Pencil: Icon = (props) => draw(pencil, props);
export const Phone: Icon = (props) => draw(phone, props);
export const PhoneCall: Icon = (props) => draw(phoneCall, props);
export const Plus: Icon = (props) => draw(plus, props);
export const Printer: Icon = (props) => draw(printer, props);
export const Receipt: Icon = (props) => draw(receipt, props);
export const ReceiptText: Icon = (props) => draw(receiptText, props);
export const RotateCcw: Icon = (props) => draw(rotateCcw, props);
export const RotateCw: Icon = (props) => draw(rotateCw, props);
export const ScanBarcode: Icon = (props) => draw(scanBarcode, props);
export const ScanLine: Icon = (props) => draw(scanLine, props);
export const Scissors: Icon = (props) => draw(scissors, props);
export const Search: Icon = (props) => draw(search, props);
export const SearchX: Icon = (props) => draw(searchX, props);
export const Send: Icon = (props) => draw(send, props);
export const Settings: Icon = (props) => draw(settings, props);
export const ShieldX: Icon = (props) => draw(shieldX, props);
export const ShoppingBag: Icon = (props) => draw(shoppingBag, props);
export const SlidersHorizontal: Icon = (props) => draw(slidersHorizontal, props);
export const Store: Icon = (props) => draw(store, props);
export const Trash: Icon = (props) => draw(trash, props);
export const TriangleAlert: Icon = (props) => draw(triangleAlert, props);
export const Truck: Icon = (props) => draw(truck, props);
export const Undo2: Icon = (props) => draw(undo2, props);
export const Upload: Icon = (props) => draw(upload, props);
export const UserRound: Icon = (props) => draw(userRound, props);
export const Users: Icon = (props) => draw(users, props);
export const X: Icon = (props) => draw(x, props);
