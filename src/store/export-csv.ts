// CSV export: one row per figure or market move, RFC 4180 (CRLF, quotes
// doubled inside quoted fields). Page text that starts with = + - @ (or a tab
// or carriage return) gets a leading ' so a spreadsheet shows it instead of
// running it as a formula; numbers are written as plain numbers.
import type { SavedPage } from '../messages.ts';

export const CSV_COLUMNS = [
  'type', 'subject', 'direction', 'kind', 'value', 'unit', 'as_written', 'sentence', 'mentions',
  'page_title', 'site', 'url', 'published', 'read_at',
] as const;

type Cell = string | number | undefined;

export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: Cell[]): string {
  return cells.map(csvCell).join(',');
}

export function pagesToCsv(pages: SavedPage[]): string {
  const rows: string[] = [csvRow([...CSV_COLUMNS])];
  for (const p of pages) {
    const page: Cell[] = [p.title || p.summary.title, p.site, p.url || p.canonicalUrl, p.published, p.readAt];
    for (const f of p.summary.figures) {
      const unit = f.currency ?? (f.kind === 'percent' ? '%' : f.kind);
      rows.push(csvRow(['figure', '', '', f.kind, f.value, unit, f.text, '', f.mentions, ...page]));
    }
    for (const m of p.summary.moves) {
      rows.push(csvRow(['move', m.subject, m.direction, 'move', m.magnitude?.value, m.magnitude?.unit, '', m.text, '', ...page]));
    }
  }
  // The BOM makes spreadsheet programs read UTF-8 (currency signs, names) correctly.
  return `\ufeff${rows.join('\r\n')}\r\n`;
}
