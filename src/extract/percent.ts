// Percentages: the unit after a number ("%", "per cent", "percent", "pct",
// "pc", "percentage points", "pp"). Percentage points are kind percent too:
// the summary format lists them as optional percentages. Bounded look-ahead
// from a number already found.
import { isInlineSpace, skipOneSpace, skipUnitGap, wordAt } from './numbers.ts';

export interface PercentUnit {
  /** Index just past the unit. */
  end: number;
  /** True for "percentage points" / "pp": a difference of two percentages. */
  points: boolean;
}

/** Reads "point(s)" after a percentage ("2% points", "2 percentage-point"); returns its end or -1. */
function pointsAfter(text: string, i: number): number {
  const sep = text[i] === '-' ? i + 1 : skipOneSpace(text, i);
  if (sep === i) return -1;
  if (wordAt(text, sep, 'points')) return sep + 6;
  if (wordAt(text, sep, 'point')) return sep + 5;
  return -1;
}

/** The percent unit right after a number ending at `i`, if any. */
export function readPercentAfter(text: string, i: number): PercentUnit | null {
  const j = skipOneSpace(text, i);
  if (text[j] === '%' || text[j] === '\uff05') {
    const p = pointsAfter(text, j + 1);
    return p < 0 ? { end: j + 1, points: false } : { end: p, points: true };
  }
  // Written attached only: "3.5pc", "2pp", "0.5ppt"; with a space these letters mean other things.
  if (j === i) {
    for (const w of ['pct', 'ppts', 'ppt', 'pp', 'pc']) {
      if (wordAt(text, i, w)) return { end: i + w.length, points: w.startsWith('pp') };
    }
  }
  // Word units may also be hyphenated onto the number: "a 0.25-percentage-point cut".
  const w = skipUnitGap(text, i);
  if (w === i) return null;
  return readPercentWord(text, w);
}

function readPercentWord(text: string, j: number): PercentUnit | null {
  if ((text.charCodeAt(j) | 32) !== 112 /* p */) return null;
  if (wordAt(text, j, 'pct')) return { end: j + 3, points: false };
  if (wordAt(text, j, 'percentage')) {
    const p = pointsAfter(text, j + 10);
    return p < 0 ? null : { end: p, points: true };
  }
  if (wordAt(text, j, 'percent')) {
    const p = pointsAfter(text, j + 7);
    return p < 0 ? { end: j + 7, points: false } : { end: p, points: true };
  }
  if (wordAt(text, j, 'per') && (isInlineSpace(text.charCodeAt(j + 3)) || text[j + 3] === '-') && wordAt(text, j + 4, 'cent')) {
    const p = pointsAfter(text, j + 8);
    return p < 0 ? { end: j + 8, points: false } : { end: p, points: true };
  }
  return null;
}

const WORD_VALUES: Record<string, number> = {
  'half a': 0.5, 'a half': 0.5, 'a quarter of a': 0.25, 'three quarters of a': 0.75, 'three-quarters of a': 0.75,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

/**
 * Percentages in words ("half a percentage point", "five per cent"): rare, but
 * a reader counts them. One pass of a regex made of fixed alternatives only.
 */
const WORD_PERCENT =
  /\b(half a|a half|a quarter of a|three[ -]quarters of a|one|two|three|four|five|six|seven|eight|nine|ten)[ \u00a0-](percentage[ \u00a0-]points?|percent|per[ \u00a0-]cent)\b/gi;

export interface WordPercent {
  start: number;
  end: number;
  value: number;
}

export function findWordPercents(text: string): WordPercent[] {
  const out: WordPercent[] = [];
  for (const m of text.matchAll(WORD_PERCENT)) {
    const key = m[1].toLowerCase().replace('three quarters', 'three-quarters');
    out.push({ start: m.index, end: m.index + m[0].length, value: WORD_VALUES[key] });
  }
  return out;
}
