// The last error the reader should hear about (a full disk, a failed import),
// kept in the meta store so it survives the service worker being stopped.
import type { LastError, Status } from '../messages.ts';
import { DB_VERSION, type NewsmarkDb } from './schema.ts';

export async function getStatus(db: NewsmarkDb): Promise<Status> {
  const [meta, pages, notes] = await Promise.all([db.get('meta', 'status'), db.count('pages'), db.count('notes')]);
  return { lastError: meta?.lastError ?? null, pages, notes, schemaVersion: DB_VERSION };
}

/** Best effort: when the disk is full this write may fail too; the caller keeps a copy in memory. */
export async function setLastError(db: NewsmarkDb, lastError: LastError | null): Promise<void> {
  await db.put('meta', { lastError }, 'status');
}
