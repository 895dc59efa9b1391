// The normalised form of a company name that the pages' multiEntry index holds,
// so "Alibaba Group Holding Ltd.", "alibaba group holding" and "Alibaba Group
// Holding Limited" find the same pages. Changing it changes the stored index
// keys: pair any change with a schema migration that recomputes companyKeys.

const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'plc', 'corp', 'corporation', 'co', 'company', 'llc', 'lp',
  'ag', 'sa', 'nv', 'se', 'spa', 'bv', 'gmbh', 'oyj', 'asa', 'ab', 'kk', 'pte', 'bhd', 'tbk',
]);

export function companyKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // "S.A." is "SA", "McDonald's" is "McDonalds".
    .replace(/[.'\u2019]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}

/** Aliases too generic to stand for one company across pages. */
const GENERIC = new Set(['group', 'company', 'the company', 'the group', 'bank', 'the bank', 'holdings', 'firm', 'the firm', 'fund']);

/** An alias worth indexing: three characters or more and not a generic noun. */
export function aliasKey(alias: string): string | null {
  const k = companyKey(alias);
  return k.length >= 3 && !GENERIC.has(k) ? k : null;
}

/**
 * Distinct index keys of every company a summary names: canonical names and
 * their aliases, so asking for "Alibaba" finds the pages that list it as an
 * alias of "Alibaba Group Holding".
 */
export function companyKeys(companies: { name: string; aliases?: string[] }[]): string[] {
  const keys = new Set<string>();
  for (const c of companies) {
    const k = companyKey(c.name);
    if (k) keys.add(k);
    for (const a of c.aliases ?? []) {
      const ak = aliasKey(a);
      if (ak) keys.add(ak);
    }
  }
  return [...keys];
}
