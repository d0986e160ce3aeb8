import { createElement, type ReactElement, type SVGProps } from 'react';
import type { IconNode } from 'lucide';

export type { IconNode };

/**
 * An icon: one of lucide's drawings (`import { Search } from 'lucide'`, plain data, one module per
 * icon, so a page carries only the drawings it shows) drawn as an SVG with lucide's attributes
 * (24 × 24, 2 px round strokes in the text colour): `<Icon node={Search} className="size-4" />`.
 * A plain function, not lucide-react's client component: a server component's icons send no
 * JavaScript, and a client component's only their paths.
 *
 * Decorative by default (aria-hidden), as lucide-react's are, unless given a label or a role.
 */
export function Icon({ node, className, ...props }: { node: IconNode } & SVGProps<SVGSVGElement>): ReactElement {
  const labelled = Object.keys(props).some((k) => k.startsWith('aria-') || k === 'role');
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
      {node.map(([tag, attributes], i) => createElement(tag, { key: i, ...attributes }))}
    </svg>
  );
}
