// Keys for comparing names and move subjects across a page: lower case,
// straight apostrophes, no punctuation, no legal-form suffix, no leading
// "the" ("Geberit AG" = "Geberit", "Alibaba's" = "Alibaba", "the Hang
// Seng" = "Hang Seng"). The scorer compares names the same way.
import { LEGAL_SUFFIXES } from './lexicon.ts';
import { isLetterCode } from './tokens.ts';

/** Words of a name, lower-cased, punctuation dropped ("Amazon.com" -> ["amazon", "com"]). */
export function nameWords(s: string): string[] {
  const out: string[] = [];
  const lower = s.toLowerCase();
  let from = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    // A possessive "'s" ends the word without joining it.
    if ((c === 39 || c === 0x2019) && lower.charCodeAt(i + 1) === 115 && !isWordCode(lower.charCodeAt(i + 2))) {
      if (from >= 0) { out.push(lower.slice(from, i)); from = -1; }
      i++;
      continue;
    }
    if (isWordCode(c) || c === 38) { if (from < 0) from = i; }
    else if (from >= 0) { out.push(lower.slice(from, i)); from = -1; }
  }
  return out;
}

const isWordCode = (c: number) => (c >= 48 && c <= 57) || isLetterCode(c);

/** The comparison key of a company or person name. */
export function nameKey(s: string): string {
  const lower = s.toLowerCase();
  if (isOwnKey(lower)) return lower;
  const w = nameWords(s);
  while (w.length > 1 && (LEGAL_SUFFIXES.has(w[w.length - 1]) || w[w.length - 1] === '&')) w.pop();
  while (w.length > 1 && w[0] === 'the') w.shift();
  return w.join(' ');
}

/**
 * Most names ("Nvidia", "Goldman Sachs") are words of letters, digits and "&" between single spaces, with no
 * legal form to drop at the end and no "the" at the start: in lower case they are their own key, and the
 * resolver asks for the key of every name on the page, so no array of words is made for them.
 */
function isOwnKey(lower: string): boolean {
  const n = lower.length;
  let lastSpace = -1;
  for (let i = 0; i < n; i++) {
    const c = lower.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === n - 1 || i === lastSpace + 1) return false;
      lastSpace = i;
    } else if (!isWordCode(c) && c !== 38) return false;
  }
  if (n === 0) return false;
  if (lastSpace < 0) return true;
  const last = lower.slice(lastSpace + 1);
  return !LEGAL_SUFFIXES.has(last) && last !== '&' && !lower.startsWith('the ');
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
