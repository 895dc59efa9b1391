// "Company": everything saved about one company across articles: its moves
// over time, the figures of the articles that name it, the articles, and the
// notes on them. Without a chosen company it lists the companies to pick from.
import { useEffect, useState } from 'preact/hooks';
import type { CompanySummary, Requests } from '../../messages.ts';
import { errorText, type Api } from '../api.ts';
import { formatMagnitude, formatMoney } from '../components/format-magnitude.ts';
import { MoveChart } from '../components/move-chart.tsx';
import { NoteCard } from '../components/note-card.tsx';
import { PageCard } from '../components/page-card.tsx';
import { MoveMark } from '../components/summary-view.tsx';
import { t } from '../i18n.ts';

type Dossier = Requests['library/company']['res'];

export function CompanyTab({ api, name, version, onCompany }: { api: Api; name: string; version: number; onCompany(name: string): void }) {
  const [list, setList] = useState<CompanySummary[] | null>(null);
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [error, setError] = useState('');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    setError('');
    if (!name) {
      api.call('library/companies', { limit: 200 }).then(setList, (e) => setError(errorText(e)));
    } else {
      setDossier(null);
      api.call('library/company', { name }).then(setDossier, (e) => setError(errorText(e)));
    }
  }, [api, name, version, reload]);

  if (error) return <p role="alert" class="error">{error}</p>;
  if (!name) {
    if (!list) return null;
    if (!list.length) return <p class="muted">{t('libraryEmpty')}</p>;
    return (
      <div>
        <h1>{t('pickCompany')}</h1>
        <ul class="cards">
          {list.map((c) => (
            <li>
              <button type="button" class="entry-button" onClick={() => onCompany(c.name)}>
                <span class="name">{c.name}</span>
                {c.ticker && <span class="ticker">{c.ticker}</span>}
                <span class="muted small">{t('companyPages', c.pages)}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (!dossier) return null;
  const titles = new Map(dossier.pages.map((p) => [p.canonicalUrl, p.title]));
  const figures = dossier.pages.flatMap((p) => p.summary.figures.map((f) => ({ f, page: p })));
  return (
    <div>
      <div class="row">
        <h1 class="spacer">{dossier.name || name}</h1>
        <button type="button" onClick={() => onCompany('')}>{t('allCompanies')}</button>
      </div>
      <section aria-labelledby="co-moves">
        <h2 id="co-moves">{t('movesOverTime')}</h2>
        <MoveChart moves={dossier.moves} />
        <ul class="entries">
          {dossier.moves.map((m) => (
            <li class="entry" title={m.move.text}>
              <span class="muted small">{m.date.slice(0, 10)}</span>
              <MoveMark move={m.move} />
              <span class="name">{m.move.subject}</span>
              {m.move.magnitude && <span class="size">{formatMagnitude(m.move.magnitude)}</span>}
            </li>
          ))}
        </ul>
      </section>
      {figures.length > 0 && (
        <section aria-labelledby="co-figures">
          <h2 id="co-figures">{t('figures')}</h2>
          <ul class="entries">
            {figures.slice(0, 30).map(({ f, page }) => (
              <li class="entry" title={page.title}>{f.kind === 'money' ? formatMoney(f.value, f.currency) : f.text}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="co-pages">
        <h2 id="co-pages">{t('articles')} <span class="muted">{dossier.pages.length}</span></h2>
        <ul class="cards">
          {dossier.pages.map((p) => (
            <li><PageCard page={p} onCompany={onCompany} /></li>
          ))}
        </ul>
      </section>
      {dossier.notes.length > 0 && (
        <section aria-labelledby="co-notes">
          <h2 id="co-notes">{t('notes')}</h2>
          {dossier.notes.map((n) => (
            <NoteCard
              note={n}
              pageTitle={titles.get(n.pageUrl) ?? n.pageUrl}
              onSave={async () => {}}
              onDelete={async () => {
                await api.call('note/delete', { id: n.id });
                setReload((x) => x + 1);
              }}
            />
          ))}
        </section>
      )}
    </div>
  );
}
