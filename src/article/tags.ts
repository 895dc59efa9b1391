// Tag and class-name vocabulary of article-body detection: which elements never
// hold article text, which start a new paragraph, and which class/id words mark
// boilerplate. Kept as plain data so the rules read in one place.

/** Never article text, never descended into. */
export const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video',
  'audio', 'picture', 'img', 'input', 'select', 'textarea', 'button', 'option', 'figure', 'figcaption',
  'head', 'meta', 'link', 'title', 'nav', 'dialog', 'label', 'map',
]);

/**
 * Elements that start a paragraph-like unit of their own. Everything else
 * (a, span, em, custom elements, td...) is inline: its text belongs to the
 * nearest block ancestor. Table cells are inline so a table row reads as one
 * line ("Revenue | $2.47bn | $2.42bn"); a cell holding paragraphs still splits.
 */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'caption', 'ul', 'html',
]);

export const HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** Cells of a row: their texts are joined with " | ". */
export const CELL_TAGS = new Set(['td', 'th']);

const LAYOUT_CONTENT = 'p, div, table, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, section, article, form';

/**
 * A cell of a layout table (an old page's columns), not of a data table: it
 * holds blocks of its own, so it is a block, not a piece of its row's line.
 */
export const isLayoutCell = (el: Element): boolean => el.querySelector(LAYOUT_CONTENT) !== null;

/** Starts a paragraph-like unit of its own (see BLOCK_TAGS). */
export const isBlock = (el: Element, tag: string): boolean => BLOCK_TAGS.has(tag) || (CELL_TAGS.has(tag) && isLayoutCell(el));

/** Class/id words (after splitting on punctuation and camelCase) of boxes that are not the story. */
const BOILER_WORDS = [
  'share', 'sharing', 'sharebar', 'social', 'related', 'recommended', 'recommendations', 'newsletter', 'newsletters',
  'subscribe', 'subscription', 'signup', 'promo', 'promotion', 'advert', 'advertisement', 'advertising', 'ad', 'ads',
  'adsbygoogle', 'adslot', 'dfp', 'gpt', 'sponsor', 'sponsored', 'comment', 'comments', 'disqus', 'footer', 'sidebar',
  'rail', 'breadcrumb', 'breadcrumbs', 'byline', 'author', 'authors', 'meta', 'dateline', 'timestamp', 'tags',
  'topics', 'caption', 'credit', 'credits', 'trending', 'popular', 'outbrain', 'taboola', 'cookie', 'cookies',
  'consent', 'gdpr', 'onetrust', 'modal', 'popup', 'popover', 'tooltip', 'rollover', 'hovercard', 'toolbar',
  'masthead', 'navigation', 'navbar', 'menu', 'pagination', 'pager', 'ticker', 'marquee', 'pullquote', 'video',
  'player', 'jwplayer', 'podcast', 'linkback', 'disclaimer', 'copyright', 'banner', 'widget', 'teaser', 'teasers',
  'headline', 'headlines', 'header', 'eyebrow', 'kicker', 'keypoints', 'nocontent', 'print', 'skip', 'nav', 'gallery',
  'slideshow', 'carousel', 'lightbox', 'slider', 'controls',
];
const BOILER_PHRASES = ['read more', 'more on', 'see also', 'most read', 'most popular', 'more stories', 'also like',
  'you may', 'pull quote', 'key points', 'market data', 'quote in', 'more from', 'top stories', 'sign up'];
const BOILER_RE = new RegExp(`(?:^| )(?:${[...BOILER_WORDS, ...BOILER_PHRASES].join('|')})(?= |$)`);

/** Class/id words of the story's own container. */
const CONTENT_RE = /(?:^| )(?:article|articlebody|body|content|entry|main|post|story|text|copy|prose|blog|news)(?= |$)/;
const STRONG_CONTENT_RE = /(?:^| )(?:article body|articlebody|story body|entry content|post content|article content|article text|body text|post body|story content|main content|body copy|article copy|rich text)(?= |$)/;

/** "RelatedContent-relatedContent article__body" -> "related content related content article body". */
export function classWords(el: Element): string {
  return wordsOf(el.getAttribute('class'), el.getAttribute('id'));
}

// Pages repeat the same class strings many times over: split each once.
const wordsCache = new Map<string, string>();

function wordsOf(cls: string | null, id: string | null): string {
  const raw = cls && id ? `${cls} ${id}` : cls || id || '';
  if (raw.length < 2) return '';
  let words = wordsCache.get(raw);
  if (words === undefined) {
    if (wordsCache.size > 20000) wordsCache.clear();
    words = raw.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    wordsCache.set(raw, words);
  }
  return words;
}

/** "has-video", "with-sidebar", "no-ads": words about a container's layout, not what it is. */
const MODIFIER_RE = /(?:^| )(?:has|with|without|no|hide|show|enable|enabled|disable|disabled|allow|is) [a-z0-9]+/g;

export const isBoilerWords = (words: string): boolean => words !== '' && BOILER_RE.test(words.replace(MODIFIER_RE, ' '));
export const isContentWords = (words: string): boolean => words !== '' && CONTENT_RE.test(words);
export const isStrongContentWords = (words: string): boolean => words !== '' && STRONG_CONTENT_RE.test(words);

const HIDDEN_STYLE_RE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const HIDDEN_CLASSES = new Set(['hidden', 'hide', 'is-hidden', 'element-hidden', 'visually-hidden', 'visuallyhidden',
  'sr-only', 'screen-reader-text', 'screenreader-only', 'u-hidden', 'd-none', 'offscreen']);

/**
 * Inline furniture that sits inside paragraphs: captions and credits of inline
 * images, and the hidden part of hover cards ("rollover-people-block",
 * "tooltip-content"; not the "rollover-people" wrapper, which holds the name).
 */
const INLINE_FURNITURE_RE = /(?:^| )(?:caption|credit|credits|hovercard|tooltiptext|(?:tooltip|popover|rollover|hover) (?:card|block|content|popup|box|panel|text|body))(?= |$)/;

/** What one look at an element's attributes tells: read once per element in the walk. */
export interface Look {
  /** Not read as text: hidden, or inline furniture such as an image caption or a hover card. */
  hidden: boolean;
  /** Hidden by aria-hidden="true" alone (a modal may set it on the whole page behind it). */
  ariaOnly?: boolean;
  /** Class and id split into lower-case words. */
  words: string;
}

/** What look() answers for an element without attributes (the same object every time, so callers can tell). */
export const PLAIN: Look = Object.freeze({ hidden: false, words: '' });

export function look(el: Element): Look {
  if (!el.hasAttributes()) return PLAIN;
  if (el.hasAttribute('hidden')) return { hidden: true, words: '' };
  if (el.getAttribute('aria-hidden') === 'true') return { hidden: true, ariaOnly: true, words: '' };
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE_RE.test(style)) return { hidden: true, words: '' };
  const cls = el.getAttribute('class');
  if (cls) for (const c of cls.split(/\s+/)) if (HIDDEN_CLASSES.has(c)) return { hidden: true, words: '' };
  const words = wordsOf(cls, el.getAttribute('id'));
  return { hidden: INLINE_FURNITURE_RE.test(words), words };
}

/** Not read as text, by markup alone (what a DOM without layout can know). */
export const hiddenByMarkup = (el: Element): boolean => look(el).hidden;
