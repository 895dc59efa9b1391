// The toolbar popup: the current page at a glance plus the few actions a reader
// wants while reading. It renders a skeleton at once, asks the tab's content
// script for the live summary and falls back to the stored page, so something
// useful shows before the reader's eye lands.
import { useEffect, useState } from 'preact/hooks';
import type { Category, PageSummary } from '../../extract/types.ts';
import type { PageInfo, SavedPage, Settings, Status } from '../../messages.ts';
import { errorText, type Api } from '../api.ts';
import { CATEGORIES, colorVars } from '../components/category-colors.ts';
import { Skeleton } from '../components/skeleton.tsx';
import { SummaryView } from '../components/summary-view.tsx';
import { t } from '../i18n.ts';

type Highlights = { enabled: boolean; categories: Record<Category, boolean> };

interface State {
  loading: boolean;
  tabId?: number;
  tabUrl?: string;
  /** From the content script; absent on pages it cannot run in. */
  page?: PageInfo;
  summary?: PageSummary;
  saved?: SavedPage | null;
  settings?: Settings;
  highlights?: Highlights;
  status?: Status;
  /** The content script answered but is not reading this page: offer "Scan this page". */
  scannable?: boolean;
}

/** Marks the moment the summary became visible (read by the e2e test that measures popup speed). */
function markSummaryShown() {
  if (!performance.getEntriesByName('newsmark:summary').length) performance.mark('newsmark:summary');
}

