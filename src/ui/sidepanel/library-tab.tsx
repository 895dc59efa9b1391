// "Library": every saved page, newest first. Full-text search runs in the
// background (MiniSearch over titles, summaries and notes); the filters narrow
// by company, site and read date. Checked pages form the export selection.
import { useEffect, useState } from 'preact/hooks';
import type { CompanySummary, LibraryQuery, SavedPage } from '../../messages.ts';
import { errorText, type Api } from '../api.ts';
import { PageCard } from '../components/page-card.tsx';
import { t } from '../i18n.ts';

export interface LibraryTabProps {
  api: Api;
  /** Bumped when the library changed elsewhere, to reload. */
  version: number;
  selected: Set<string>;
  onSelect(id: string, selected: boolean): void;
  onCompany(name: string): void;
  /** Debounce for typing in the search box. */
  debounceMs?: number;
}

export function LibraryTab({ api, version, selected, onSelect, onCompany, debounceMs = 200 }: LibraryTabProps) {
  const [query, setQuery] = useState<LibraryQuery>({});
  const [pages, setPages] = useState<SavedPage[] | null>(null);
  const [companies, setCompanies] = useState<CompanySummary[]>([]);
  const [sites, setSites] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    api.call('library/companies', { limit: 200 }).then(setCompanies, () => {});
    api.call('library/list', { limit: 1000 }).then((all) => setSites([...new Set(all.map((p) => p.site))].sort()), () => {});
  }, [api, version, reload]);

  useEffect(() => {
    const timer = setTimeout(() => {
      const req: LibraryQuery = {};
      for (const [k, v] of Object.entries(query)) if (v) (req as Record<string, unknown>)[k] = v;
      api.call('library/list', req).then(
        (res) => {
          setPages(res);
          setError('');
        },
        (e) => setError(errorText(e)),
      );
    }, query.text ? debounceMs : 0);
    return () => clearTimeout(timer);
  }, [api, query, version, reload, debounceMs]);

  const set = (patch: Partial<LibraryQuery>) => setQuery((q) => ({ ...q, ...patch }));
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  return (
    <div>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label class="visually-hidden" for="lib-search">{t('searchLibrary')}</label>
        <input id="lib-search" type="search" placeholder={t('searchLibrary')} value={query.text ?? ''} onInput={(e) => set({ text: value(e) })} style={{ width: '100%' }} />
        <div class="row filters">
          <label>
            <span class="visually-hidden">{t('filterCompany')}</span>
            <select value={query.company ?? ''} onChange={(e) => set({ company: value(e) })} aria-label={t('filterCompany')}>
              <option value="">{t('allCompanies')}</option>
              {companies.map((c) => (
                <option value={c.name}>{c.name}</option>
              ))}
            </select>
          </label>
          <select value={query.site ?? ''} onChange={(e) => set({ site: value(e) })} aria-label={t('filterSite')}>
            <option value="">{t('allSites')}</option>
            {sites.map((s) => (
              <option value={s}>{s}</option>
            ))}
          </select>
          <input type="date" value={query.from ?? ''} onChange={(e) => set({ from: value(e) })} aria-label={t('filterFrom')} />
          <input type="date" value={query.to ?? ''} onChange={(e) => set({ to: value(e) })} aria-label={t('filterTo')} />
        </div>
      </form>
      {error && <p role="alert" class="error">{error}</p>}
      {pages === null ? null : pages.length === 0 ? (
        <p class="muted">{query.text || query.company || query.site || query.from || query.to ? t('noMatches') : t('libraryEmpty')}</p>
      ) : (
        <>
          <p class="muted small" role="status">{t('pagesCount', pages.length)}</p>
          <ul class="cards">
            {pages.map((p) => (
              <li>
                <PageCard
                  page={p}
                  selected={selected.has(p.id)}
                  onSelect={(on) => onSelect(p.id, on)}
                  onCompany={onCompany}
                  onForget={async () => {
                    await api.call('page/forget', { canonicalUrl: p.canonicalUrl }).catch((e) => setError(errorText(e)));
                    onSelect(p.id, false);
                    setReload((n) => n + 1);
                  }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
