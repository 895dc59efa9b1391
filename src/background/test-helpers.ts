// Shared by the background's tests: router deps around a fresh database and
// senders of each kind.
import { createLibrarySearch } from '../store/search-index.ts';
import { freshDb } from '../store/test-helpers.ts';
import type { RouterDeps } from './router.ts';
import type { Sender } from './validate.ts';

export { company, move, pageInfo, summaryOf } from '../store/test-helpers.ts';

export const EXT_ID = 'abcdefghijklmnop';
export const EXT = `chrome-extension://${EXT_ID}/`;

export async function routerDeps(overrides: Partial<RouterDeps> = {}): Promise<RouterDeps & { events: unknown[]; changedNotes: string[] }> {
  const db = await freshDb();
  const events: unknown[] = [];
  const changedNotes: string[] = [];
  return {
    db: async () => db,
    extensionUrl: EXT,
    extensionId: EXT_ID,
    search: createLibrarySearch(),
    memory: { lastError: null },
    broadcast: (e) => events.push(e),
    notesChanged: (url) => changedNotes.push(url),
    events,
    changedNotes,
    ...overrides,
  };
}

export const fromTab = (url: string, incognito = false): Sender => ({ id: EXT_ID, url, tab: { id: 7, incognito, url }, frameId: 0 });
export const fromPanel: Sender = { id: EXT_ID, url: `${EXT}src/ui/sidepanel/index.html` };
