import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, type BrotliOptions } from 'node:zlib';
import Negotiator from 'negotiator';
import { STATIC_SECURITY_HEADERS } from '@/lib/http/security-headers';

/**
 * The build's JavaScript and CSS (.next/static: content-hashed, never changed once built), sent
 * brotli-compressed at its highest quality to browsers that accept it. Next.js compresses what it
 * serves with gzip, on the fly; brotli at quality 11 is ~13 % smaller on this app's chunks
 * (scripts/bundle-size.ts) but too slow to run per request, so the custom server (scripts/serve.ts)
 * compresses each file once, the first time it is asked for, and answers later requests from
 * memory (~0.5 MB for the whole build). Until a file is ready, and for a client that does not take
 * br, the request goes on to Next as before.
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
  /** Answers the request from memory and returns true, or returns false for Next to answer it. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  /** Resolves once the folder is listed and the files asked for so far are compressed (for tests). */
  settled(): Promise<void>;
};

type Entry = { file: string; contentType: string; asset?: Asset; queued?: boolean };

/**
 * Serves the .js and .css files under `staticDir` (a build's .next/static) brotli-compressed. A file
 * is compressed the first time a browser asks for it, in the background, one file at a time, so
 * that compressing never takes more than one core and costs nothing until pages are loaded (a
 * server taking orders and no page views compresses nothing); until it is done, and if it fails,
 * Next answers with gzip.
 */
export function startBrotliStatic(staticDir: string): BrotliStatic {
  const entries = new Map<string, Entry>();
  const listed = filesUnder(staticDir).then((files) => {
    for (const file of files) {
      const contentType = CONTENT_TYPES[path.extname(file)];
      if (contentType)
        entries.set(STATIC_URL_PREFIX + path.relative(staticDir, file).split(path.sep).join('/'), {
          file,
          contentType,
        });
    }
  });
  let queue: Promise<void> = listed;

  function compressLater(entry: Entry) {
    if (entry.queued) return;
    entry.queued = true;
    queue = queue.then(() =>
      compressAsset(entry.file, entry.contentType).then(
        (asset) => void (entry.asset = asset),
        () => undefined,
      ),
    );
  }

  function serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = (req.url ?? '').split('?', 1)[0];
    if (!pathname.startsWith(STATIC_URL_PREFIX)) return false;
    // Only names found under the folder are in the map: '..' or an encoded name never matches.
    const entry = entries.get(pathname);
    if (!entry || !acceptsBrotli(req)) return false;
    const asset = entry.asset;
    if (!asset) {
      compressLater(entry);
      return false;
    }

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

  async function settled() {
    let current: Promise<void>;
    do {
      current = queue;
      await current;
    } while (current !== queue);
  }

  return { serve, settled };
}
