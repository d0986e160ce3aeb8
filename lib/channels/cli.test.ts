import { describe, expect, it } from 'vitest';
import {
  formatCreatedChannel,
  formatCredentialList,
  formatRotation,
  parseCreateArgs,
  parseDuration,
  parseRotateArgs,
} from './cli';

describe('channel:rotate arguments', () => {
  it('reads durations', () => {
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('7d')).toBe(7 * 86_400_000);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('12')).toBeNull();
    expect(parseDuration('-1h')).toBeNull();
    expect(parseDuration('1w')).toBeNull();
  });

  it('defaults to both kinds and a 24 h overlap, and refuses what it cannot read', () => {
    expect(parseRotateArgs(['web'])).toEqual({
      ok: true,
      args: { code: 'web', overlapMs: 86_400_000, kinds: ['signing', 'read'] },
    });
    expect(parseRotateArgs(['web', '--overlap', '2h', '--kind', 'read'])).toEqual({
      ok: true,
      args: { code: 'web', overlapMs: 7_200_000, kinds: ['read'] },
    });
    expect(parseRotateArgs(['--kind=signing', 'web', '--overlap=0'])).toEqual({
      ok: true,
      args: { code: 'web', overlapMs: 0, kinds: ['signing'] },
    });
    expect(parseRotateArgs([])).toMatchObject({ ok: false, message: expect.stringMatching(/^Usage/) });
    expect(parseRotateArgs(['web', '--overlap', 'soon'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/--overlap/),
    });
    expect(parseRotateArgs(['web', '--kind', 'all'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/--kind/),
    });
    expect(parseRotateArgs(['web', 'pos'])).toMatchObject({ ok: false });
    expect(parseRotateArgs(['web', '--force'])).toMatchObject({ ok: false });
  });
});

describe('channel:rotate and channel:credentials output', () => {
  const at = new Date('2026-12-01T10:00:00Z');
  it("prints the new values once and the old ones' end, and lists credentials without values", () => {
    const text = formatRotation({
      channel: { id: 'c', code: 'web' },
      created: [
        { id: '1', kind: 'signing', value: 'cps_NEWSIGNING', hint: 'NING' },
        { id: '2', kind: 'read', value: 'cpr_NEWREAD', hint: 'READ' },
      ],
      expiring: [{ id: '0', kind: 'signing', hint: '-web', expiresAt: at }],
    });
    expect(text).toContain('cps_NEWSIGNING');
    expect(text).toContain('cpr_NEWREAD');
    expect(text).toContain('…-web  2026-12-01T10:00:00.000Z');
    const list = formatCredentialList('web', [
      { id: '1', kind: 'signing', hint: 'NING', createdAt: at, expiresAt: null, lastUsedAt: null, active: true },
      { id: '0', kind: 'signing', hint: '', createdAt: at, expiresAt: at, lastUsedAt: at, active: false },
    ]);
    expect(list.split('\n')).toEqual([
      'Channel "web":',
      'kind     hint   state    created               expires               last used',
      'signing  …NING  active   2026-12-01T10:00:00Z  never                 never',
      'signing  —      expired  2026-12-01T10:00:00Z  2026-12-01T10:00:00Z  2026-12-01T10:00:00Z',
    ]);
    expect(formatCredentialList('pos', [])).toMatch(/no credentials/);
  });
});

describe('channel:create arguments and output', () => {
  it('reads the code, name, kind and flags, and refuses what it cannot read', () => {
    expect(parseCreateArgs(['web', '--name', 'Boutique en ligne', '--kind', 'web'])).toEqual({
      ok: true,
      args: {
        code: 'web',
        name: 'Boutique en ligne',
        kind: 'web',
        allowSplitShipments: false,
        allowBackorders: false,
        allowShipToStore: false,
      },
    });
    expect(
      parseCreateArgs([
        '--kind=marketplace',
        '--split-shipments',
        'amazon',
        '--name=Amazon.fr',
        '--backorders',
        '--ship-to-store',
      ]),
    ).toEqual({
      ok: true,
      args: {
        code: 'amazon',
        name: 'Amazon.fr',
        kind: 'marketplace',
        allowSplitShipments: true,
        allowBackorders: true,
        allowShipToStore: true,
      },
    });
    expect(
      parseCreateArgs([
        'web',
        '--name',
        'Boutique en ligne',
        '--kind',
        'web',
        '--name-en',
        'Online shop',
        '--name-fr=Boutique en ligne',
      ]),
    ).toEqual({
      ok: true,
      args: {
        code: 'web',
        name: 'Boutique en ligne',
        names: { en: 'Online shop', fr: 'Boutique en ligne' },
        kind: 'web',
        allowSplitShipments: false,
        allowBackorders: false,
        allowShipToStore: false,
      },
    });
    expect(parseCreateArgs(['web', '--name', 'x', '--kind', 'web', '--name-de', 'Onlineshop'])).toMatchObject({
      ok: false,
      message: '--name-de: a name is given per language of the interface (--name-en, --name-fr).',
    });
    expect(parseCreateArgs(['web', '--name', 'x', '--kind', 'web', '--name-en'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^--name-en needs a value/),
    });
    expect(parseCreateArgs([])).toMatchObject({ ok: false, message: expect.stringMatching(/^Usage/) });
    expect(parseCreateArgs(['web', '--kind', 'web'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Usage/),
    });
    expect(parseCreateArgs(['web', '--kind', 'web', '--name'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^--name needs a value/),
    });
    expect(parseCreateArgs(['web', '--name', '--kind', 'web'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^--name needs a value/),
    });
    expect(parseCreateArgs(['web', 'pos', '--name', 'x', '--kind', 'web'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/One channel at a time/),
    });
    expect(parseCreateArgs(['web', '--name', 'x', '--kind', 'web', '--backorders=no'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Unknown option/),
    });
  });

  it('prints the channel and its two values once, and says where phone orders go', () => {
    const created = [
      { id: '1', kind: 'signing' as const, value: 'cps_FIRSTSIGNING', hint: 'NING' },
      { id: '2', kind: 'read' as const, value: 'cpr_FIRSTREAD', hint: 'READ' },
    ];
    const channel = {
      id: 'c',
      code: 'amazon',
      name: 'Amazon.fr',
      names: {},
      kind: 'marketplace' as const,
      allowSplitShipments: true,
      allowBackorders: false,
      allowShipToStore: false,
    };
    const text = formatCreatedChannel({ channel, created });
    expect(text.split('\n')).toEqual([
      'Channel "amazon" created: Amazon.fr (marketplace; split shipments).',
      "Its credentials (shown once — store them in the channel's integration now):",
      '  signing secret (X-Comptoir-Signature HMAC key): cps_FIRSTSIGNING',
      '  read token (Authorization: Bearer):            cpr_FIRSTREAD',
    ]);
    expect(
      formatCreatedChannel({
        channel: { ...channel, code: 'phone', kind: 'phone', allowSplitShipments: false },
        created,
      }),
    ).not.toMatch(/Note/);
    const named = formatCreatedChannel({
      channel: {
        ...channel,
        code: 'web',
        name: 'Boutique en ligne',
        names: { fr: 'Boutique en ligne', en: 'Online shop' },
        kind: 'web',
      },
      created,
    });
    expect(named.split('\n').slice(0, 2)).toEqual([
      'Channel "web" created: Boutique en ligne (web; split shipments).',
      'Names per language: en "Online shop", fr "Boutique en ligne" (other languages show its name).',
    ]);
    expect(formatCreatedChannel({ channel: { ...channel, code: 'hotline', kind: 'phone' }, created })).toMatch(
      /code is "phone"/,
    );
  });
});
