// Library queries: newest first, filtered by company, site and date, or ranked
// by full-text search; the company view; the list of companies.
import type { CompanyMove, CompanySummary, LibraryQuery, Note, SavedPage } from '../messages.ts';
import { aliasKey, companyKey } from './company-key.ts';
import { toSavedPage } from './pages.ts';
import type { LibrarySearch } from './search-index.ts';
import type { NewsmarkDb, PageRecord } from './schema.ts';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** Upper bound for `to`: a bare date covers its whole day. */
function upperBound(to: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T\uffff` : to;
}

function matches(p: PageRecord, q: LibraryQuery, key: string | null): boolean {
  if (key && !p.companyKeys?.includes(key)) return false;
  if (q.site && p.site !== q.site.replace(/^www\./, '')) return false;
  if (q.from && p.readAt < q.from) return false;
  if (q.to && p.readAt > upperBound(q.to)) return false;
  return true;
}

export async function listPages(db: NewsmarkDb, q: LibraryQuery, search?: LibrarySearch): Promise<SavedPage[]> {
  const limit = Math.min(q.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  const offset = q.offset ?? 0;
  const key = q.company ? companyKey(q.company) : null;
  const out: PageRecord[] = [];

  if (q.text?.trim() && search) {
    const ids = await search.search(db, q.text);
    const tx = db.transaction('pages', 'readonly');
    let skipped = 0;
    for (const id of ids) {
      const p = await tx.store.get(id);
      if (!p || !matches(p, q, key)) continue;
      if (skipped++ < offset) continue;
      out.push(p);
      if (out.length >= limit) break;
    }
    return out.map(toSavedPage);
  }

  if (key) {
    const pages = await db.getAllFromIndex('pages', 'companies', key);
    return pages
      .filter((p) => matches(p, q, key))
      .sort((a, b) => (a.readAt < b.readAt ? 1 : a.readAt > b.readAt ? -1 : 0))
      .slice(offset, offset + limit)
      .map(toSavedPage);
  }

  const range =
    q.from && q.to
      ? IDBKeyRange.bound(q.from, upperBound(q.to))
      : q.from
        ? IDBKeyRange.lowerBound(q.from)
        : q.to
          ? IDBKeyRange.upperBound(upperBound(q.to))
          : undefined;
  let cursor = await db.transaction('pages').store.index('readAt').openCursor(range, 'prev');
  let skipped = 0;
  while (cursor && out.length < limit) {
    if (matches(cursor.value, q, null) && skipped++ >= offset) out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out.map(toSavedPage);
}

/** The page's entry for the company with this key (by name, else by alias). */
function entryOf(page: PageRecord, key: string) {
  const list = page.summary.companies;
  return list.find((c) => companyKey(c.name) === key) ?? list.find((c) => c.aliases.some((a) => aliasKey(a) === key));
}

function movesOf(page: PageRecord, key: string): CompanyMove[] {
  const entry = entryOf(page, key);
  const names = new Set([key, ...(entry ? [companyKey(entry.name)] : []), ...(entry?.aliases ?? []).map(companyKey)]);
  if (entry?.ticker) names.add(entry.ticker.toLowerCase());
  return page.summary.moves
    .filter((m) => {
      const k = companyKey(m.subject.replace(/^the\s+/i, ''));
      return names.has(k) || (k.length > 2 && key.startsWith(`${k} `));
    })
    .map((move) => ({ move, canonicalUrl: page.canonicalUrl, title: page.title, site: page.site, date: page.published ?? page.readAt }));
}

/** Every page mentioning the company (newest first), their notes and its moves (oldest first). */
export async function companyView(
  db: NewsmarkDb,
  name: string,
): Promise<{ name: string; pages: SavedPage[]; notes: Note[]; moves: CompanyMove[] }> {
  const key = companyKey(name);
  const tx = db.transaction(['pages', 'notes'], 'readonly');
  const pages = await tx.objectStore('pages').index('companies').getAll(key);
  pages.sort((a, b) => (a.readAt < b.readAt ? 1 : a.readAt > b.readAt ? -1 : 0));
  const notes: Note[] = [];
  for (const p of pages) notes.push(...(await tx.objectStore('notes').index('pageUrl').getAll(p.canonicalUrl)));
  const moves = pages.flatMap((p) => movesOf(p, key)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const display = (pages[0] && entryOf(pages[0], key)?.name) ?? name;
  return { name: display, pages: pages.map(toSavedPage), notes, moves };
}

/** Every company in the library with page and mention counts, most pages first. */
export async function listCompanies(db: NewsmarkDb, limit = MAX_LIMIT): Promise<CompanySummary[]> {
  const byKey = new Map<string, CompanySummary & { latest: string }>();
  let cursor = await db.transaction('pages').store.openCursor();
  while (cursor) {
    const p = cursor.value;
    for (const c of p.summary.companies) {
      const key = companyKey(c.name);
      if (!key) continue;
      const s = byKey.get(key) ?? { name: c.name, key, pages: 0, mentions: 0, latest: '' };
      s.pages += 1;
      s.mentions += c.mentions ?? 0;
      if (p.readAt > s.latest) {
        s.latest = p.readAt;
        s.name = c.name;
      }
      if (c.ticker) s.ticker = c.ticker;
      byKey.set(key, s);
    }
    cursor = await cursor.continue();
  }
  return [...byKey.values()]
    .sort((a, b) => b.pages - a.pages || b.mentions - a.mentions || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ latest: _latest, ...s }) => s);
}

/** Distinct sites with page counts, from the site index alone (no records read). */
export async function listSites(db: NewsmarkDb): Promise<{ site: string; pages: number }[]> {
  const out: { site: string; pages: number }[] = [];
  let cursor = await db.transaction('pages').store.index('site').openKeyCursor();
  while (cursor) {
    const site = cursor.key;
    const last = out.at(-1);
    if (last?.site === site) last.pages++;
    else out.push({ site, pages: 1 });
    cursor = await cursor.continue();
  }
  return out;
}
