import { describe, expect, it } from 'vitest';
import type { ContentMessage } from '../messages.ts';
import { listNotes } from '../store/notes.ts';
import { freshDb } from '../store/test-helpers.ts';
import { setSettings } from '../store/settings.ts';
import { addNoteFromSelection, onCommand, unwrapReply, type CommandDeps, type Tab } from './commands.ts';

const TAB: Tab = { id: 3, url: 'https://news.example.com/story?utm_source=x', incognito: false, windowId: 1 };
const SELECTION = {
  quote: { type: 'TextQuoteSelector' as const, exact: 'shares surged', prefix: 'Alibaba ', suffix: ' 15%' },
  position: { type: 'TextPositionSelector' as const, start: 8, end: 21 },
};

async function deps(answer: unknown = SELECTION) {
  const db = await freshDb();
  const log: string[] = [];
  const sent: ContentMessage[] = [];
  const events: unknown[] = [];
  const d: CommandDeps = {
    db: async () => db,
    openPanel: (tab) => log.push(`open panel ${tab?.id}`),
    activeTab: async () => TAB,
    sendToTab: async (tabId, message) => {
      log.push(`send ${message.type} to ${tabId}`);
      sent.push(message);
      return answer as never;
    },
    broadcast: (e) => events.push(e),
  };
  return { d, db, log, sent, events };
}

describe('commands and the context menu', () => {
  it('add-note opens the panel before anything is awaited, then stores a draft from the selection', async () => {
    const { d, db, log, events } = await deps();
    const pending = onCommand('add-note', TAB, d);
    // Synchronously and first, before any await: the user gesture is still valid.
    expect(log[0]).toBe('open panel 3');
    const note = await pending;
    expect(log).toEqual(['open panel 3', 'send content/note-from-selection to 3']);
    expect(note).toMatchObject({ pageUrl: 'https://news.example.com/story', body: '', draft: true, quote: SELECTION.quote, position: SELECTION.position });
    expect(events).toEqual([{ type: 'ui/note-draft', note }]);
    expect(await listNotes(db)).toEqual([note]);
  });

  it('uses the canonical URL the content script reports', async () => {
    const { d } = await deps({ ...SELECTION, canonicalUrl: 'https://news.example.com/canonical-story/' });
    expect(await addNoteFromSelection(TAB, d)).toMatchObject({ pageUrl: 'https://news.example.com/canonical-story' });
  });

  it('stores nothing when there is no selection, or in a private window by default', async () => {
    const empty = await deps(null);
    expect(await addNoteFromSelection(TAB, empty.d)).toBeNull();
    expect(await listNotes(empty.db)).toEqual([]);
    const priv = await deps();
    expect(await addNoteFromSelection({ ...TAB, incognito: true }, priv.d)).toBeNull();
    await setSettings(priv.db, { savePrivate: true });
    expect(await addNoteFromSelection({ ...TAB, incognito: true }, priv.d)).not.toBeNull();
  });

  it('toggle-highlights asks the active tab to toggle', async () => {
    const { d, sent } = await deps({ enabled: false, categories: {} });
    await onCommand('toggle-highlights', undefined, d);
    expect(sent).toEqual([{ type: 'content/highlights', toggle: true }]);
  });
});

describe('replies from content scripts', () => {
  it('unwraps a Reply, passes a bare value and turns an error reply into undefined', () => {
    expect(unwrapReply({ ok: true, value: SELECTION })).toEqual(SELECTION);
    expect(unwrapReply({ ok: true, value: null })).toBeNull();
    expect(unwrapReply({ ok: false, error: 'no selection' })).toBeUndefined();
    expect(unwrapReply(SELECTION)).toEqual(SELECTION);
    expect(unwrapReply(undefined)).toBeUndefined();
  });
});
