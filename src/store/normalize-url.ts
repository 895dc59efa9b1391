// Turns a page URL into the key its record is stored under, so the same article
// reached through a newsletter link, a social share or an in-page anchor lands on
// one record (the clipper lost highlights across #fragments and params: its #652).
// Rules: lowercase scheme and host, drop default ports, "www." kept (sites differ),
// drop the hash, drop tracking parameters, sort the rest, and drop a trailing
// slash on any path but the root.

const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id',
  'ref_src', 'ref_url', 'cmpid', 'ocid', 'smid', 'sr_share', 'ito', 'ncid', 'guccounter',
  'guce_referrer', 'guce_referrer_sig', '__twitter_impression', 'spm', 'share', 'sharetype',
]);

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || n.startsWith('pk_') || n.startsWith('mtm_') || TRACKING_PARAMS.has(n);
}

/** The normalised URL, or null when the input is not an absolute http(s) URL. */
export function normalizeUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(([name]) => !isTracking(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  }
  // URL already lowercases the host and drops default ports.
  return url.toString();
}

/** Host without a leading "www.", for the site filter and same-site checks. */
export function siteOf(input: string): string {
  try {
    return new URL(input).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Last two host labels (three for hosts like bbc.co.uk): a rough registrable domain. */
export function registrableDomain(host: string): string {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':') || host.startsWith('[')) return host;
  const labels = host.toLowerCase().replace(/^www\./, '').split('.');
  const secondLevel = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu']);
  const take = labels.length >= 3 && secondLevel.has(labels[labels.length - 2]) && labels[labels.length - 1].length === 2 ? 3 : 2;
  return labels.slice(-take).join('.');
}
