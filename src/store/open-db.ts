// Opens (and upgrades) the database. Only the background calls this. The
// service worker can be stopped at any time, so nothing here is kept beyond a
// cached connection promise that resets itself when the connection closes or
// another version wants it.
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, migrations, type NewsmarkDb, type NewsmarkSchema } from './schema.ts';

/** Opens `name` at `version` (older versions exist for migration tests). */
export function openNewsmarkDb(name = DB_NAME, version = DB_VERSION, onGone?: () => void): Promise<NewsmarkDb> {
  return openDB<NewsmarkSchema>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      const target = newVersion ?? version;
      // The open request itself reports an aborted upgrade; this copy of the outcome is not needed.
      tx.done.catch(() => undefined);
      const run = async () => {
        for (let v = oldVersion; v < target; v++) await migrations[v](db, tx);
      };
      run().catch((error) => {
        console.error('Newsmark: migration failed, keeping the old database', error);
        try {
          tx.abort();
        } catch {
          // already finished
        }
      });
    },
    blocking(_current, _next, event) {
      // A newer version (e.g. after an extension update) wants the database.
      (event.target as IDBDatabase).close();
      onGone?.();
    },
    terminated() {
      onGone?.();
    },
  });
}

/** A lazily opened connection that reopens after it was closed. */
export function dbConnector(name = DB_NAME): () => Promise<NewsmarkDb> {
  let pending: Promise<NewsmarkDb> | null = null;
  const reset = () => {
    pending = null;
  };
  return () => {
    if (!pending) {
      pending = openNewsmarkDb(name, DB_VERSION, reset);
      pending.catch(reset);
    }
    return pending;
  };
}
