// Article-body detection on any DOM: the public face of src/article. Reads the
// document, never modifies it (no clone either), so the content script runs it
// on the live page:
//
//   const article = detectArticle(document, { isHidden: layoutHidden });
//   if (article.isArticle) for (const block of article.blocks) scan(blockText(block));
//
// detectArticleSteps is the same in short steps (a bounded amount of work per
// next(), no clock inside), for a main thread that must not block:
//
//   const steps = detectArticleSteps(document, { isHidden: layoutHidden });
//   let r = steps.next();
//   while (!r.done) { if (sliceIsOver()) await nextSlice(); r = steps.next(); }
//   const article = r.value;
//
// Each block's text is its own inline text, one line per paragraph; nested
// blocks are blocks of their own. The CLI runs the same code on linkedom.
export type { ArticleBody } from './types.ts';
export { detectArticle, detectArticleSteps, type DetectOptions } from './detect-article.ts';
export { blockText, visibleBlockText, type HiddenCheck } from './block-text.ts';
export { layoutHidden } from './layout-hidden.ts';
