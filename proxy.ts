import { NextResponse, type NextRequest } from 'next/server';
import {
  API_CONTENT_SECURITY_POLICY,
  createNonce,
  pageContentSecurityPolicy,
  servedOverHttps,
  STRICT_TRANSPORT_SECURITY,
} from '@/lib/http/security-headers';

/**
 * Runs before every page and route (not static assets): a Content-Security-Policy on the answer,
 * for pages with a fresh script nonce that Next.js reads back from the request's CSP header and
 * puts on its own scripts; HSTS when the client came over https. The static headers come from
 * next.config.js. Not a guard: pages, actions and routes check the session themselves.
 */
export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.headers.get('x-forwarded-proto'), request.nextUrl.protocol === 'https:');
  const api = request.nextUrl.pathname.startsWith('/api/');
  const csp = api
    ? API_CONTENT_SECURITY_POLICY
    : pageContentSecurityPolicy(createNonce(), { dev: process.env.NODE_ENV === 'development', https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      // Static assets need no policy (next.config.js still sends them nosniff and the rest).
      source: '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)',
      // Prefetches render no document: no nonce needed.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