export function Popup({ api }: { api: Api }) {
  const [s, setS] = useState<State>({ loading: true });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<State>) => setS((old) => ({ ...old, ...patch }));

  useEffect(() => {
    let live = true;
    (async () => {
      const tab = await api.currentTab().catch(() => null);
      if (!live) return;
      if (!tab) return update({ loading: false });
      update({ tabId: tab.id, tabUrl: tab.url });
      // The summary is asked for first; settings and status load beside it, none waits for another.
      // null from a content script that answered = it is there but not reading (not an article);
      // a rejection = no content script (browser pages, a tab opened before install).
      let reachable = true;
      const asked = api.callTab(tab.id, 'content/summary', {}).catch(() => {
        reachable = false;
        return null;
      });
      api.call('settings/get', {}).then((settings) => live && update({ settings }), () => {});
      api.call('status/get', {}).then((status) => live && update({ status }), () => {});
      api.callTab(tab.id, 'content/highlights', {}).then((highlights) => live && update({ highlights }), () => {});
      const current = await asked;
      if (!live) return;
      if (current) update({ page: current.page, summary: current.summary, loading: false });
      const key = current?.page.canonicalUrl ?? tab.url;
      const saved = key ? await api.call('page/get', { canonicalUrl: key }).catch(() => null) : null;
      if (!live) return;
      // The live summary wins unless it is still empty (a reload mid-scan) while the stored one is not.
      const useStored = !!saved && (!current || (isEmpty(current.summary) && !isEmpty(saved.summary)));
      update(useStored ? { saved, summary: saved!.summary, page: current?.page ?? saved!, loading: false } : { saved, loading: false, scannable: reachable && !current });
    })();
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (s.summary) markSummaryShown();
  }, [s.summary]);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await fn();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    act(async () => {
      if (!s.page || !s.summary) return;
      update({ saved: await api.call('page/save', { page: s.page, summary: s.summary }) });
    });
  const forget = () =>
    act(async () => {
      if (!s.page) return;
      await api.call('page/forget', { canonicalUrl: s.page.canonicalUrl });
      update({ saved: null });
    });
  const scan = () =>
    act(async () => {
      if (s.tabId === undefined) return;
      const res = await api.callTab(s.tabId, 'content/scan', {});
      update({ page: res.page, summary: res.summary, scannable: false });
    });
  const setHighlights = (req: { enabled?: boolean; categories?: Partial<Record<Category, boolean>> }) =>
    act(async () => {
      if (s.tabId === undefined) return;
      update({ highlights: await api.callTab(s.tabId, 'content/highlights', req) });
      // The content script may also switch the site off or on with the highlights: re-read.
      if (req.enabled !== undefined) update({ settings: await api.call('settings/get', {}) });
    });
  const site = s.page?.site || hostOf(s.tabUrl);
  const siteOff = !!site && !!s.settings?.disabledSites.includes(site);
  const toggleSite = () =>
    act(async () => {
      if (!site || !s.settings) return;
      const disabledSites = siteOff ? s.settings.disabledSites.filter((x) => x !== site) : [...s.settings.disabledSites, site];
      update({ settings: await api.call('settings/set', { disabledSites }) });
      if (s.tabId !== undefined) {
        api.callTab(s.tabId, 'content/highlights', { enabled: siteOff }).then((highlights) => update({ highlights }), () => {});
      }
    });
  const scrollTo = (category: Category, name: string) => {
    if (s.tabId !== undefined) void api.callTab(s.tabId, 'content/scroll-to', { category, name }).catch(() => {});
  };
  const openPanel = () => {
    if (s.tabId === undefined) return;
    // No await before this call: the browser opens panels only inside the click's user gesture.
    api.openSidePanel(s.tabId).then(() => window.close(), (e) => setError(errorText(e)));
  };
  const clearError = () => act(async () => {
    await api.call('status/clear-error', {});
    update({ status: s.status && { ...s.status, lastError: null } });
  });

  const title = s.summary?.title || s.page?.title || '';
  return (
    <main class="popup" aria-busy={s.loading} style={colorVars(s.settings?.colors)}>
      <header class="row">
        <h1 class="spacer">{title || t('extName')}</h1>
        {s.saved && <span class="badge">{t('saved')}</span>}
      </header>
      {s.page && <p class="muted small">{s.page.site}</p>}
      {s.status?.lastError && (
        <div role="alert" class="error row">
          <span class="spacer">{s.status.lastError.code === 'quota' ? t('errorQuota') : s.status.lastError.message}</span>
          <button type="button" onClick={clearError}>{t('dismiss')}</button>
        </div>
      )}
      {error && <p role="alert" class="error">{error}</p>}

      {s.loading ? (
        <Skeleton />
      ) : s.scannable ? (
        <div class="row notice">
          <span class="spacer muted">{t('notArticle')}</span>
          <button type="button" class="primary" disabled={busy} onClick={scan}>{t('scanPage')}</button>
        </div>
      ) : !s.summary ? (
        <p class="muted">{s.tabId === undefined ? t('noTab') : t('cannotRead')}</p>
      ) : (
        <SummaryView summary={s.summary} limit={8} onItem={s.page && s.tabId !== undefined ? scrollTo : undefined} />
      )}

      <div class="row actions" role="group" aria-label={t('actions')}>
        {s.saved ? (
          <button type="button" disabled={busy} onClick={forget}>{t('forgetPage')}</button>
        ) : (
          <button type="button" class="primary" disabled={busy || !s.page || !s.summary} onClick={save}>{t('savePage')}</button>
        )}
        <button type="button" disabled={s.tabId === undefined} onClick={openPanel}>{t('openPanel')}</button>
      </div>

      {s.highlights && (
        <fieldset class="highlights">
          <legend>{t('highlights')}</legend>
          <label class="row">
            <input type="checkbox" checked={s.highlights.enabled} disabled={busy} data-category="all" onChange={(e) => setHighlights({ enabled: (e.target as HTMLInputElement).checked })} />
            {t('highlightsOn')}
          </label>
          <div class="cats">
            {CATEGORIES.map((c) => (
              <label>
                <input type="checkbox" data-category={c} checked={s.highlights!.categories[c]} disabled={busy || !s.highlights!.enabled} onChange={(e) => setHighlights({ categories: { [c]: (e.target as HTMLInputElement).checked } })} />
                <span class={`swatch cat-${c}`} aria-hidden="true" />
                {t(`category_${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {site && s.settings && (
        <div class="row">
          <button type="button" disabled={busy} onClick={toggleSite}>{siteOff ? t('siteOn', site) : t('siteOff', site)}</button>
          <span class="spacer" />
          <button type="button" class="link" onClick={() => void api.openOptions()}>{t('options')}</button>
        </div>
      )}
    </main>
  );
}

function isEmpty(s: PageSummary): boolean {
  return !s.companies.length && !s.people.length && !s.figures.length && !s.moves.length;
}

function hostOf(url?: string): string {
  try {
    return url && /^https?:/.test(url) ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}
