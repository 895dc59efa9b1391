// The page summary as a reader scans it: companies (ticker, mention count),
// market moves (direction mark and size), key figures, people, and the key
// sentences. Shared by the popup and the side panel's "This page" tab; every
// string from the page is rendered as a text node.
import type { Category, Move, PageSummary } from '../../extract/types.ts';
import { t } from '../i18n.ts';
import { formatMagnitude, formatMoney } from './format-magnitude.ts';

export interface SummaryViewProps {
  summary: PageSummary;
  /** Show at most this many entries per list (the popup is small). */
  limit?: number;
  /** When given, entries become buttons (scroll the page to the mention). */
  onItem?: (category: Category, name: string) => void;
}

/** How often the page names an entity, with its spoken form for screen readers. */
function MentionCount({ n }: { n: number }) {
  return <span class="count" title={t('mentions', n)} aria-label={t('mentions', n)}>{n}</span>;
}

export function SummaryView({ summary, limit = Infinity, onItem }: SummaryViewProps) {
  const empty =
    !summary.companies.length && !summary.moves.length && !summary.figures.length && !summary.people.length;
  if (empty) return <p class="muted">{t('summaryEmpty')}</p>;
  return (
    <div class="summary">
      <Section title={t('companies')} category="company" total={summary.companies.length} limit={limit}>
        {summary.companies.slice(0, limit).map((c) => (
          <Item category="company" name={c.name} onItem={onItem}>
            <span class="name">{c.name}</span>
            {c.ticker && <span class="ticker">{c.ticker}</span>}
            <MentionCount n={c.mentions} />
          </Item>
        ))}
      </Section>
      <Section title={t('moves')} category="move" total={summary.moves.length} limit={limit}>
        {summary.moves.slice(0, limit).map((m) => (
          <Item category="move" name={m.subject} onItem={onItem} title={m.text}>
            <MoveMark move={m} />
            <span class="name">{m.subject}</span>
            {m.magnitude && <span class="size">{formatMagnitude(m.magnitude)}</span>}
          </Item>
        ))}
      </Section>
      <Section title={t('figures')} category="figure" total={summary.figures.length} limit={limit}>
        {summary.figures.slice(0, limit).map((f) => (
          <Item category="figure" name={f.text} onItem={onItem}>
            <span class="name">{f.kind === 'money' ? formatMoney(f.value, f.currency) : f.text}</span>
            {f.kind === 'money' && <span class="muted small">{f.text}</span>}
          </Item>
        ))}
      </Section>
      <Section title={t('people')} category="person" total={summary.people.length} limit={limit}>
        {summary.people.slice(0, limit).map((p) => (
          <Item category="person" name={p.name} onItem={onItem}>
            <span class="name">{p.name}</span>
            {p.role && <span class="muted small">{p.role}</span>}
            <MentionCount n={p.mentions} />
          </Item>
        ))}
      </Section>
      {summary.keySentences.length > 0 && (
        <section aria-labelledby="nm-key">
          <h2 id="nm-key">{t('keySentences')}</h2>
          <ul class="key-sentences">
            {summary.keySentences.slice(0, 3).map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export function MoveMark({ move }: { move: Move }) {
  const up = move.direction === 'up';
  return (
    <span class={`mark ${up ? 'up' : 'down'}`} role="img" aria-label={t(up ? 'moveUp' : 'moveDown')}>
      {up ? '▲' : '▼'}
    </span>
  );
}

function Section(props: { title: string; category: Category; total: number; limit: number; children: any }) {
  if (!props.total) return null;
  const id = `nm-sec-${props.category}`;
  return (
    <section aria-labelledby={id} class={`cat-${props.category}`}>
      <h2 id={id}>
        <span class="swatch" aria-hidden="true" />
        {props.title} <span class="muted">{props.total}</span>
      </h2>
      <ul class="entries">{props.children}</ul>
      {props.total > props.limit && <p class="muted small">{t('andMore', props.total - props.limit)}</p>}
    </section>
  );
}

function Item(props: {
  category: Category;
  name: string;
  title?: string;
  onItem?: (category: Category, name: string) => void;
  children: any;
}) {
  const { onItem } = props;
  return (
    <li class="entry" title={props.title}>
      {onItem ? (
        <button type="button" class="entry-button" onClick={() => onItem(props.category, props.name)}>
          {props.children}
        </button>
      ) : (
        props.children
      )}
    </li>
  );
}
