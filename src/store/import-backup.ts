// Import of a JSON backup (see export-library.ts), and deleting everything.
import { inTransaction, StoreError } from './errors.ts';
import type { NewsmarkDb } from './schema.ts';

export async function importBackup(_db: NewsmarkDb, _text: string, _now: Date): Promise<{ pages: number; notes: number }> {
  throw new StoreError('internal', 'Import is not implemented yet.');
}

/** Deletes every page and note (settings stay). */
export function deleteAll(db: NewsmarkDb): Promise<void> {
  return inTransaction(db.transaction(['pages', 'notes'], 'readwrite'), async (tx) => {
    await tx.objectStore('pages').clear();
    await tx.objectStore('notes').clear();
  });
}
