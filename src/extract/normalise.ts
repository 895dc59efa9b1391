// Keys for comparing names and move subjects across a page: lower case,
// straight apostrophes, no punctuation, no legal-form suffix, no leading
// "the" ("Geberit AG" = "Geberit", "Alibaba's" = "Alibaba", "the Hang
// Seng" = "Hang Seng"). The scorer compares names the same way.
import { LEGAL_SUFFIXES } from './lexicon.ts';

/** Words of a name, lower-cased, punctuation dropped ("Amazon.com" -> ["amazon", "com"]). */
export function nameWords(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    if ((ch === "'" || ch === '\u2019') && lower[i + 1] === 's' && !/[a-z0-9]/.test(lower[i + 2] ?? '')) { i++; continue; }
    if (/[\p{L}\p{N}&]/u.test(ch)) cur += ch;
    else if (cur) { out.push(cur); cur = ''; }
  }
  if (cur) out.push(cur);
  return out;
}

/** The comparison key of a company or person name. */
export function nameKey(s: string): string {
  const w = nameWords(s);
  while (w.length > 1 && (LEGAL_SUFFIXES.has(w[w.length - 1]) || w[w.length - 1] === '&')) w.pop();
  while (w.length > 1 && w[0] === 'the') w.shift();
  return w.join(' ');
}

const SUBJECT_TRIM = new Set(['the', 'shares', 'share', 'stock', 'prices', 'price', 'futures', 'in', 'of']);

/** The comparison key of a move subject ("Alibaba's shares" = "alibaba", "the Hang Seng Index" = "hang seng index"). */
export function subjectKey(s: string): string {
  const w = nameWords(s);
  while (w.length > 1 && SUBJECT_TRIM.has(w[0])) w.shift();
  while (w.length > 1 && SUBJECT_TRIM.has(w[w.length - 1])) w.pop();
  while (w.length > 1 && LEGAL_SUFFIXES.has(w[w.length - 1])) w.pop();
  return w.join(' ');
}

/** "TSMC" for "Taiwan Semiconductor Manufacturing Co", "MS" for "Marks & Spencer" (compare with "&" removed). */
export function initials(s: string, dropSuffix: boolean): string {
  let w = nameWords(s).filter((x) => x !== '&' && x !== 'and' && x !== 'of' && x !== 'the');
  if (dropSuffix) while (w.length > 1 && LEGAL_SUFFIXES.has(w[w.length - 1])) w = w.slice(0, -1);
  return w.map((x) => x[0]).join('');
}
