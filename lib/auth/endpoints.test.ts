import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from './endpoints';
import { PERMISSIONS } from './permissions';

const APP = path.join(process.cwd(), 'app');
/** Server actions live in the Next.js edge, lib/next/actions/. */
const ACTIONS = path.join(process.cwd(), 'lib', 'next', 'actions');
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Route path from a route.ts file: drops route groups "(x)". */
function routePath(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep);
  return '/' + segments.filter((s) => !(s.startsWith('(') && s.endsWith(')'))).join('/');
}

function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Za-z0-9_]+)/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s+const\s+\{([^}]+)\}/g)) {
    for (const part of m[1].split(',')) names.add(part.split(':').pop()!.trim());
  }
  for (const m of source.matchAll(/export\s+\{([^}]+)\}/g)) {
    for (const part of m[1].split(','))
      names.add(
        part
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
  }
  return [...names].filter(Boolean);
}

type Found = { key: string; file: string; source: string };

/** The text of one export: from its declaration to the next top-level export. */
function segmentOf(source: string, name: string): string {
  const start = source.search(new RegExp(`export\\s+(?:async\\s+)?(?:function|const|let)\\s+${name}\\b`));
  if (start < 0) return source;
  const next = source.slice(start + 1).search(/\nexport\s/);
  return next < 0 ? source.slice(start) : source.slice(start, start + 1 + next);
}

function findEndpoints(): Found[] {
  const found: Found[] = [];
  for (const file of [...walk(APP), ...walk(ACTIONS)].filter((f) => /\.(ts|tsx)$/.test(f))) {
    const source = readFileSync(file, 'utf8');
    if (/^route\.(ts|tsx)$/.test(path.basename(file))) {
      for (const name of exportedNames(source).filter((n) => HTTP_METHODS.includes(n))) {
        found.push({ key: `${name} ${routePath(file)}`, file, source: segmentOf(source, name) });
      }
    }
    if (/^\s*(['"])use server\1/.test(source)) {
      for (const name of exportedNames(source))
        found.push({ key: `action ${name}`, file, source: segmentOf(source, name) });
    }
  }
  return found;
}

describe('every endpoint is in the permission table', () => {
  const found = findEndpoints();

  it('finds the endpoints of the app', () => {
    expect(found.map((f) => f.key)).toContain('GET /api/health');
  });

  it.each(found.map((f) => [f.key, f] as const))('%s is registered and checks its permission', (key, f) => {
    const guard = ENDPOINTS[key];
    expect(
      guard,
      `${key} (${path.relative(process.cwd(), f.file)}) is missing from lib/auth/endpoints.ts`,
    ).toBeDefined();
    if (guard && 'permission' in guard) {
      expect(Object.keys(PERMISSIONS)).toContain(guard.permission);
      expect(f.source, `${key} must call requireActor/can with '${guard.permission}'`).toContain(
        `'${guard.permission}'`,
      );
      expect(f.source).toMatch(/requireActor|guardedAction|guardedRoute|can\(/);
    }
    // deliverOrder verifies the delivery's signature (lib/orders/deliver-order.ts); deliverRedemption
    // and readBalance the loyalty API's signature and read token (lib/loyalty/channel-api.ts);
    // handleSignedStockAlertRequest the stock alert requests' (lib/inventory/stock-alerts/deliver.ts).
    if (guard && 'channel' in guard)
      expect(f.source).toMatch(
        /authenticateChannel|verifySignature|deliverOrder|deliverRedemption|readBalance|handleSignedStockAlertRequest/,
      );
  });

  it('has no inline server actions, which the scan above could not see', () => {
    const inline = walk(APP)
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .filter((f) => {
        const source = readFileSync(f, 'utf8');
        return !/^\s*(['"])use server\1/.test(source) && /(['"])use server\1/.test(source);
      });
    expect(inline.map((f) => path.relative(process.cwd(), f))).toEqual([]);
  });

  it('lists no endpoint that no longer exists', () => {
    const keys = new Set(found.map((f) => f.key));
    expect(Object.keys(ENDPOINTS).filter((k) => !keys.has(k))).toEqual([]);
  });
});
