// Keyboard commands and the "Add note to selection" context-menu item. Both
// arrive with a user gesture, which sidePanel.open (Chrome) and
// sidebarAction.open (Firefox) require: so the panel is opened synchronously,
// before anything is awaited, and the draft note is made afterwards.
import type { ContentMessage, ContentRequests, Note, Reply, UiEvent } from '../messages.ts';
import { addNote } from '../store/notes.ts';
import { normalizeUrl } from '../store/normalize-url.ts';
import type { NewsmarkDb } from '../store/schema.ts';
import { getSettings } from '../store/settings.ts';

export interface Tab {
  id?: number;
  url?: string;
  incognito?: boolean;
  windowId?: number;
}

export interface CommandDeps {
  db: () => Promise<NewsmarkDb>;
  /** Must not await before calling the browser API (user gesture). */
  openPanel: (tab: Tab | undefined) => void;
  activeTab: () => Promise<Tab | undefined>;
  sendToTab: <T extends keyof ContentRequests>(tabId: number, message: ContentMessage<T>) => Promise<ContentRequests[T]['res'] | undefined>;
  broadcast?: (event: UiEvent) => void;
  notesChanged?: (canonicalUrl: string) => void;
  now?: () => Date;
}

export const MENU_ADD_NOTE = 'newsmark-add-note';

/** The value of a content script's Reply (a bare value is taken as is); undefined for an error reply. */
export function unwrapReply<R>(reply: unknown): R | undefined {
  if (reply && typeof reply === 'object' && 'ok' in reply && typeof (reply as { ok: unknown }).ok === 'boolean') {
    const r = reply as Reply<R>;
    return r.ok ? r.value : undefined;
  }
  return reply as R | undefined;
}

export async function toggleHighlights(tab: Tab | undefined, deps: CommandDeps): Promise<void> {
  const target = tab?.id !== undefined ? tab : await deps.activeTab();
  if (target?.id === undefined) return;
  await deps.sendToTab(target.id, { type: 'content/highlights', toggle: true });
}

/**
 * Opens the panel (synchronously), asks the tab for its selection and stores
 * it as a draft note the panel then opens. Null when there was nothing to note.
 */
export function addNoteFromSelection(tab: Tab | undefined, deps: CommandDeps): Promise<Note | null> {
  deps.openPanel(tab);
  return (async () => {
    const target = tab?.id !== undefined ? tab : await deps.activeTab();
    if (target?.id === undefined) return null;
    const selection = await deps.sendToTab(target.id, { type: 'content/note-from-selection' });
    if (!selection) return null;
    const pageUrl = normalizeUrl(selection.canonicalUrl ?? '') ?? normalizeUrl(target.url ?? '');
    if (!pageUrl) return null;
    const db = await deps.db();
    if (target.incognito && !(await getSettings(db)).savePrivate) return null;
    const note = await addNote(
      db,
      { pageUrl, quote: selection.quote, position: selection.position, body: '', draft: true },
      deps.now?.() ?? new Date(),
    );
    deps.broadcast?.({ type: 'ui/note-draft', note });
    deps.notesChanged?.(pageUrl);
    return note;
  })();
}

export function onCommand(command: string, tab: Tab | undefined, deps: CommandDeps): Promise<unknown> {
  if (command === 'toggle-highlights') return toggleHighlights(tab, deps);
  if (command === 'add-note') return addNoteFromSelection(tab, deps);
  return Promise.resolve();
}
