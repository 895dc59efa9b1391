// What the page says about itself: schema.org JSON-LD, microdata types and
// Open Graph tags. Looks at <head>'s children only; the body walk hands over
// what it met in the body.

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
export function readMeta(doc: Document, bodyScripts: Element[] = [], bodyItemTypes: string[] = []): PageMeta {
  const meta: PageMeta = { types: [...bodyItemTypes], headline: '', description: '', bodyKey: '', ogType: '' };
  const scripts: Element[] = [];
  const metas = new Map<string, string>();
  for (const el of [doc.documentElement, doc.body].filter(Boolean)) {
    const t = el!.getAttribute('itemtype');
    if (t) meta.types.push(t.split('/').pop() ?? '');
  }
  for (const el of doc.head?.children ?? []) {
    if (el.localName === 'script' && el.getAttribute('type') === 'application/ld+json') scripts.push(el);
    else if (el.localName === 'meta') {
      const key = el.getAttribute('property') ?? el.getAttribute('name');
      if (key && !metas.has(key)) metas.set(key, (el.getAttribute('content') ?? '').trim());
    }
  }
  let body = '';
  for (const script of [...scripts, ...bodyScripts]) {
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
  meta.bodyKey = body ? textKey(body.replace(/<[^>]*>/g, ' ')) : '';
  meta.ogType = metas.get('og:type') ?? '';
  if (!meta.headline) meta.headline = metas.get('og:title') ?? '';
  if (!meta.description) meta.description = metas.get('og:description') || metas.get('description') || '';
  return meta;
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
