const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Is this text a UUID? Ids from a URL are checked before a query, where PostgreSQL would refuse them with an error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A random (version 4) UUID. crypto.randomUUID exists only in secure contexts (HTTPS or localhost),
 * and a store's tablet may reach the app over plain HTTP on the shop's network; getRandomValues
 * exists everywhere.
 */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
