// Detection on the saved real pages and the invented corpus pages of
// ../shared (skipped where that folder is absent): every page is an article,
// its body holds the story and none of the furniture around it.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectArticle } from './index.ts';
import { bodyLines, parse } from './test-page.ts';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const load = (path: string) => parse(readFileSync(`${shared}${path}`, 'utf8'));

describe.skipIf(!existsSync(`${shared}corpus`))('invented corpus pages', () => {
  // Text that sits on these pages outside the story: tickers, teasers, most-read lists, newsletter boxes, captions.
  const furniture: Record<string, string[]> = {
    'uk-markets-wrap': ['Lloyds sets aside extra', 'The Closing Bell', 'Magnum Ice Cream Company shares jump', 'Shoppers outside a Next store', 'GBP/EUR', 'By Oliver Kemp'],
    'asia-markets': ['Keeta to spend', 'China Business Brief', 'Photo: Bloomberg', 'Bitcoin US$98,412', 'Why you can trust'],
    'us-earnings': ['Key Points', 'Dell shares sink 9%', 'Costco tops estimates', 'Get Tech Check', 'Last: 98.36', 'WATCH NOW', 'Carla Benitez'],
  };
  it.each(Object.entries(furniture))('%s', (name, junk) => {
    const doc = load(`corpus/${name}.html`);
    const a = detectArticle(doc);
    expect(a.isArticle).toBe(true);
    const body = bodyLines(doc).join('\n');
    expect(body.length).toBeGreaterThan(2000);
    for (const j of junk) expect(body).not.toContain(j);
  });
});

describe.skipIf(!existsSync(`${shared}pages`))('saved real pages', () => {
  it.each(['nytimes-4', 'wired-2', 'macrumors-1', 'thehill-1', 'businessinsider-2'])('%s: first and last paragraph of the annotated body are found', (name) => {
    const doc = load(`pages/${name}.html`);
    const expected = readFileSync(`${shared}pages/${name}.expected.txt`, 'utf8').split('\n').filter((l) => l.trim());
    const body = bodyLines(doc).join('\n').replace(/\s+/g, ' ');
    expect(detectArticle(doc).isArticle).toBe(true);
    expect(body).toContain(expected[0].trim().replace(/\s+/g, ' ').slice(0, 60));
    expect(body).toContain(expected[expected.length - 1].trim().replace(/\s+/g, ' ').slice(0, 60));
  });
});
