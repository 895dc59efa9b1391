// The last error the reader should hear about (a full disk, a failed import),
// kept in the meta store so it survives the service worker being stopped.
import type { LastError, PanelFocus, Status } from '../messages.ts';
import { DB_VERSION, type NewsmarkDb } from './schema.ts';

export async function getStatus(db: NewsmarkDb): Promise<Status> {
  const [meta, pages, notes] = await Promise.all([db.get('meta', 'status'), db.count('pages'), db.count('notes')]);
  return { lastError: meta?.lastError ?? null, pages, notes, schemaVersion: DB_VERSION };
}

/** Best effort: when the disk is full this write may fail too; the caller keeps a copy in memory. */
export async function setLastError(db: NewsmarkDb, lastError: LastError | null): Promise<void> {
  await db.put('meta', { lastError }, 'status');
}

/** Remembers what the side panel should open on; it may start after the broadcast went out. */
export async function setPanelFocus(db: NewsmarkDb, focus: PanelFocus, now: Date): Promise<void> {
  await db.put('meta', { focus, at: now.toISOString() }, 'focus');
}

/** The focus set within `maxAgeMs`, once: reading clears it. */
export async function takePanelFocus(db: NewsmarkDb, now: Date, maxAgeMs = 60_000): Promise<PanelFocus | null> {
  const tx = db.transaction('meta', 'readwrite');
  const stored = await tx.store.get('focus');
  if (stored) await tx.store.delete('focus');
  await tx.done;
  if (!stored?.focus || !stored.at || now.getTime() - Date.parse(stored.at) > maxAgeMs) return null;
  return stored.focus;
}
