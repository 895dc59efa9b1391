// "This page": the live summary of the active tab, kept fresh by asking the
// content script every ~1.5 s while the panel is visible (the summary grows as
// the reader scrolls and late content loads). Clicking an entry scrolls the
// page to it. "Note on selected text" turns the page's selection into a draft
// note and hands it to the Notes tab's editor.
import { useEffect, useState } from 'preact/hooks';
import type { Category, PageSummary } from '../../extract/types.ts';
import type { Note, PageInfo } from '../../messages.ts';
import type { Api } from '../api.ts';
import { Skeleton } from '../components/skeleton.tsx';
import { SummaryView } from '../components/summary-view.tsx';
import { t } from '../i18n.ts';

export function ThisPageTab({ api, pollMs = 1500, onNote }: { api: Api; pollMs?: number; onNote?(note: Note): void }) {
  const [state, setState] = useState<{ loading: boolean; tabId?: number; page?: PageInfo; summary?: PageSummary }>({ loading: true });
  const [notFound, setNotFound] = useState('');

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (stopped) return;
      if (document.visibilityState !== 'hidden') {
        const tab = await api.currentTab().catch(() => null);
        const res = tab ? await api.callTab(tab.id, 'content/summary', {}).catch(() => null) : null;
        if (stopped) return;
        setState({ loading: false, tabId: tab?.id, page: res?.page, summary: res?.summary });
      }
      timer = setTimeout(tick, pollMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, pollMs]);

  if (state.loading) return <Skeleton />;
  if (!state.summary || !state.page) return <p class="muted">{t('cannotRead')}</p>;
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
      setNotFound(e instanceof Error ? e.message : String(e));
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
    </div>
  );
}
