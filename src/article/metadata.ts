// What the page says about itself: schema.org JSON-LD and Open Graph tags. A
// handful of targeted queries on <head>-level elements, no tree walk.

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

export function readMeta(doc: Document): PageMeta {
  const meta: PageMeta = { types: [], headline: '', description: '', bodyKey: '', ogType: '' };
  let body = '';
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try { data = JSON.parse(script.textContent ?? ''); } catch { continue; }
    visitLd(data, (node) => {
      const type = node['@type'];
      const types = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
      meta.types.push(...types);
      if (!types.some(isArticleType)) return;
      if (!meta.headline && typeof node.headline === 'string') meta.headline = node.headline;
      if (!meta.description && typeof node.description === 'string') meta.description = node.description;
      if (typeof node.articleBody === 'string' && node.articleBody.length > body.length) body = node.articleBody;
    }, 0);
  }
  for (const el of doc.querySelectorAll('[itemtype]')) {
    const t = el.getAttribute('itemtype')?.split('/').pop();
    if (t) meta.types.push(t);
  }
  meta.bodyKey = body ? textKey(body.replace(/<[^>]*>/g, ' ')) : '';
  meta.ogType = metaContent(doc, 'og:type');
  if (!meta.headline) meta.headline = metaContent(doc, 'og:title');
  if (!meta.description) meta.description = metaContent(doc, 'og:description') || metaContent(doc, 'description');
  return meta;
}

function metaContent(doc: Document, key: string): string {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return (el?.getAttribute('content') ?? '').trim();
}

type LdNode = Record<string, unknown>;

function visitLd(data: unknown, fn: (node: LdNode) => void, depth: number): void {
  if (depth > 6 || data === null || typeof data !== 'object') return;
  if (Array.isArray(data)) { for (const d of data) visitLd(d, fn, depth + 1); return; }
  const node = data as LdNode;
  if ('@type' in node) fn(node);
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'hasPart']) {
    if (key in node) visitLd(node[key], fn, depth + 1);
  }
}
