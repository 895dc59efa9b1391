// Detection must leave the page exactly as it found it: the content script runs
// it on the live DOM. Serialises each document before and after.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blockText, detectArticle } from './index.ts';
import { page, parse } from './test-page.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const pagesDir = `${here}../../../shared/pages`;
const corpusDir = `${here}../../../shared/corpus`;
const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => `${dir}/${f}`) : []);

function unchanged(doc: Document): void {
  const before = doc.documentElement.outerHTML;
  const a = detectArticle(doc);
  for (const b of a.blocks) blockText(b);
  if (a.standfirst) blockText(a.standfirst);
  expect(doc.documentElement.outerHTML).toBe(before);
}

describe('detectArticle leaves the document unchanged', () => {
  it('on a small page', () => {
    unchanged(page('<h1>Headline</h1><div class="article-body"><p>Some story text, long enough to count as a paragraph of the story.</p></div>'));
  });

  it.each([...files(`${here}fixtures`), ...files(pagesDir), ...files(corpusDir)])('%s', (file) => {
    unchanged(parse(readFileSync(file, 'utf8')));
  });
});
