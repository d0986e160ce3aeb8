import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { icons as lucide, Search, X } from 'lucide';
import { describe, expect, it, vi } from 'vitest';
import { Icon } from './icons';

describe('Icon', () => {
  it("draws any of lucide's icons as lucide does: 24 × 24, 2 px round strokes in the text colour, decorative", () => {
    const warn = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const nodes = Object.entries(lucide);
    expect(nodes.length).toBeGreaterThan(1000);
    for (const [name, node] of nodes) {
      const svg = renderToStaticMarkup(createElement(Icon, { node, className: 'size-4' }));
      expect(svg, name).toMatch(
        /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" class="size-4">/,
      );
      expect(svg, name).toMatch(/<(path|circle|line|rect|polyline|polygon|ellipse) /);
    }
    // Every attribute of every drawing is one React knows: a kebab-case key would log an error.
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('is announced, not hidden, once it has a label or a role', () => {
    const svg = renderToStaticMarkup(createElement(Icon, { node: Search, 'aria-label': 'Search', role: 'img' }));
    expect(svg).not.toContain('aria-hidden');
    expect(svg).toContain('aria-label="Search"');
  });

  it("draws lucide's shapes", () => {
    expect(renderToStaticMarkup(createElement(Icon, { node: X }))).toContain(
      '<path d="M18 6 6 18"></path><path d="m6 6 12 12"></path>',
    );
  });
});
