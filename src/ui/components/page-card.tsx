// A saved page in a list: title (opens the page), site and date, its
// companies (each opens the company view) and the top moves.
import type { SavedPage } from '../../messages.ts';
import { t } from '../i18n.ts';
import { safeHref } from './safe-href.ts';
import { formatMagnitude } from './format-magnitude.ts';
import { MoveMark } from './summary-view.tsx';

export interface PageCardProps {
  page: SavedPage;
  selected?: boolean;
  onSelect?(selected: boolean): void;
  onCompany?(name: string): void;
  onForget?(): void;
}

export function PageCard({ page, selected, onSelect, onCompany, onForget }: PageCardProps) {
  const id = `page-${encodeURIComponent(page.id)}`;
  const date = (page.published || page.readAt).slice(0, 10);
  return (
    <article class="card page" aria-labelledby={id}>
      <div class="row">
        {onSelect && (
          <input type="checkbox" checked={selected} aria-label={t('selectPage', page.title || page.url)} onChange={(e) => onSelect((e.target as HTMLInputElement).checked)} />
        )}
        <h3 id={id} class="spacer">
          <a href={safeHref(page.url)} target="_blank" rel="noreferrer">{page.title || page.url}</a>
        </h3>
      </div>
      <div class="row meta">
        <span class="muted small spacer">
          {page.site} · <time dateTime={date}>{date}</time>
        </span>
        {onForget && (
          <button type="button" class="quiet" onClick={onForget} aria-label={t('forgetNamed', page.title || page.url)}>
            {t('forgetPage')}
          </button>
        )}
      </div>
      {page.summary.companies.length > 0 && (
        <ul class="entries" aria-label={t('companies')}>
          {page.summary.companies.slice(0, 6).map((c) => (
            <li class="entry">
              {onCompany ? (
                <button type="button" class="entry-button" onClick={() => onCompany(c.name)}>{c.name}</button>
              ) : (
                c.name
              )}
            </li>
          ))}
        </ul>
      )}
      {page.summary.moves.length > 0 && (
        <ul class="entries" aria-label={t('moves')}>
          {page.summary.moves.slice(0, 3).map((m) => (
            <li class="entry">
              <MoveMark move={m} />
              {m.subject}
              {m.magnitude && <span class="size">{formatMagnitude(m.magnitude)}</span>}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
