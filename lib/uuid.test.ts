import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isUuid, randomUuid } from './uuid';

describe('randomUuid', () => {
  it('makes version 4 UUIDs that zod and isUuid accept, all different', () => {
    const made = Array.from({ length: 200 }, randomUuid);
    for (const id of made) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(isUuid(id)).toBe(true);
      expect(z.uuid().safeParse(id).success).toBe(true);
    }
    expect(new Set(made).size).toBe(made.length);
  });
});
