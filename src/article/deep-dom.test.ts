// Detection survives a page that nests elements 10,000 deep (the walk once
// recursed and overflowed the call stack; see test/e2e/hostile-pages.test.ts).
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectArticle } from './index.ts';

describe('detectArticle on a very deep DOM', () => {
  it('finds the story at the bottom of 10,000 nested divs', () => {
    const { document } = parseHTML('<!doctype html><html><head><title>Deep</title></head><body><div id="root"></div></body></html>');
    let el = document.getElementById('root')!;
    for (let i = 0; i < 10_000; i++) el = el.appendChild(document.createElement('div'));
    const story = document.createElement('article');
    story.innerHTML = '<h1>Alibaba shares rise</h1>' + '<p>Alibaba shares rose 5 percent on Tuesday after the company said revenue grew, beating forecasts by a wide margin again.</p>'.repeat(12);
    el.appendChild(story);
    const a = detectArticle(document as unknown as Document);
    expect(a.isArticle).toBe(true);
    expect(a.blocks).toHaveLength(12);
  });
});
