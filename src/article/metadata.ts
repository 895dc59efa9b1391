// What the page says about itself: schema.org JSON-LD, microdata types and
// Open Graph tags. Looks at <head>'s children only; the body walk hands over
// what it met in the body. Runs in steps (pace.ts): a page can carry a long
// JSON-LD articleBody or a large ItemList.
import { CHARS_PER_UNIT, KEY_CHARS_PER_UNIT, spent, type Pace } from './pace.ts';

export interface PageMeta {
  /** schema.org types named by JSON-LD and microdata ("NewsArticle", "CollectionPage"...). */
  types: string[];
  headline: string;
  description: string;
  /** JSON-LD articleBody, lower-cased letters and digits only, single-spaced ("" if none). */
  bodyKey: string;
  ogType: string;
}

const ARTICLE_TYPE_RE = /article|posting|report|review|opinion|analysis|liveblog|backgroundnews|satire/i;
const LISTING_TYPE_RE = /^(collectionpage|searchresultspage|website|itemlist|profilepage|webapplication|softwareapplication|checkoutpage|faqpage|qapage)$/i;

export const isArticleType = (t: string): boolean => ARTICLE_TYPE_RE.test(t);
export const isListingType = (t: string): boolean => LISTING_TYPE_RE.test(t);

/** Letters and digits only, lower-case, single spaces: the key blocks are matched against. */
export function textKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Reads <head> (its children only) plus what the body walk collected: JSON-LD
 * scripts and microdata types met in the body.
 */
export function* readMeta(doc: Document, bodyScripts: Element[], bodyItemTypes: string[], pace: Pace): Generator<void, PageMeta> {
  const meta: PageMeta = { types: [...bodyItemTypes], headline: '', description: '', bodyKey: '', ogType: '' };
  const scripts: Element[] = [];
  const metas = new Map<string, string>();
  for (const el of [doc.documentElement, doc.body].filter(Boolean)) {
    const t = el!.getAttribute('itemtype');
    if (t) meta.types.push(t.split('/').pop() ?? '');
  }
  for (const el of doc.head?.children ?? []) {
    if (spent(pace)) yield;
    if (el.localName === 'script' && el.getAttribute('type') === 'application/ld+json') scripts.push(el);
    else if (el.localName === 'meta') {
      const key = el.getAttribute('property') ?? el.getAttribute('name');
      if (key && !metas.has(key)) metas.set(key, (el.getAttribute('content') ?? '').trim());
    }
  }
  let body = '';
  for (const script of [...scripts, ...bodyScripts]) {
    if (spent(pace)) yield;
    let data: unknown;
    // One JSON.parse cannot be split: a step holds a whole script.
    const json = script.textContent ?? '';
    pace.left -= json.length / CHARS_PER_UNIT;
    try { data = JSON.parse(json); } catch { continue; }
    // Depth-first, pre-order, as far as 6 levels down, through the keys that nest entities.
    const stack: [unknown, number][] = [[data, 0]];
    while (stack.length) {
      if (spent(pace)) yield;
      const [item, depth] = stack.pop()!;
      if (depth > 6 || item === null || typeof item !== 'object') continue;
      if (Array.isArray(item)) {
        for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], depth + 1]);
        continue;
      }
      const node = item as LdNode;
      if ('@type' in node) {
        const type = node['@type'];
        const types = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
        meta.types.push(...types);
        if (types.some(isArticleType)) {
          if (!meta.headline && typeof node.headline === 'string') meta.headline = node.headline;
          if (!meta.description && typeof node.description === 'string') meta.description = node.description;
          if (typeof node.articleBody === 'string' && node.articleBody.length > body.length) body = node.articleBody;
        }
      }
      for (let k = NESTING_KEYS.length - 1; k >= 0; k--) if (NESTING_KEYS[k] in node) stack.push([node[NESTING_KEYS[k]], depth + 1]);
    }
  }
  meta.bodyKey = body ? yield* htmlTextKey(body, pace) : '';
  meta.ogType = metas.get('og:type') ?? '';
  if (!meta.headline) meta.headline = metas.get('og:title') ?? '';
  if (!meta.description) meta.description = metas.get('og:description') || metas.get('description') || '';
  return meta;
}

type LdNode = Record<string, unknown>;

const NESTING_KEYS = ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'hasPart'];

/** Characters of an articleBody keyed at once (some 0.25 ms on linkedom). */
const KEY_PIECE = 10_000;

/**
 * textKey of `html` with its tags taken out, a piece at a time: a
 * 50,000-word articleBody is a third of a megabyte. Pieces end after an ASCII
 * letter or digit followed by white space, outside any tag, so each keys
 * exactly as it would inside the whole (no tag, no run of separators, no
 * lower-casing context crosses a cut); text without such a place is keyed whole.
 */
function* htmlTextKey(html: string, pace: Pace): Generator<void, string> {
  const keyed: string[] = [];
  let from = 0;
  while (from < html.length) {
    let cut = html.length;
    let open = -1;
    let close = -1;
    for (let i = from; i < html.length; i++) {
      const c = html.charCodeAt(i);
      if (c === 60) open = i;
      else if (c === 62) close = i;
      else if (i >= from + KEY_PIECE && (c === 32 || c === 10 || c === 9 || c === 13) && open <= close && isAsciiAlnum(html.charCodeAt(i - 1))) {
        cut = i;
        break;
      }
    }
    const piece = html.slice(from, cut);
    keyed.push(piece.replace(/<[^>]*>/g, ' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' '));
    from = cut;
    if (spent(pace, piece.length / KEY_CHARS_PER_UNIT)) yield;
  }
  return keyed.join('').trim();
}

const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
