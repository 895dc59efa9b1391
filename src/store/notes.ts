// Notes on pages. A note whose quote the content script can no longer find is
// flagged `detached` and kept: the reader decides what to do with it.
import type { Note } from '../messages.ts';
import { inTransaction, StoreError } from './errors.ts';
import { pageKey } from './pages.ts';
import type { NewsmarkDb } from './schema.ts';

export type NewNote = Omit<Note, 'id' | 'created' | 'updated'>;

const byCreated = (a: Note, b: Note) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0);

export async function addNote(db: NewsmarkDb, input: NewNote, now = new Date(), id: string = crypto.randomUUID()): Promise<Note> {
  const time = now.toISOString();
  const note: Note = { ...input, pageUrl: pageKey(input.pageUrl), id, created: time, updated: time };
  if (!note.detached) delete note.detached;
  if (!note.draft) delete note.draft;
  await inTransaction(db.transaction('notes', 'readwrite'), async (tx) => {
    await tx.store.add(note);
  });
  return note;
}

/** Applies `change` to the stored note in one transaction. */
function changeNote(db: NewsmarkDb, id: string, change: (note: Note) => Note): Promise<Note> {
  return inTransaction(db.transaction('notes', 'readwrite'), async (tx) => {
    const old = await tx.store.get(id);
    if (!old) throw new StoreError('not-found', 'That note no longer exists (deleted in another window?).');
    const next = change(old);
    await tx.store.put(next);
    return next;
  });
}

export function updateNote(db: NewsmarkDb, id: string, body: string, now = new Date()): Promise<Note> {
  return changeNote(db, id, ({ draft: _draft, ...note }) => ({ ...note, body, updated: now.toISOString() }));
}

export function setDetached(db: NewsmarkDb, id: string, detached: boolean): Promise<Note> {
  return changeNote(db, id, ({ detached: _old, ...note }) => (detached ? { ...note, detached: true } : note));
}

export function deleteNote(db: NewsmarkDb, id: string): Promise<void> {
  return inTransaction(db.transaction('notes', 'readwrite'), async (tx) => {
    await tx.store.delete(id);
  });
}

export async function getNote(db: NewsmarkDb, id: string): Promise<Note | null> {
  return (await db.get('notes', id)) ?? null;
}

/** Notes of one page, or all notes, oldest first. */
export async function listNotes(db: NewsmarkDb, canonicalUrl?: string): Promise<Note[]> {
  const notes = canonicalUrl ? await db.getAllFromIndex('notes', 'pageUrl', pageKey(canonicalUrl)) : await db.getAll('notes');
  return notes.sort(byCreated);
}

/** The newest note still marked draft. */
export async function latestDraft(db: NewsmarkDb): Promise<Note | null> {
  const drafts = (await db.getAll('notes')).filter((n) => n.draft).sort(byCreated);
  return drafts.at(-1) ?? null;
}
