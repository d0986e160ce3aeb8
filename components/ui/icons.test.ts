import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import * as icons from './icons';

describe('icons', () => {
  const drawn = Object.entries(icons).filter((entry): entry is [string, icons.Icon] => typeof entry[1] === 'function');

  it('draws every icon as lucide does: 24 × 24, 2 px round strokes in the text colour, decorative', () => {
    const warn = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(drawn.length).toBeGreaterThan(60);
    for (const [name, Icon] of drawn) {
      const svg = renderToStaticMarkup(createElement(Icon, { className: 'size-4' }));
      expect(svg, name).toMatch(
        /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" class="size-4">/,
      );
      // At least one shape, every attribute one React knows (a kebab-case key would log an error).
      expect(svg, name).toMatch(/<(path|circle|line|rect|polyline|polygon|ellipse) /);
    }
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('is announced, not hidden, once it has a label or a role', () => {
    const svg = renderToStaticMarkup(createElement(icons.Search, { 'aria-label': 'Search', role: 'img' }));
    expect(svg).not.toContain('aria-hidden');
    expect(svg).toContain('aria-label="Search"');
  });

  it('draws the same shapes as lucide', () => {
    expect(renderToStaticMarkup(createElement(icons.X))).toContain(
      '<path d="M18 6 6 18"></path><path d="m6 6 12 12"></path>',
    );
  });
});
