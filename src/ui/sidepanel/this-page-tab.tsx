// "This page": the live summary of the active tab, kept fresh by asking the
// content script every ~1.5 s while the panel is visible (the summary grows as
// the reader scrolls and late content loads). Clicking an entry scrolls the
// page to it. "Note on selected text" turns the page's selection into a draft
// note and hands it to the Notes tab's editor; the page's notes are listed
// under the summary. A page that is not an article can be scanned on request.
import { useEffect, useState } from 'preact/hooks';
import type { Category, PageSummary } from '../../extract/types.ts';
import type { Note, PageInfo } from '../../messages.ts';
import { errorText, type Api } from '../api.ts';
import { NoteCard } from '../components/note-card.tsx';
import { Skeleton } from '../components/skeleton.tsx';
import { SummaryView } from '../components/summary-view.tsx';
import { t } from '../i18n.ts';

export interface ThisPageTabProps {
  api: Api;
  pollMs?: number;
  /** Open a note in the Notes tab's editor. */
  onNote?(note: Note): void;
  /** Bumped when the library changed elsewhere (reloads this page's notes). */
  version?: number;
}

export function ThisPageTab({ api, pollMs = 1500, onNote, version = 0 }: ThisPageTabProps) {
  const [state, setState] = useState<{ loading: boolean; tabId?: number; reachable?: boolean; page?: PageInfo; summary?: PageSummary }>({ loading: true });
  const [notFound, setNotFound] = useState('');
  const [notes, setNotes] = useState<Note[]>([]);
  const [notesVersion, setNotesVersion] = useState(0);
  const pageUrl = state.page?.canonicalUrl;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (stopped) return;
      if (document.visibilityState !== 'hidden') {
        const tab = await api.currentTab().catch(() => null);
        let reachable = !!tab;
        const res = tab ? await api.callTab(tab.id, 'content/summary', {}).catch(() => ((reachable = false), null)) : null;
        if (stopped) return;
        setState({ loading: false, tabId: tab?.id, reachable, page: res?.page, summary: res?.summary });
      }
      timer = setTimeout(tick, pollMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, pollMs]);

  useEffect(() => {
    if (!pageUrl) return setNotes([]);
    api.call('note/list', { canonicalUrl: pageUrl }).then(setNotes, () => setNotes([]));
  }, [api, pageUrl, version, notesVersion]);

  const scan = async () => {
    setNotFound('');
    try {
      const res = await api.callTab(state.tabId!, 'content/scan', {});
      setState((old) => ({ ...old, page: res.page, summary: res.summary }));
    } catch (e) {
      setNotFound(errorText(e));
    }
  };

  if (state.loading) return <Skeleton />;
  if (!state.summary || !state.page) {
    if (!state.reachable) return <p class="muted">{t('cannotRead')}</p>;
    return (
      <div class="row notice">
        <span class="spacer muted">{t('notArticle')}</span>
        <button type="button" class="primary" onClick={scan}>{t('scanPage')}</button>
        <p class="error" role="status">{notFound}</p>
      </div>
    );
  }
  const scrollTo = async (category: Category, name: string) => {
    setNotFound('');
    const res = await api.callTab(state.tabId!, 'content/scroll-to', { category, name }).catch(() => ({ found: false }));
    if (!res.found) setNotFound(t('notOnPage', name));
  };
  const noteFromSelection = async () => {
    setNotFound('');
    try {
      const sel = await api.callTab(state.tabId!, 'content/note-from-selection', {});
      if (!sel) return setNotFound(t('selectFirst'));
      const pageUrl = sel.canonicalUrl ?? state.page!.canonicalUrl;
      const note = await api.call('note/add', { pageUrl, quote: sel.quote, position: sel.position, body: '', draft: true });
      await api.callTab(state.tabId!, 'content/notes-changed', { canonicalUrl: pageUrl }).catch(() => {});
      onNote?.(note);
    } catch (e) {
      setNotFound(errorText(e));
    }
  };
  return (
    <div>
      <h1>{state.summary.title || state.page.title}</h1>
      <div class="row">
        <p class="muted small spacer">
          {state.page.site} · {t('wordsScanned', state.summary.words)}
        </p>
        {onNote && <button type="button" onClick={noteFromSelection}>{t('noteFromSelection')}</button>}
      </div>
      <p class="error" role="status">{notFound}</p>
      <SummaryView summary={state.summary} onItem={scrollTo} />
      {notes.length > 0 && (
        <section aria-labelledby="page-notes">
          <h2 id="page-notes">{t('notes')} <span class="muted">{notes.length}</span></h2>
          {notes.map((n) => (
            <NoteCard
              note={n}
              onEdit={onNote ? () => onNote(n) : undefined}
              onSave={() => {}}
              onDelete={async () => {
                await api.call('note/delete', { id: n.id }).catch((e) => setNotFound(errorText(e)));
                await api.callTab(state.tabId!, 'content/notes-changed', { canonicalUrl: n.pageUrl }).catch(() => {});
                setNotesVersion((x) => x + 1);
              }}
            />
          ))}
        </section>
      )}
    </div>
  );
}
