// Reader settings: defaults, read, partial update. Stored as one record so an
// update is a single read-merge-write transaction.
import type { Settings } from '../messages.ts';
import { inTransaction } from './errors.ts';
import type { NewsmarkDb } from './schema.ts';

export function defaultSettings(): Settings {
  return {
    saveMode: 'auto',
    categories: { company: true, person: true, figure: true, move: true },
    disabledSites: [],
    savePrivate: false,
  };
}

/** Stored values over defaults, so settings added later get their default. */
export function withDefaults(stored: Partial<Settings> | undefined): Settings {
  const d = defaultSettings();
  const merged: Settings = { ...d, ...stored, categories: { ...d.categories, ...stored?.categories } };
  if (!merged.colors) delete merged.colors;
  return merged;
}

/** A partial update over current settings; categories and colours merge per key. */
export function applyPatch(current: Settings, patch: Partial<Settings>): Settings {
  const next: Partial<Settings> = { ...current, ...patch, categories: { ...current.categories, ...patch.categories } };
  if (current.colors || patch.colors) next.colors = { ...current.colors, ...patch.colors };
  return withDefaults(next);
}

export async function getSettings(db: NewsmarkDb): Promise<Settings> {
  return withDefaults(await db.get('settings', 'settings'));
}

export function setSettings(db: NewsmarkDb, patch: Partial<Settings>): Promise<Settings> {
  return inTransaction(db.transaction('settings', 'readwrite'), async (tx) => {
    const current = withDefaults(await tx.store.get('settings'));
    const next = applyPatch(current, patch);
    await tx.store.put(next, 'settings');
    return next;
  });
}
