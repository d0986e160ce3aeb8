import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACES, type ClientArea } from '@/lib/i18n/client-namespaces';
import { CATALOGUES } from '@/lib/i18n/messages';

const root = path.resolve(import.meta.dirname, '..');
const NAMESPACES = new Set(Object.keys(CATALOGUES.en));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The component modules a file imports (relative or @/components/…), resolved to files. */
function componentImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/from '(\.{1,2}\/[^']+|@\/components\/[^']+)'/g)].flatMap(([, spec]) => {
    const base = spec.startsWith('@/') ? path.join(root, spec.slice(2)) : path.resolve(path.dirname(file), spec);
    const found = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((f) => existsSync(f));
    return found ? [found] : [];
  });
}

/** The top-level namespaces a module names in message keys ('inventory.x', `orders.status.${s}`…). */
function namespacesIn(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/['`]([a-zA-Z]+)\.[a-zA-Z_$]/g)].map(([, ns]) => ns).filter((ns) => NAMESPACES.has(ns));
}

/** Where a component's messages come from: the provider of its area's pages. */
function areaOf(file: string): ClientArea {
  const [folder, sub] = path.relative(path.join(root, 'components'), file).split(path.sep);
  // The customer palette (components/customers) is the shell's, on every page; the profile is the customers area's.
  if (folder === 'customers' && sub === 'profile') return 'customers';
  if (folder === 'inventory') return 'inventory';
  if (folder === 'orders') return 'orders';
  if (folder === 'pickups') return 'pickups';
  if (folder === 'settings') return 'settings';
  // The profile's loyalty section and dialog.
  if (folder === 'customers' && path.basename(file).startsWith('loyalty-')) return 'customers';
  if (folder === 'auth') return 'login';
  return 'shell';
}

describe('client messages', () => {
  it('each client component, and what it imports, uses only the namespaces its pages’ provider gives', () => {
    const clientEntries = filesUnder(path.join(root, 'components')).filter((f) =>
      /^'use client';/m.test(readFileSync(f, 'utf8')),
    );
    const missing: string[] = [];
    for (const entry of clientEntries) {
      const allowed = new Set<string>(CLIENT_NAMESPACES[areaOf(entry)]);
      const seen = new Set<string>();
      const queue = [entry];
      while (queue.length) {
        const file = queue.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        queue.push(...componentImports(file));
        for (const ns of namespacesIn(file))
          if (!allowed.has(ns)) missing.push(`${path.relative(root, entry)} → ${path.relative(root, file)}: ${ns}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
