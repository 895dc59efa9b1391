// The highlighter's bookkeeping, on a stand-in for the CSS Custom Highlight API
// (node has none): which ranges are registered as owners come and go. The real
// API is exercised end to end in test/e2e/content.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHighlighter } from './highlighter.ts';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}
const g = globalThis as { CSS?: unknown; Highlight?: unknown };
let registry: Map<string, FakeHighlight>;
beforeEach(() => {
  registry = new Map();
  g.CSS = { highlights: registry };
  g.Highlight = FakeHighlight;
});
afterEach(() => {
  delete g.CSS;
  delete g.Highlight;
});

const range = (n: number) => ({ n }) as unknown as AbstractRange;
const registered = (name: string) => [...(registry.get(name) ?? [])].map((r) => (r as unknown as { n: number }).n).sort((a, b) => a - b);

describe('highlighter.show', () => {
  it('takes an owner\'s ranges off the page and puts them back, including ranges added while off', () => {
    const hl = createHighlighter();
    const a = {};
    const b = {};
    hl.add(a, 'company', range(1));
    hl.add(b, 'company', range(2));
    hl.add(a, 'figure', range(3));
    expect(registered('newsmark-company')).toEqual([1, 2]);

    hl.show(a, false);
    expect(registered('newsmark-company')).toEqual([2]);
    expect(registered('newsmark-figure')).toEqual([]);
    hl.add(a, 'company', range(4));
    expect(registered('newsmark-company')).toEqual([2]);
    hl.show(a, false); // twice: no change
    expect(hl.size('company')).toBe(1);

    hl.show(a, true);
    expect(registered('newsmark-company')).toEqual([1, 2, 4]);
    expect(registered('newsmark-figure')).toEqual([3]);
    hl.show(a, true); // twice: nothing added twice
    expect(hl.size('company')).toBe(3);
  });

  it('clears an owner that is off, and the owner stays off for what it adds next', () => {
    const hl = createHighlighter();
    const a = {};
    hl.add(a, 'person', range(1));
    hl.show(a, false);
    hl.clear(a);
    hl.show(a, true);
    expect(registered('newsmark-person')).toEqual([]);
    hl.show(a, false);
    hl.add(a, 'person', range(2));
    expect(registered('newsmark-person')).toEqual([]);
    hl.show(a, true);
    expect(registered('newsmark-person')).toEqual([2]);
  });
});
