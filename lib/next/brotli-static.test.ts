import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrotliStatic, type BrotliStatic } from '@/lib/next/brotli-static';

// A build's static folder in miniature, served by a real HTTP server: what brotli-static does not
// answer, the stand-in for Next answers with 'next'. The tests run in order: the first compresses the script.
const SCRIPT = `(globalThis.TURBOPACK ||= []).push(${JSON.stringify('x'.repeat(2000))});\n`.repeat(20);
const STYLE = `.a{color:red}\n`.repeat(200);

let dir: string;
let server: http.Server;
let port: number;
let brotli: BrotliStatic;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A raw request, path as written (fetch would decode the body and hide the encoding, URL would resolve '..'). */
function get(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'brotli-static-'));
  await mkdir(path.join(dir, 'chunks'), { recursive: true });
  await mkdir(path.join(dir, 'media'), { recursive: true });
  await writeFile(path.join(dir, 'chunks', 'page-abc.js'), SCRIPT);
  await writeFile(path.join(dir, 'chunks', 'styles-def.css'), STYLE);
  await writeFile(path.join(dir, 'media', 'font.woff2'), 'not text');
  brotli = startBrotliStatic(dir);
  await brotli.settled(); // the folder listed, nothing compressed yet
  server = http.createServer((req, res) => {
    if (brotli.serve(req, res)) return;
    res.end('next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('startBrotliStatic', () => {
  it('leaves the first request for a file to Next, compresses the file meanwhile, then sends it as br', async () => {
    const chunk = '/_next/static/chunks/page-abc.js';
    const first = await get(chunk, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(first.body.toString()).toBe('next');
    await brotli.settled();
    expect((await get(chunk, { 'accept-encoding': 'br' })).headers['content-encoding']).toBe('br');
  });

  it('sends a chunk brotli-compressed to a browser that accepts br, smaller and byte for byte the file', async () => {
    const answer = await get('/_next/static/chunks/page-abc.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
  });

  it('serves CSS too, with its type; a query string does not change the file', async () => {
    await get('/_next/static/chunks/styles-def.css', { 'accept-encoding': 'br' });
    await brotli.settled();
    const answer = await get('/_next/static/chunks/styles-def.css?dpl=1', { 'accept-encoding': 'br' });
    expect(answer.headers['content-type']).toBe('text/css; charset=UTF-8');
    expect(brotliDecompressSync(answer.body).toString()).toBe(STYLE);
  });

  it('leaves to Next a client without br, one refusing it, other files, other paths and other methods', async () => {
    const chunk = '/_next/static/chunks/page-abc.js';
    expect((await get(chunk)).body.toString()).toBe('next');
    expect((await get(chunk, { 'accept-encoding': 'gzip, deflate' })).body.toString()).toBe('next');
    expect((await get(chunk, { 'accept-encoding': 'br;q=0, gzip' })).body.toString()).toBe('next');
    expect((await get('/_next/static/media/font.woff2', { 'accept-encoding': 'br' })).body.toString()).toBe('next');
    expect((await get('/_next/static/chunks/missing.js', { 'accept-encoding': 'br' })).body.toString()).toBe('next');
    expect((await get('/_next/static/chunks/../chunks/page-abc.js', { 'accept-encoding': 'br' })).body.toString()).toBe(
      'next',
    );
    expect((await get('/chunks/page-abc.js', { 'accept-encoding': 'br' })).body.toString()).toBe('next');
    expect((await get(chunk, { 'accept-encoding': 'br' }, 'POST')).body.toString()).toBe('next');
  });

  it('answers HEAD without a body and a known ETag with 304', async () => {
    const chunk = '/_next/static/chunks/page-abc.js';
    const head = await get(chunk, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const etag = head.headers.etag;
    expect(etag).toMatch(/^"br-[\w-]+"$/);

    const again = await get(chunk, { 'accept-encoding': 'br', 'if-none-match': `W/"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await get(chunk, { 'accept-encoding': 'br', 'if-none-match': '"other"' })).status).toBe(200);
  });
});
