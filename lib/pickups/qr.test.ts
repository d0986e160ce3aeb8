import { describe, expect, it } from 'vitest';
import { qrSvg } from './qr';

describe('qrSvg', () => {
  it('draws an accessible SVG, the same for the same text and different for another', async () => {
    const svg = await qrSvg('123456', 'QR code of pickup code <123 456>');
    expect(svg.startsWith('<svg role="img" aria-label="QR code of pickup code &#60;123 456&#62;" ')).toBe(true);
    expect(svg).toContain('<title>QR code of pickup code &#60;123 456&#62;</title>');
    expect(svg).toMatch(/viewBox="0 0 23 23"/); // version 1 (21 modules) and a one-module margin
    expect(svg).toMatch(/<path stroke="#000000" d="M1 1\.5h7/); // the top-left finder pattern
    expect(await qrSvg('123456', 'QR code of pickup code <123 456>')).toBe(svg);
    expect(await qrSvg('654321', 'x')).not.toContain(svg.slice(svg.indexOf('<path stroke')));
  });

  it('holds a tracking link of a real length', async () => {
    const svg = await qrSvg(`https://shop.example.fr/track/${'a'.repeat(43)}`, 'Tracking link');
    const size = Number(/viewBox="0 0 (\d+) /.exec(svg)![1]);
    expect(size).toBeGreaterThan(23);
    expect(size).toBeLessThanOrEqual(47); // at most version 5: readable from a phone's screen
  });
});
