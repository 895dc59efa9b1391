// Saving and reading pages. One record per canonical URL; every save is one
// readwrite transaction that reads the stored record, merges and writes it back,
// so two tabs saving at once serialise and neither loses the other's mentions.
import type { PageSummary } from '../extract/types.ts';
import type { PageInfo, SavedPage } from '../messages.ts';
import { companyKeys } from './company-key.ts';
import { inTransaction, StoreError } from './errors.ts';
import { mergeSummary } from './merge-summary.ts';
import { normalizeUrl, siteOf } from './normalize-url.ts';
import type { NewsmarkDb, PageRecord } from './schema.ts';

export function toSavedPage(record: PageRecord): SavedPage {
  const { companyKeys: _keys, ...page } = record;
  return page;
}

/** The merged record for `page` given what is stored (pure, so imports reuse it). */
export function mergePageRecord(old: PageRecord | undefined, page: PageInfo, summary: PageSummary, now: string): PageRecord {
  const merged = mergeSummary(old?.summary, summary);
  return {
    url: page.url || old?.url || page.canonicalUrl,
    canonicalUrl: page.canonicalUrl,
    id: page.canonicalUrl,
    title: page.title || summary.title || old?.title || '',
    site: page.site || old?.site || siteOf(page.canonicalUrl),
    ...((page.published ?? old?.published) ? { published: page.published ?? old?.published } : {}),
    isArticle: page.isArticle || (old?.isArticle ?? false),
    reason: page.reason || old?.reason || '',
    readAt: old?.readAt && old.readAt < now ? old.readAt : now,
    savedAt: now,
    summary: merged,
    companyKeys: companyKeys(merged.companies),
  };
}

export function pageKey(url: string): string {
  const key = normalizeUrl(url);
  if (!key) throw new StoreError('invalid', `Not a web page address: ${url.slice(0, 200)}`);
  return key;
}

/** Creates or merges the page's record. */
export async function savePage(db: NewsmarkDb, page: PageInfo, summary: PageSummary, now = new Date()): Promise<SavedPage> {
  return (await writePage(db, page, summary, now, false))!.page;
}

/** Merges into the page's record only if it is already saved (auto-save off, page saved by hand earlier). */
export async function updateSavedPage(db: NewsmarkDb, page: PageInfo, summary: PageSummary, now = new Date()): Promise<SavedPage | null> {
  return (await writePage(db, page, summary, now, true))?.page ?? null;
}

/** Same record apart from the save time (key order aside, which only costs a needless write). */
export const sameContent = (a: PageRecord, b: PageRecord) => JSON.stringify({ ...a, savedAt: '' }) === JSON.stringify({ ...b, savedAt: '' });

/**
 * The read-merge-write behind savePage and updateSavedPage. The content script
 * re-sends a page every few seconds while it is read; when the merge changes
 * nothing, nothing is written (changed: false) and nobody needs telling.
 */
export async function writePage(
  db: NewsmarkDb,
  page: PageInfo,
  summary: PageSummary,
  now: Date,
  onlyIfSaved: boolean,
): Promise<{ page: SavedPage; changed: boolean } | null> {
  const key = pageKey(page.canonicalUrl);
  const result = await inTransaction(db.transaction('pages', 'readwrite'), async (tx) => {
    const old = await tx.store.get(key);
    if (!old && onlyIfSaved) return null;
    const next = mergePageRecord(old, { ...page, canonicalUrl: key }, summary, now.toISOString());
    if (old && sameContent(old, next)) return { record: old, changed: false };
    await tx.store.put(next);
    return { record: next, changed: true };
  });
  return result && { page: toSavedPage(result.record), changed: result.changed };
}

export async function getPage(db: NewsmarkDb, url: string): Promise<SavedPage | null> {
  const record = await db.get('pages', pageKey(url));
  return record ? toSavedPage(record) : null;
}

/** Deletes a page and its notes together. */
export function forgetPage(db: NewsmarkDb, url: string): Promise<void> {
  const key = pageKey(url);
  return inTransaction(db.transaction(['pages', 'notes'], 'readwrite'), async (tx) => {
    await tx.objectStore('pages').delete(key);
    const noteKeys = await tx.objectStore('notes').index('pageUrl').getAllKeys(key);
    for (const id of noteKeys) await tx.objectStore('notes').delete(id);
  });
}
