import staticSecurityHeaders from './static-security-headers.json';

/**
 * The security headers of every answer, defined once: next.config.js sends the static ones on
 * everything Next serves (pages, routes, assets, 404s), proxy.ts adds the Content-Security-Policy
 * (with a fresh script nonce for pages) and HSTS, and the custom server's order lane sends the
 * same set on the deliveries it answers itself.
 */

/**
 * Headers that do not depend on the request, kept as JSON so that next.config.js (plain Node)
 * reads the same file. The camera stays allowed for this origin only (pickup codes and barcodes
 * can be read by one); X-Frame-Options says what the CSP's frame-ancestors 'none' says, for older browsers.
 */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = staticSecurityHeaders;

/** Two years, sub-domains included: sent only on answers that came over https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** Answers that are data, never a document that runs anything (the JSON API, the lane). */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The policy of a page: scripts only with this request's nonce (Next.js puts it on its own inline
 * and bundle scripts; 'strict-dynamic' lets those load the chunks they need). Styles allow inline
 * attributes, which Radix and Recharts set on elements and which a nonce cannot cover. React's
 * development build needs eval for its error overlays, never in production.
 */
export function pageContentSecurityPolicy(nonce: string, options: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only over https: on a plain-http install (a shop's LAN) it would break every asset.
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Whether the client reached us over https: the proxy in front says so (x-forwarded-proto, first
 * hop), or the connection itself is TLS.
 */
export function servedOverHttps(forwardedProto: string | null | undefined, encrypted: boolean): boolean {
  const first = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  return first ? first === 'https' : encrypted;
}

/** The complete set for one answer: the static headers, a CSP, and HSTS over https. */
export function securityHeaders(options: { contentSecurityPolicy: string; https: boolean }): Record<string, string> {
  return {
    ...STATIC_SECURITY_HEADERS,
    'Content-Security-Policy': options.contentSecurityPolicy,
    ...(options.https ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}
