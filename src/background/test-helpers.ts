// Shared by the background's tests: a fresh fake-indexeddb database per test,
// router deps around it, senders of each kind, and a page summary builder.
import 'fake-indexeddb/auto';
import type { CompanyEntry, PageSummary } from '../extract/types.ts';
import type { PageInfo } from '../messages.ts';
import { openNewsmarkDb } from '../store/open-db.ts';
import type { NewsmarkDb } from '../store/schema.ts';
import { createLibrarySearch } from '../store/search-index.ts';
import type { RouterDeps } from './router.ts';
import type { Sender } from './validate.ts';

export const EXT = 'chrome-extension://abcdefghijklmnop/';

let counter = 0;
export async function freshDb(): Promise<NewsmarkDb> {
  return openNewsmarkDb(`test-${Date.now()}-${counter++}`);
}

export async function routerDeps(overrides: Partial<RouterDeps> = {}): Promise<RouterDeps & { events: unknown[] }> {
  const db = await freshDb();
  const events: unknown[] = [];
  return {
    db: async () => db,
    extensionUrl: EXT,
    extensionId: 'abcdefghijklmnop',
    search: createLibrarySearch(),
    memory: { lastError: null },
    broadcast: (e) => events.push(e),
    events,
    ...overrides,
  };
}

export const fromTab = (url: string, incognito = false): Sender => ({ id: 'abcdefghijklmnop', url, tab: { id: 7, incognito, url }, frameId: 0 });
export const fromPanel: Sender = { id: 'abcdefghijklmnop', url: `${EXT}src/ui/sidepanel/index.html` };

export function company(name: string, mentions = 1, extra: Partial<CompanyEntry> = {}): CompanyEntry {
  return { name, aliases: [], mentions, ...extra };
}

export function summaryOf(parts: Partial<PageSummary> = {}): PageSummary {
  return { title: '', companies: [], people: [], figures: [], moves: [], keySentences: [], words: 100, ...parts };
}

export function pageInfo(url: string, parts: Partial<PageInfo> = {}): PageInfo {
  return { url, canonicalUrl: url, title: 'A page', site: new URL(url).hostname, isArticle: true, reason: 'article', ...parts };
}
