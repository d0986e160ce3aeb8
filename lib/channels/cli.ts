import type { CreatedChannel, CreateChannelInput } from './create-channel';
import type { CredentialSummary, NewCredential, RotationResult } from './credentials';
import { CREDENTIAL_KINDS, type CredentialKind } from './values';
import { isLocale, LOCALES } from '@/lib/i18n/config';
import type { LocalNames } from '@/lib/i18n/local-name';

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** '24h', '30m', '7d', '90s', '0': a duration in milliseconds, or null when it is not one. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!match) return null;
  const [, amount, unit] = match;
  if (!unit && amount !== '0') return null;
  return Number(amount) * (unit ? UNITS[unit] : 0);
}

export const ROTATE_USAGE = 'Usage: npm run channel:rotate -- <channel> [--overlap 24h] [--kind signing|read|both]';

export type RotateArgs = { code: string; overlapMs: number; kinds: CredentialKind[] };

/** The arguments of channel:rotate, or the message saying what is wrong with them. */
export function parseRotateArgs(
  argv: readonly string[],
): { ok: true; args: RotateArgs } | { ok: false; message: string } {
  let code: string | undefined;
  let overlap = '24h';
  let kind = 'both';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--overlap') overlap = value();
    else if (flag === '--kind') kind = value();
    else if (flag.startsWith('-')) return { ok: false, message: `Unknown option "${arg}".\n${ROTATE_USAGE}` };
    else if (code === undefined) code = arg;
    else return { ok: false, message: `One channel at a time ("${code}", then "${arg}").\n${ROTATE_USAGE}` };
  }
  if (!code) return { ok: false, message: ROTATE_USAGE };
  const overlapMs = parseDuration(overlap);
  if (overlapMs === null)
    return { ok: false, message: `--overlap must be a duration such as 24h, 30m, 7d or 0, not "${overlap}".` };
  if (kind !== 'both' && !CREDENTIAL_KINDS.includes(kind as CredentialKind)) {
    return { ok: false, message: `--kind must be signing, read or both, not "${kind}".` };
  }
  return {
    ok: true,
    args: { code, overlapMs, kinds: kind === 'both' ? [...CREDENTIAL_KINDS] : [kind as CredentialKind] },
  };
}

/** What channel:rotate prints: the new values, once, and until when the old ones still work. */
export function formatRotation(result: RotationResult): string {
  const lines = [
    `Channel "${result.channel.code}": new credentials (shown once — store them in the channel's integration now):`,
    ...valueLines(result.created),
  ];
  if (result.expiring.length) {
    lines.push('Replaced credentials still accepted until:');
    for (const e of result.expiring)
      lines.push(`  ${e.kind.padEnd(7)} …${e.hint || '????'}  ${e.expiresAt.toISOString()}`);
  } else {
    lines.push('No earlier credential of these kinds was active.');
  }
  return lines.join('\n');
}

function valueLines(created: readonly NewCredential[]): string[] {
  return created.map((c) =>
    c.kind === 'signing'
      ? `  signing secret (X-Comptoir-Signature HMAC key): ${c.value}`
      : `  read token (Authorization: Bearer):            ${c.value}`,
  );
}

export const CREATE_USAGE =
  'Usage: npm run channel:create -- <code> --name "Name" --kind web|marketplace|pos|phone [--split-shipments] [--backorders] [--ship-to-store] [--name-en "Name in English"] [--name-fr "Nom en français"]';

/** The arguments of channel:create, or the message saying what is wrong with them (the values are checked by createChannel). */
export function parseCreateArgs(
  argv: readonly string[],
): { ok: true; args: CreateChannelInput } | { ok: false; message: string } {
  let code: string | undefined;
  let name: string | undefined;
  let kind: string | undefined;
  let allowSplitShipments = false;
  let allowBackorders = false;
  let allowShipToStore = false;
  const names: LocalNames = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    // --name-en, --name-fr: the name shown in that language of the interface.
    const language = /^--name-(.+)$/.exec(flag)?.[1];
    if (language !== undefined && !isLocale(language)) {
      const known = LOCALES.map((l) => `--name-${l}`).join(', ');
      return { ok: false, message: `${flag}: a name is given per language of the interface (${known}).` };
    }
    if (flag === '--name' || flag === '--kind' || language) {
      const v = value();
      if (v === undefined || (inline === undefined && v.startsWith('--')))
        return { ok: false, message: `${flag} needs a value.\n${CREATE_USAGE}` };
      if (language) names[language] = v;
      else if (flag === '--name') name = v;
      else kind = v;
    } else if (
      (flag === '--split-shipments' || flag === '--backorders' || flag === '--ship-to-store') &&
      inline === undefined
    ) {
      if (flag === '--split-shipments') allowSplitShipments = true;
      else if (flag === '--backorders') allowBackorders = true;
      else allowShipToStore = true;
    } else if (flag.startsWith('-')) return { ok: false, message: `Unknown option "${arg}".\n${CREATE_USAGE}` };
    else if (code === undefined) code = arg;
    else return { ok: false, message: `One channel at a time ("${code}", then "${arg}").\n${CREATE_USAGE}` };
  }
  if (code === undefined || name === undefined || kind === undefined) return { ok: false, message: CREATE_USAGE };
  return {
    ok: true,
    args: {
      code,
      name,
      kind: kind as CreateChannelInput['kind'],
      allowSplitShipments,
      allowBackorders,
      allowShipToStore,
      ...(Object.keys(names).length ? { names } : {}),
    },
  };
}

/** What channel:create prints: the channel and its first credentials' values, once. */
export function formatCreatedChannel(result: CreatedChannel): string {
  const { channel } = result;
  const options = [
    channel.allowSplitShipments && 'split shipments',
    channel.allowBackorders && 'backorders',
    channel.allowShipToStore && 'ship-to-store',
  ].filter(Boolean);
  const lines = [
    `Channel "${channel.code}" created: ${channel.name} (${channel.kind}${options.length ? `; ${options.join(', ')}` : ''}).`,
    ...namesLine(channel.names),
    "Its credentials (shown once — store them in the channel's integration now):",
    ...valueLines(result.created),
  ];
  if (channel.kind === 'phone' && channel.code !== 'phone') {
    lines.push('Note: phone orders taken in the back-office go to the channel whose code is "phone", not this one.');
  }
  return lines.join('\n');
}

function namesLine(names: LocalNames): string[] {
  const given = LOCALES.filter((l) => names[l]).map((l) => `${l} "${names[l]}"`);
  return given.length ? [`Names per language: ${given.join(', ')} (other languages show its name).`] : [];
}

/** What channel:credentials prints: one line per credential, never a value. */
export function formatCredentialList(code: string, list: readonly CredentialSummary[]): string {
  if (!list.length) return `Channel "${code}" has no credentials: npm run channel:rotate -- ${code}`;
  const date = (d: Date | null, none: string) => (d ? d.toISOString().replace('.000Z', 'Z') : none);
  const rows = list.map((c) => [
    c.kind,
    c.hint ? `…${c.hint}` : '—',
    c.active ? 'active' : 'expired',
    date(c.createdAt, ''),
    date(c.expiresAt, 'never'),
    date(c.lastUsedAt, 'never'),
  ]);
  const head = ['kind', 'hint', 'state', 'created', 'expires', 'last used'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [`Channel "${code}":`, line(head), ...rows.map(line)].join('\n');
}
