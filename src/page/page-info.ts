// What the content script tells the background about the page: URL, the
// canonical URL it is stored under, title, site and publication date.
// The background normalises canonicalUrl again; we only pick the best source.
import type { PageInfo } from '../messages.ts';

const TRACKING = /^(utm_|pk_|mtm_)|^(fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ocid|cmpid|smid)$/i;

/** <link rel=canonical>, else og:url, else the location; hash and tracking parameters dropped. */
export function canonicalUrl(doc: Document, href: string = doc.location.href, options: { ignoreLinks?: boolean } = {}): string {
  const candidates = options.ignoreLinks ? [] : [
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  for (const c of candidates) {
    if (!c) continue;
    try {
      const u = new URL(c, href);
      // A canonical link to another site (syndication) is still this page's identity only on the same protocol family.
      if (u.protocol === 'http:' || u.protocol === 'https:') {
        url = u;
        break;
      }
    } catch {
      // ignore malformed metadata
    }
  }
  url.hash = '';
  // forEach, not keys(): the iterator is not iterable from a Firefox content script.
  const names: string[] = [];
  url.searchParams.forEach((_v, k) => names.push(k));
  for (const name of names) if (TRACKING.test(name)) url.searchParams.delete(name);
  return url.toString();
}

function published(doc: Document): string | undefined {
  const meta = doc.querySelector('meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"], meta[name="date"], meta[name="pubdate"]');
  const fromMeta = meta?.getAttribute('content');
  if (fromMeta) return iso(fromMeta);
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"([^"]{4,40})"/.exec(s.textContent ?? '');
    if (m) return iso(m[1]);
  }
  const time = doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime');
  return time ? iso(time) : undefined;
}

function iso(value: string): string | undefined {
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

export function pageInfo(doc: Document, article: { isArticle: boolean; reason: string; title: string }): PageInfo {
  const url = doc.location.href;
  const date = published(doc);
  return {
    url,
    canonicalUrl: canonicalUrl(doc, url),
    title: article.title || doc.title || '',
    site: doc.location.hostname.replace(/^www\./, ''),
    ...(date ? { published: date } : {}),
    isArticle: article.isArticle,
    reason: article.reason,
  };
}
