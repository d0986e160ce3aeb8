const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Is this text a UUID? Ids from a URL are checked before a query, where PostgreSQL would refuse them with an error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
