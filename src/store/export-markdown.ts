// Markdown export, Obsidian-clean: one document per page with YAML front
// matter (the clipper's property names: title, source, site, published,
// created, tags, plus companies, people and tickers as lists), companies as
// [[wikilinks]] in the body, notes with their quotes as ==highlight==.
// Several pages go into one file, each page a section, because a file can
// hold only one front matter block.
import type { Note, SavedPage } from '../messages.ts';
import { sanitizeFileName } from './sanitize-file-name.ts';

/** A YAML double-quoted scalar; JSON strings are valid YAML and escape everything needed. */
const q = (s: string) => JSON.stringify(s);

/** Escapes Markdown syntax in page text so a headline cannot turn into a link, HTML or a highlight. */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|#~$]/g, '\\$&')
    .replace(/==/g, '=\\=');
}

export const wikilink = (name: string) => `[[${sanitizeFileName(name)}]]`;

/** YYYY-MM-DD when the value starts with a date, else undefined. */
function dateOnly(value: string | undefined): string | undefined {
  const m = value?.match(/^\d{4}-\d{2}-\d{2}/);
  return m?.[0];
}

/** ISO date-time without milliseconds (Obsidian's datetime property). */
const dateTime = (iso: string) => iso.replace(/\.\d+(?=Z|[+-]|$)/, '');

function yamlList(key: string, values: string[]): string[] {
  const distinct = [...new Set(values.filter(Boolean))];
  return distinct.length ? [`${key}:`, ...distinct.map((v) => `  - ${q(v)}`)] : [];
}

export function frontMatter(page: SavedPage): string {
  const s = page.summary;
  const published = dateOnly(page.published);
  return [
    '---',
    `title: ${q(page.title || s.title || 'Untitled')}`,
    `source: ${q(page.url || page.canonicalUrl)}`,
    `site: ${q(page.site)}`,
    ...(published ? [`published: ${published}`] : []),
    `created: ${dateTime(page.readAt)}`,
    'tags:',
    '  - newsmark',
    ...yamlList('companies', s.companies.map((c) => c.name)),
    ...yamlList('people', s.people.map((p) => p.name)),
    ...yamlList('tickers', s.companies.map((c) => c.ticker ?? '')),
    '---',
  ].join('\n');
}

function magnitudeText(m: SavedPage['summary']['moves'][number]): string {
  if (!m.magnitude) return '';
  const { value, unit } = m.magnitude;
  return unit === '%' ? ` ${value}%` : ` ${value} ${unit}`;
}

/** The body of one page's document; `h` is the heading level of its sections. */
export function pageBody(page: SavedPage, notes: Note[], h = 2): string {
  const s = page.summary;
  const hh = '#'.repeat(h);
  const out: string[] = [];
  if (s.companies.length) {
    out.push(`${hh} Companies`, '');
    for (const c of s.companies) {
      out.push(`- ${wikilink(c.name)}${c.ticker ? ` (${escapeInline(c.ticker)})` : ''}, ${c.mentions} mention${c.mentions === 1 ? '' : 's'}`);
    }
    out.push('');
  }
  if (s.people.length) {
    out.push(`${hh} People`, '');
    for (const p of s.people) out.push(`- ${escapeInline(p.name)}${p.role ? `, ${escapeInline(p.role)}` : ''}`);
    out.push('');
  }
  if (s.moves.length) {
    out.push(`${hh} Market moves`, '');
    for (const m of s.moves) {
      out.push(`- ${escapeInline(m.subject)}: ${m.direction}${magnitudeText(m)}. ${escapeInline(m.text)}`);
    }
    out.push('');
  }
  if (s.figures.length) {
    out.push(`${hh} Figures`, '');
    for (const f of s.figures) out.push(`- ${escapeInline(f.text)} (${f.kind}${f.currency ? `, ${f.currency}` : ''})`);
    out.push('');
  }
  if (s.keySentences.length) {
    out.push(`${hh} Key sentences`, '');
    for (const k of s.keySentences) out.push(`> ${escapeInline(k)}`, '');
  }
  if (notes.length) out.push(notesSection(notes, h));
  return out.join('\n').trimEnd();
}

/** The notes: each quote as ==highlight==, then the reader's own text (their Markdown, kept as written). */
export function notesSection(notes: Note[], h: number): string {
  const out = [`${'#'.repeat(h)} Notes`, ''];
  for (const n of notes) {
    out.push(`> ==${escapeInline(n.quote.exact)}==`);
    if (n.detached) out.push('>', '> *(no longer found on the page)*');
    out.push('');
    if (n.body.trim()) out.push(n.body.trim(), '');
  }
  return out.join('\n').trimEnd();
}

/** One page as its own Markdown file. */
export function pageDocument(page: SavedPage, notes: Note[]): { filename: string; text: string } {
  const title = page.title || page.summary.title || 'Untitled';
  const body = pageBody(page, notes, 2);
  const text = `${frontMatter(page)}\n\n# ${escapeInline(title)}\n\n${body}\n`;
  return { filename: `${sanitizeFileName(title)}.md`, text };
}

/**
 * Several pages in one file: front matter for the collection, a section per
 * page, and last the notes on pages that are not in the library (kept: a note
 * is never dropped, not even from an export).
 */
export function libraryDocument(pages: SavedPage[], notesByPage: Map<string, Note[]>, now: Date, otherNotes: Note[] = []): { filename: string; text: string } {
  const day = now.toISOString().slice(0, 10);
  const parts = [
    '---',
    `title: ${q('Newsmark library')}`,
    `created: ${dateTime(now.toISOString())}`,
    'tags:',
    '  - newsmark',
    ...yamlList('companies', pages.flatMap((p) => p.summary.companies.map((c) => c.name))),
    '---',
    '',
    '# Newsmark library',
    '',
    `${pages.length} page${pages.length === 1 ? '' : 's'}, exported ${day}.`,
  ];
  for (const page of pages) {
    const title = page.title || page.summary.title || 'Untitled';
    const published = dateOnly(page.published);
    parts.push(
      '',
      `## ${escapeInline(title)}`,
      '',
      `- Source: <${encodeURI(decodeURIComponentSafe(page.url || page.canonicalUrl))}>`,
      `- Site: ${escapeInline(page.site)}`,
      ...(published ? [`- Published: ${published}`] : []),
      `- Read: ${dateTime(page.readAt)}`,
      '',
    );
    const body = pageBody(page, notesByPage.get(page.canonicalUrl) ?? [], 3);
    if (body) parts.push(body);
  }
  if (otherNotes.length) {
    parts.push('', '## Notes on pages not in the library', '');
    const byPage = new Map<string, Note[]>();
    for (const n of otherNotes) byPage.set(n.pageUrl, [...(byPage.get(n.pageUrl) ?? []), n]);
    for (const [url, notes] of byPage) {
      parts.push(`### <${encodeURI(decodeURIComponentSafe(url))}>`, '');
      parts.push(notesSection(notes, 4), '');
    }
  }
  return { filename: `newsmark-library-${day}.md`, text: `${parts.join('\n').trimEnd()}\n` };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}
