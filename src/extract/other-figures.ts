// Figures that are neither money nor percent but worth highlighting: basis
// points ("25bp", "25 basis points"), index points ("up 120 points") and
// multiples ("3x", "10 times earnings", "three times"). The scorer does not
// read them; they keep "points" and "bp" from being mistaken for anything else.
import type { FigureKind } from './types.ts';
import { isLetter, skipUnitGap, wordAt } from './numbers.ts';

export interface OtherUnit {
  end: number;
  kind: Extract<FigureKind, 'bp' | 'points' | 'multiple'>;
}

// Longest first, so "bps" wins over "bp" (module constants: these are read for every number).
const BP_WORDS = ['bps', 'bp'];
const POINT_WORDS = ['points', 'point', 'pts'];

/** The bp / points / multiple unit right after a number ending at `i`, if any. */
export function readOtherUnitAfter(text: string, i: number): OtherUnit | null {
  // "3x" and "3×" only attached: "3 x 4" is arithmetic or dimensions.
  if (wordAt(text, i, 'x') || text[i] === '\u00d7') return { end: i + 1, kind: 'multiple' };
  const j = skipUnitGap(text, i);
  if (!isLetter(text.charCodeAt(j))) return null;
  for (const w of BP_WORDS) if (wordAt(text, j, w)) return { end: j + w.length, kind: 'bp' };
  if (j === i) return null;
  if (wordAt(text, j, 'basis')) {
    const k = skipUnitGap(text, j + 5);
    if (k === j + 6 && wordAt(text, k, 'points')) return { end: k + 6, kind: 'bp' };
    if (k === j + 6 && wordAt(text, k, 'point')) return { end: k + 5, kind: 'bp' };
    return null;
  }
  for (const w of POINT_WORDS) if (wordAt(text, j, w)) return { end: j + w.length, kind: 'points' };
  if (wordAt(text, j, 'times')) return { end: j + 5, kind: 'multiple' };
  return null;
}

const SMALL_NUMBERS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20,
};

/**
 * "three times earnings", "five times as much": a number word + "times" is a
 * multiple only when a valuation or comparison follows; "met three times" is not.
 * One pass of a regex with no nested quantifiers, then a bounded look-ahead.
 */
const WORD_TIMES = /\b(two|three|four|five|six|seven|eight|nine|ten|twenty)[ \u00a0]times\b/gi;
const COMPARISON_AFTER = /^[ \u00a0](?:earnings|sales|revenue|revenues|book|ebitda|profits?|cash|as|more|less|higher|larger|bigger|greater|that|the|its|their|what)\b/i;

export interface WordMultiple {
  start: number;
  end: number;
  value: number;
}

export function findWordMultiples(text: string): WordMultiple[] {
  const out: WordMultiple[] = [];
  for (const m of text.matchAll(WORD_TIMES)) {
    const end = m.index + m[0].length;
    if (!COMPARISON_AFTER.test(text.slice(end, end + 12))) continue;
    out.push({ start: m.index, end, value: SMALL_NUMBERS[m[1].toLowerCase()] });
  }
  return out;
}
