import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, type BrotliOptions } from 'node:zlib';
import Negotiator from 'negotiator';
import { STATIC_SECURITY_HEADERS } from '@/lib/http/security-headers';

/**
 * The build's JavaScript and CSS (.next/static: content-hashed, never changed once built),
 * compressed once with brotli at its highest quality and sent as such to browsers that accept
 * it. Next.js compresses what it serves with gzip, on the fly; brotli at quality 11 is ~13 %
 * smaller on this app's chunks (scripts/bundle-size.ts) but too slow to run per request, so the
 * custom server (scripts/serve.ts) compresses everything when it starts, in the background
 * (~3 s of one core for ~2 MB), and answers a request for a chunk from memory. Until a file is
 * ready, and for a client that does not take br, the request goes on to Next as before.
 */

/** URL prefix under which Next serves .next/static. */
const STATIC_URL_PREFIX = '/_next/static/';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
};

/** What Next sends on its hashed build files: they never change under the same name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

type Asset = { body: Buffer; contentType: string; etag: string };

const compress = promisify(brotliCompress);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** How a file is compressed, here and where scripts/bundle-size.ts measures what browsers receive. */
export function brotliOptions(bytes: number): BrotliOptions {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes,
    },
  };
}

async function compressAsset(file: string, contentType: string): Promise<Asset> {
  const raw = await readFile(file);
  const body = await compress(raw, brotliOptions(raw.length));
  const etag = `"br-${createHash('sha1').update(raw).digest('base64url')}"`;
  return { body, contentType, etag };
}

function acceptsBrotli(req: IncomingMessage): boolean {
  return new Negotiator(req).encodings(['br']).includes('br');
}

function etagMatches(req: IncomingMessage, etag: string): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (typeof ifNoneMatch !== 'string') return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export type BrotliStatic = {
  /** Resolves once every file is compressed (the server serves what is ready before that). */
  ready: Promise<void>;
  /** Answers the request from memory and returns true, or returns false for Next to answer it. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
};

/**
 * Starts compressing every .js and .css file under `staticDir` (a build's .next/static), one at a
 * time so the server's requests keep the other core, and serves each as soon as it is done. A file
 * that cannot be read or compressed is left to Next.
 */
export function startBrotliStatic(staticDir: string): BrotliStatic {
  const assets = new Map<string, Asset>();

  const ready = (async () => {
    for (const file of await filesUnder(staticDir)) {
      const contentType = CONTENT_TYPES[path.extname(file)];
      if (!contentType) continue;
      const url = STATIC_URL_PREFIX + path.relative(staticDir, file).split(path.sep).join('/');
      const asset = await compressAsset(file, contentType).catch(() => null);
      if (asset) assets.set(url, asset);
    }
  })();

  function serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = (req.url ?? '').split('?', 1)[0];
    if (!pathname.startsWith(STATIC_URL_PREFIX)) return false;
    // Only names found under the folder are in the map: '..' or an encoded name never matches.
    const asset = assets.get(pathname);
    if (!asset || !acceptsBrotli(req)) return false;

    for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader('cache-control', IMMUTABLE);
    res.setHeader('vary', 'Accept-Encoding');
    res.setHeader('etag', asset.etag);
    if (etagMatches(req, asset.etag)) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.setHeader('content-type', asset.contentType);
    res.setHeader('content-encoding', 'br');
    res.setHeader('content-length', asset.body.length);
    res.statusCode = 200;
    res.end(req.method === 'HEAD' ? undefined : asset.body);
    return true;
  }

  return { ready, serve };
}
