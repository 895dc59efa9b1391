// Import of a JSON backup (backup-format.ts), and deleting everything.
// The whole file is parsed and validated before anything is written, then
// written in one transaction: a malformed, foreign or truncated file changes
// nothing. Records merge by key (canonical URL, note id), so importing the
// same backup twice creates no duplicates.
import type { Note, SavedPage, Settings } from '../messages.ts';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup-format.ts';
import { InvalidData, arr, note, num, obj, savedPage, settingsPatch } from './check.ts';
import { inTransaction, StoreError } from './errors.ts';
import { mergePageRecord, pageKey, sameContent } from './pages.ts';
import type { NewsmarkDb } from './schema.ts';
import { applyPatch, withDefaults } from './settings.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** 200 MB: far beyond any real library, small enough not to exhaust memory. */
export const MAX_BACKUP_CHARS = 200_000_000;

/** JSON.parse that drops keys able to pollute prototypes wherever they appear. */
export function parseJsonSafely(text: string): unknown {
  return JSON.parse(text, (key, value) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
}

export interface ParsedBackup {
  pages: SavedPage[];
  notes: Note[];
  settings?: Partial<Settings>;
}

const iso = (s: string) => new Date(s).toISOString();

/** Parses and checks a backup; throws StoreError('invalid') with a message for the reader. */
export function parseBackup(text: string): ParsedBackup {
  if (text.length > MAX_BACKUP_CHARS) throw new StoreError('invalid', 'This file is too large to be a Newsmark backup.');
  let data: unknown;
  try {
    data = parseJsonSafely(text);
  } catch (e) {
    throw new StoreError('invalid', `This file is not valid JSON, perhaps cut short (${(e as Error).message}). Nothing was imported.`);
  }
  try {
    const o = obj(data, 'backup');
    if (o.format !== BACKUP_FORMAT) {
      throw new StoreError('invalid', `This is not a Newsmark backup (it lacks "format": "${BACKUP_FORMAT}"). Nothing was imported.`);
    }
    const version = num(o.version, 'version', 1);
    if (version > BACKUP_VERSION) {
      throw new StoreError('invalid', `This backup was made by a newer Newsmark (backup version ${version}). Update the extension, then import it again. Nothing was imported.`);
    }
    const pages = arr(o.pages, 'pages', savedPage, 1_000_000).map((p, i) => {
      const key = safeKey(p.canonicalUrl, `pages[${i}].canonicalUrl`);
      return { ...p, canonicalUrl: key, id: key, readAt: iso(p.readAt), savedAt: iso(p.savedAt) };
    });
    const notes = arr(o.notes ?? [], 'notes', note, 1_000_000).map((n, i) => ({ ...n, pageUrl: safeKey(n.pageUrl, `notes[${i}].pageUrl`), created: iso(n.created), updated: iso(n.updated) }));
    const settings = o.settings === undefined ? undefined : settingsPatch(o.settings, 'settings');
    return { pages, notes, ...(settings ? { settings } : {}) };
  } catch (e) {
    if (e instanceof InvalidData) throw new StoreError('invalid', `This backup is damaged or not from Newsmark: ${e.message}. Nothing was imported.`);
    throw e;
  }
}

function safeKey(url: string, path: string): string {
  try {
    return pageKey(url);
  } catch {
    throw new InvalidData(path, 'not a web page address');
  }
}

const min = (a: string | undefined, b: string) => (a && a < b ? a : b);
const max = (a: string | undefined, b: string) => (a && a > b ? a : b);

export async function importBackup(db: NewsmarkDb, text: string): Promise<{ pages: number; notes: number; newPages: number; newNotes: number }> {
  const backup = parseBackup(text);
  const stores = ['pages', 'notes', 'settings'] as const;
  return inTransaction(db.transaction([...stores], 'readwrite'), async (tx) => {
    const pages = tx.objectStore('pages');
    const notes = tx.objectStore('notes');
    let newPages = 0;
    let newNotes = 0;
    for (const p of backup.pages) {
      const old = await pages.get(p.canonicalUrl);
      if (!old) newPages++;
      const merged = mergePageRecord(old, p, p.summary, p.savedAt);
      const next = { ...merged, readAt: min(old?.readAt, p.readAt), savedAt: max(old?.savedAt, p.savedAt) };
      // Re-importing what is already there writes nothing.
      if (!old || !sameContent(old, next) || old.savedAt !== next.savedAt) await pages.put(next);
    }
    for (const n of backup.notes) {
      const old = await notes.get(n.id);
      if (!old) newNotes++;
      // The newer edit of a note wins; an older copy never overwrites it.
      if (!old || n.updated > old.updated || (n.updated === old.updated && JSON.stringify(n) !== JSON.stringify(old))) await notes.put(n);
    }
    if (backup.settings) {
      const settings = tx.objectStore('settings');
      const current = withDefaults(await settings.get('settings'));
      const next = applyPatch(current, backup.settings);
      await settings.put(next, 'settings');
    }
    return { pages: backup.pages.length, notes: backup.notes.length, newPages, newNotes };
  });
}

/** Deletes every page and note (settings stay). */
export function deleteAll(db: NewsmarkDb): Promise<void> {
  return inTransaction(db.transaction(['pages', 'notes'], 'readwrite'), async (tx) => {
    await tx.objectStore('pages').clear();
    await tx.objectStore('notes').clear();
  });
}
