// Sentence splitting for one block, in one linear pass. A sentence ends at
// . ! or ? (after any closing quotes or brackets) when whitespace and a
// capital, digit or opening quote follow, except after abbreviations and
// initials ("Mr.", "Co.", "U.S.", "D.R. Horton", "Jan. 5").

export interface SentenceSpan {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'co', 'inc', 'corp', 'ltd', 'no', 'vs', 'etc', 'sen', 'rep', 'gen',
  'gov', 'lt', 'col', 'capt', 'sgt', 'rev', 'hon', 'bros', 'cos', 'fig', 'approx', 'est', 'dept', 'univ', 'mt', 'ft',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'a.m', 'p.m',
]);

const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '\u00bb']);
const OPENERS = new Set(['"', "'", '\u201c', '\u2018', '(', '[', '\u00ab']);
const isSpace = (ch: string) => ch === ' ' || ch === '\n' || ch === '\t' || ch === '\u00a0' || ch === '\r';

function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && !isSpace(text[i - 1]) && !OPENERS.has(text[i - 1])) i--;
  return text.slice(i, dot);
}

function isAbbreviation(word: string): boolean {
  const w = word.toLowerCase();
  if (ABBREVIATIONS.has(w)) return true;
  // Single letters and initials: "H.", "U.S.", "D.R."
  if (w.length === 1 && w >= 'a' && w <= 'z') return true; // "Jerome H. Powell"
  if (w.length >= 3 && w.length <= 7 && /^(?:[a-z]\.)+[a-z]$/.test(w)) return true;
  return false;
}

export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const n = text.length;
  let start = 0;
  while (start < n && isSpace(text[start])) start++;
  for (let i = start; i < n; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < n && (CLOSERS.has(text[j]) || text[j] === '.')) j++;
    if (j < n && !isSpace(text[j])) continue;
    let k = j;
    while (k < n && isSpace(text[k])) k++;
    if (k < n) {
      const next = text[k];
      const startsSentence = next !== next.toLowerCase() || (next >= '0' && next <= '9') || OPENERS.has(next) || next === '\u2014';
      if (!startsSentence) continue;
      if (ch === '.' && isAbbreviation(wordBefore(text, i))) {
        // "Jan. 5", "Co. said" never end a sentence; initials before a capital usually do not either.
        continue;
      }
    }
    out.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  if (start < n) {
    let end = n;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}
