import { describe, expect, it } from 'vitest';
import { buildOnHandSeries } from './history-series';

describe('buildOnHandSeries', () => {
  it('carries each location forward, extends to today and keeps quiet locations flat', () => {
    const { data, codes } = buildOnHandSeries(
      [
        { day: '2026-11-01', locationCode: 'PAR', onHand: 5 },
        { day: '2026-11-03', locationCode: 'LYS', onHand: 2 },
        { day: '2026-11-04', locationCode: 'PAR', onHand: 3 },
      ],
      [
        { code: 'PAR', onHand: 3 },
        { code: 'LYS', onHand: 2 },
        { code: 'MRS', onHand: 7 },
        { code: 'BOD', onHand: 0 },
      ],
      '2026-11-05',
    );
    expect(codes).toEqual(['PAR', 'LYS', 'MRS']);
    expect(data).toEqual([
      { day: '2026-11-01', PAR: 5, LYS: null, MRS: 7 },
      { day: '2026-11-03', PAR: 5, LYS: 2, MRS: 7 },
      { day: '2026-11-04', PAR: 3, LYS: 2, MRS: 7 },
      { day: '2026-11-05', PAR: 3, LYS: 2, MRS: 7 },
    ]);
  });

  it('has nothing to draw without movements', () => {
    expect(buildOnHandSeries([], [{ code: 'PAR', onHand: 4 }], '2026-11-05').data).toEqual([]);
  });
});
