// Article-body detection on any DOM: the public face of src/article. Reads the
// document, never modifies it.
export type { ArticleBody } from './types.ts';
export { detectArticle, type DetectOptions } from './detect-article.ts';
export { blockText, visibleBlockText, type HiddenCheck } from './block-text.ts';
export { layoutHidden } from './layout-hidden.ts';
