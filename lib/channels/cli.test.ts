import { describe, expect, it } from 'vitest';
import { formatCredentialList, formatRotation, parseDuration, parseRotateArgs } from './cli';

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
    expect(parseRotateArgs(['web'])).toEqual({ ok: true, args: { code: 'web', overlapMs: 86_400_000, kinds: ['signing', 'read'] } });
    expect(parseRotateArgs(['web', '--overlap', '2h', '--kind', 'read'])).toEqual({ ok: true, args: { code: 'web', overlapMs: 7_200_000, kinds: ['read'] } });
    expect(parseRotateArgs(['--kind=signing', 'web', '--overlap=0'])).toEqual({ ok: true, args: { code: 'web', overlapMs: 0, kinds: ['signing'] } });
    expect(parseRotateArgs([])).toMatchObject({ ok: false, message: expect.stringMatching(/^Usage/) });
    expect(parseRotateArgs(['web', '--overlap', 'soon'])).toMatchObject({ ok: false, message: expect.stringMatching(/--overlap/) });
    expect(parseRotateArgs(['web', '--kind', 'all'])).toMatchObject({ ok: false, message: expect.stringMatching(/--kind/) });
    expect(parseRotateArgs(['web', 'pos'])).toMatchObject({ ok: false });
    expect(parseRotateArgs(['web', '--force'])).toMatchObject({ ok: false });
  });
});

describe('channel:rotate and channel:credentials output', () => {
  const at = new Date('2026-12-01T10:00:00Z');
  it('prints the new values once and the old ones\' end, and lists credentials without values', () => {
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
