// Export of the library or a selection: Markdown (one page -> one document,
// several -> one file with a section each), CSV (one row per figure or move)
// and JSON (the lossless backup data/import reads back). Returns text; the UI
// turns it into a download.
import type { ExportFormat, Note, SavedPage } from '../messages.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup-format.ts';
import { StoreError } from './errors.ts';
import { pagesToCsv } from './export-csv.ts';
import { libraryDocument, pageDocument } from './export-markdown.ts';
import { pageKey, toSavedPage } from './pages.ts';
import type { NewsmarkDb } from './schema.ts';
import { withDefaults } from './settings.ts';

export interface ExportResult {
  filename: string;
  mime: string;
  text: string;
}

/** Pages (newest first) and their notes; ids limit it to a selection. */
async function load(db: NewsmarkDb, ids?: string[]): Promise<{ pages: SavedPage[]; notes: Note[]; otherNotes: Note[] }> {
  const tx = db.transaction(['pages', 'notes'], 'readonly');
  let records;
  if (ids) {
    const keys = [...new Set(ids.map(pageKey))];
    records = (await Promise.all(keys.map((k) => tx.objectStore('pages').get(k)))).filter((p) => p !== undefined);
    if (records.length < keys.length) throw new StoreError('not-found', `${keys.length - records.length} of the selected pages are no longer in the library.`);
  } else {
    records = await tx.objectStore('pages').getAll();
  }
  const pages = records.map(toSavedPage).sort((a, b) => (a.readAt < b.readAt ? 1 : a.readAt > b.readAt ? -1 : 0));
  const wanted = new Set(pages.map((p) => p.canonicalUrl));
  const all = (await tx.objectStore('notes').getAll()).sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
  const notes = all.filter((n) => !ids || wanted.has(n.pageUrl));
  // Notes whose page was never saved (e.g. saving set to "never"): only a whole-library export has them.
  const otherNotes = ids ? [] : all.filter((n) => !wanted.has(n.pageUrl));
  return { pages, notes, otherNotes };
}

/** Chrome refuses runtime messages over 64 MiB; stay well below (UTF-16 length ~ bytes for mostly ASCII text). */
export const MAX_EXPORT_CHARS = 48_000_000;

function checked(result: ExportResult): ExportResult {
  if (result.text.length > MAX_EXPORT_CHARS) {
    throw new StoreError('invalid', 'The library is too large to export in one file. Export a selection of pages (e.g. one site or one month) at a time.');
  }
  return result;
}

export async function exportLibrary(db: NewsmarkDb, format: ExportFormat, ids: string[] | undefined, now: Date): Promise<ExportResult> {
  const { pages, notes, otherNotes } = await load(db, ids);
  const day = now.toISOString().slice(0, 10);
  if (format === 'json') {
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      pages,
      notes,
      settings: withDefaults(await db.get('settings', 'settings')),
    };
    // Compact: the text crosses runtime messaging (Chrome caps a message at 64 MiB).
    return checked({ filename: `newsmark-backup-${day}.json`, mime: 'application/json', text: `${JSON.stringify(backup)}\n` });
  }
  if (format === 'csv') {
    return checked({ filename: `newsmark-figures-${day}.csv`, mime: 'text/csv;charset=utf-8', text: pagesToCsv(pages) });
  }
  const notesByPage = new Map<string, Note[]>();
  for (const n of notes) notesByPage.set(n.pageUrl, [...(notesByPage.get(n.pageUrl) ?? []), n]);
  const doc =
    pages.length === 1 && otherNotes.length === 0
      ? pageDocument(pages[0], notesByPage.get(pages[0].canonicalUrl) ?? [])
      : libraryDocument(pages, notesByPage, now, otherNotes);
  return checked({ ...doc, mime: 'text/markdown;charset=utf-8' });
}
