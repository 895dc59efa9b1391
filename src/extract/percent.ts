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

/** Percent abbreviations written right after the digits ("5pct", "2ppts"), longest first. */
const GLUED_PERCENT_WORDS = ['pct', 'ppts', 'ppt', 'pp', 'pc'];

/** The percent unit right after a number ending at `i`, if any. */
export function readPercentAfter(text: string, i: number): PercentUnit | null {
  const j = skipOneSpace(text, i);
  if (text[j] === '%' || text[j] === '\uff05') {
    const p = pointsAfter(text, j + 1);
    return p < 0 ? { end: j + 1, points: false } : { end: p, points: true };
  }
  // Written attached only: "3.5pc", "2pp", "0.5ppt"; with a space these letters mean other things.
  if (j === i) {
    for (const w of GLUED_PERCENT_WORDS) {
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

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const FRACTIONS: Record<string, number> = { 'half a': 0.5, 'a half': 0.5, 'a quarter of a': 0.25, 'three quarters of a': 0.75 };

/**
 * Percentages in words ("half a percentage point", "five per cent", and
 * "Fifty-one percent" where house style spells out a number that opens a
 * sentence). One pass of a regex made of fixed alternatives, no nesting.
 */
const WORD_PERCENT = new RegExp(
  '\\b(?:(half a|a half|a quarter of a|three[ -]quarters of a)|(' + TENS.slice(2).join('|') + ')(?:[ -](' +
    UNITS.slice(1, 10).join('|') + '))?|(' + UNITS.slice(1).join('|') + '))' +
    '[ \\u00a0-](?:percentage[ \\u00a0-]points?|percent|per[ \\u00a0-]cent)\\b',
  'gi',
);

export interface WordPercent {
  start: number;
  end: number;
  value: number;
}

export function findWordPercents(text: string): WordPercent[] {
  const out: WordPercent[] = [];
  for (const m of text.matchAll(WORD_PERCENT)) {
    const [, fraction, tens, unitAfterTens, unit] = m.map((g) => g?.toLowerCase());
    // "-one percent" would be the tail of a number we do not read ("a hundred-and-one"): skip it.
    if (m.index > 0 && text[m.index - 1] === '-') continue;
    const value = fraction
      ? FRACTIONS[fraction.replace('three-quarters', 'three quarters')]
      : tens
        ? TENS.indexOf(tens) * 10 + (unitAfterTens ? UNITS.indexOf(unitAfterTens) : 0)
        : UNITS.indexOf(unit!);
    out.push({ start: m.index, end: m.index + m[0].length, value });
  }
  return out;
}
