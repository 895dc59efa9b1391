// The IndexedDB schema and its migrations. Version N's upgrade runs every
// migration after the stored version, in order, inside the one versionchange
// transaction: a failure aborts it and the old data stays as it was.
//
//   v1  pages    key canonicalUrl; indexes readAt, site
//       notes    key id;           index pageUrl
//       settings out-of-line keys ('settings')
//   v2  pages    + companyKeys (normalised company names and aliases), multiEntry index
//                  'companies', backfilled from every stored summary
//       meta     out-of-line keys ('status': last error, 'focus': panel focus)
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { LastError, Note, PanelFocus, SavedPage, Settings } from '../messages.ts';
import { companyKeys } from './company-key.ts';

export const DB_NAME = 'newsmark';
export const DB_VERSION = 2;

/** What the pages store holds: the page as the UI sees it plus index keys. */
export interface PageRecord extends SavedPage {
  /** Since v2. */
  companyKeys: string[];
}

export interface NewsmarkSchema extends DBSchema {
  pages: {
    key: string;
    value: PageRecord;
    indexes: { readAt: string; site: string; companies: string };
  };
  notes: {
    key: string;
    value: Note;
    indexes: { pageUrl: string };
  };
  settings: { key: string; value: Settings };
  /** 'status' holds the last error; 'focus' what the side panel should open on. */
  meta: { key: string; value: { lastError?: LastError | null; focus?: PanelFocus; at?: string } };
}

export type NewsmarkDb = IDBPDatabase<NewsmarkSchema>;
type UpgradeTx = IDBPTransaction<NewsmarkSchema, StoreNames<NewsmarkSchema>[], 'versionchange'>;

/** migrations[i] upgrades version i to version i + 1. */
export const migrations: ((db: NewsmarkDb, tx: UpgradeTx) => Promise<void> | void)[] = [
  // 0 -> 1
  (db) => {
    const pages = db.createObjectStore('pages', { keyPath: 'canonicalUrl' });
    pages.createIndex('readAt', 'readAt');
    pages.createIndex('site', 'site');
    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('pageUrl', 'pageUrl');
    db.createObjectStore('settings');
  },
  // 1 -> 2: the company index, backfilled so every old page is found by company.
  async (db, tx) => {
    tx.objectStore('pages').createIndex('companies', 'companyKeys', { multiEntry: true });
    db.createObjectStore('meta');
    let cursor = await tx.objectStore('pages').openCursor();
    while (cursor) {
      const page = cursor.value;
      await cursor.update({ ...page, companyKeys: companyKeys(page.summary?.companies ?? []) });
      cursor = await cursor.continue();
    }
  },
];
