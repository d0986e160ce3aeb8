import { getI18n } from '@/lib/next/i18n';
import type { OrderDetail } from '@/lib/orders/queries';

type ShippingAddress = NonNullable<OrderDetail['shippingAddress']>;

/**
 * A shipping address as a label reads it: the name (or `fallbackName`), the street lines, the
 * postcode and city, and the country by its name in the reader's language. The order page, its
 * printed sheet and the packing slip show it alike.
 */
export async function PostalAddress({ address, fallbackName }: { address: ShippingAddress; fallbackName?: string }) {
  const { formatCountry } = await getI18n();
  const name = address.name || fallbackName;
  return (
    <address className="mt-1 not-italic leading-relaxed">
      {name ? <span className="block">{name}</span> : null}
      <span className="block">{address.line1}</span>
      {address.line2 ? <span className="block">{address.line2}</span> : null}
      <span className="block">
        {address.postalCode} {address.city}
      </span>
      <span className="block">{formatCountry(address.country)}</span>
    </address>
  );
}
