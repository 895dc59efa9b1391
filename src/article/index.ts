// Article-body detection on any DOM. Reads the document, never modifies it.
// (First cut: <article> or <body> paragraphs; issue 7 replaces it.)
import type { ArticleBody } from './types.ts';

export type { ArticleBody } from './types.ts';

export function detectArticle(doc: Document): ArticleBody {
  const root = doc.querySelector('article') ?? doc.body;
  const blocks = root ? [...root.querySelectorAll('p')] : [];
  const title = doc.querySelector('h1')?.textContent?.trim() ?? doc.title ?? '';
  return { isArticle: blocks.length > 0, reason: 'first cut', title, blocks };
}

/** A block's text as the reader reads it. */
export function blockText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}
