/** A4 pages for what an order prints: one packing slip a page, the shell and buttons left out. */
export function OrderPrintStyles() {
  return (
    <style>{`@media print { @page { size: A4; margin: 14mm; } .packing-slip { break-after: page; } .packing-slip:last-child { break-after: auto; } }`}</style>
  );
}
