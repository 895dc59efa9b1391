// Number parsing for the figure recognisers: reads one number as news pages
// write it ("1,234.5", "4.4", "13 990" with a thin space) and the scale word
// after it ("bn", "million", "tn"...). Hand-written scanners instead of regexes
// so every call is linear in what it consumes and page text can never make it
// backtrack.

export interface ParsedNumber {
  /** Index of the first digit. */
  start: number;
  /** Index just past the last character of the number. */
  end: number;
  /** The number as written, separators removed. */
  value: number;
  /** Digits after the decimal point (0 when there are none). */
  decimals: number;
  /** True when thousands separators were used ("1,234"). */
  grouped: boolean;
  /**
   * False for things that are digits but not a quantity: version-like runs
   * ("2.5.1", "1,1,1"), absurdly long digit strings.
   */
  valid: boolean;
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f);
}

/** Separators allowed between thousands groups: comma, thin space, no-break and narrow no-break space. */
function isGroupSeparator(code: number): boolean {
  return code === 44 /* , */ || code === 0x2009 || code === 0x202f || code === 0xa0;
}

/** Spaces allowed between a number and its unit ("5 bn", "5\u00a0per cent"). */
export function isInlineSpace(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 0x202f || code === 0x2009 || code === 0x2007;
}

function digitRunEnd(text: string, i: number): number {
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** True when text[i..] is exactly three digits not followed by another digit. */
function isThreeDigitGroup(text: string, i: number): boolean {
  return (
    i + 3 <= text.length &&
    isDigit(text.charCodeAt(i)) &&
    isDigit(text.charCodeAt(i + 1)) &&
    isDigit(text.charCodeAt(i + 2)) &&
    !isDigit(text.charCodeAt(i + 3))
  );
}

/** More digits than this cannot be an amount anyone writes; it is an id or noise. */
const MAX_DIGITS = 16;

/**
 * Reads the number whose first digit is at `start`. Always consumes at least
 * the digit run, so a caller that continues from `end` makes progress.
 */
export function readNumber(text: string, start: number): ParsedNumber {
  let i = digitRunEnd(text, start);
  let intDigits = i - start;
  let grouped = false;
  let valid = true;
  // Thousands groups only after a 1-3 digit lead ("1,234", not "12345,678").
  if (intDigits <= 3) {
    while (i < text.length && isGroupSeparator(text.charCodeAt(i)) && isThreeDigitGroup(text, i + 1)) {
      grouped = true;
      i += 4;
      intDigits += 3;
    }
  }
  let decimals = 0;
  if (text.charCodeAt(i) === 46 /* . */ && isDigit(text.charCodeAt(i + 1))) {
    const fracEnd = digitRunEnd(text, i + 1);
    decimals = fracEnd - i - 1;
    i = fracEnd;
    // "2.5.1", "1.1.1.1": a dotted run is a version or a date, never a figure.
    if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
      valid = false;
      while (i < text.length && (isDigit(text.charCodeAt(i)) || (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))))) i++;
    }
  }
  // "1,1,1" or "12,34": a comma list of digits is not one number we understand.
  if (text.charCodeAt(i) === 44 && isDigit(text.charCodeAt(i + 1))) {
    valid = false;
    while (i < text.length && (isDigit(text.charCodeAt(i)) || (text.charCodeAt(i) === 44 && isDigit(text.charCodeAt(i + 1))))) i++;
  }
  if (intDigits + decimals > MAX_DIGITS) valid = false;
  // "000" or "05" without a decimal point is a code or the tail of a space-grouped number ("1 000 000").
  if (intDigits > 1 && decimals === 0 && text.charCodeAt(start) === 48) valid = false;
  return { start, end: i, value: valid ? valueOf(text, start, i, decimals, grouped) : NaN, decimals, grouped, valid };
}

/**
 * The value of a valid number text[start..end): its digits read as one integer, divided by the power of ten
 * its decimals make. Both are exact below 2^53, and one division rounds correctly, so this is the double
 * Number() gives for the text, without a slice and a parse per number. Longer digit strings go to Number().
 */
function valueOf(text: string, start: number, end: number, decimals: number, grouped: boolean): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) n = n * 10 + (c - 48);
  }
  if (n <= Number.MAX_SAFE_INTEGER) return decimals === 0 ? n : n / POWERS_OF_TEN[decimals];
  const raw = grouped ? text.slice(start, end).replace(/[,\u2009\u202f\u00a0]/g, '') : text.slice(start, end);
  return Number(raw);
}
/** Exact powers of ten up to the most decimals a valid number has (MAX_DIGITS). */
const POWERS_OF_TEN = Array.from({ length: 17 }, (_, k) => 10 ** k);

export interface Scale {
  /** Index just past the scale word. */
  end: number;
  factor: number;
}

/**
 * Scale words, longest first so "bn" wins over "b". `spaced` says whether the
 * word may follow the number after a space: "5 m" is too often something else.
 */
const SCALES: ReadonlyArray<{ word: string; factor: number; spaced: boolean; caseless: boolean }> = [
  { word: 'trillion', factor: 1e12, spaced: true, caseless: true },
  { word: 'billion', factor: 1e9, spaced: true, caseless: true },
  { word: 'million', factor: 1e6, spaced: true, caseless: true },
  { word: 'thousand', factor: 1e3, spaced: true, caseless: true },
  { word: 'crore', factor: 1e7, spaced: true, caseless: true },
  { word: 'lakh crore', factor: 1e12, spaced: true, caseless: true },
  { word: 'lakh', factor: 1e5, spaced: true, caseless: true },
  { word: 'trn', factor: 1e12, spaced: true, caseless: true },
  { word: 'bil', factor: 1e9, spaced: true, caseless: true },
  { word: 'mil', factor: 1e6, spaced: true, caseless: true },
  { word: 'bln', factor: 1e9, spaced: true, caseless: true },
  { word: 'mln', factor: 1e6, spaced: true, caseless: true },
  { word: 'tn', factor: 1e12, spaced: true, caseless: true },
  { word: 'bn', factor: 1e9, spaced: true, caseless: true },
  { word: 'mn', factor: 1e6, spaced: true, caseless: true },
  { word: 'mm', factor: 1e6, spaced: false, caseless: true },
  { word: 'b', factor: 1e9, spaced: false, caseless: true },
  { word: 'm', factor: 1e6, spaced: false, caseless: true },
  { word: 'k', factor: 1e3, spaced: false, caseless: true },
  { word: 'T', factor: 1e12, spaced: false, caseless: false },
];

/**
 * True when text[i..] lower-cased starts with `word` (which is lower case). Compared in place, without
 * a slice per try; a non-ASCII character takes the slow path, as its lower case may be an ASCII letter.
 */
export function startsWithLower(text: string, i: number, word: string): boolean {
  if (i + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(i + k);
    if (c >= 128) return text.slice(i, i + word.length).toLowerCase() === word;
    const w = word.charCodeAt(k);
    if (c !== w && !(c >= 65 && c <= 90 && c + 32 === w)) return false;
  }
  return true;
}

/** True when `word` occurs at text[i..] and is not followed by a letter or digit. */
export function wordAt(text: string, i: number, word: string, caseless = true): boolean {
  if (i + word.length > text.length) return false;
  // Cheap first-letter test: most positions fail here without allocating a slice.
  const first = text.charCodeAt(i);
  if (first !== word.charCodeAt(0) && !(caseless && (first | 32) === word.charCodeAt(0))) return false;
  if (caseless ? !startsWithLower(text, i, word) : !text.startsWith(word, i)) return false;
  const next = text.charCodeAt(i + word.length);
  return !(isLetter(next) || isDigit(next));
}

/** Skips at most one inline space (also a no-break or thin space); returns the new index. */
export function skipOneSpace(text: string, i: number): number {
  return isInlineSpace(text.charCodeAt(i)) ? i + 1 : i;
}

/**
 * Skips what may stand between a number and a word unit: one space, or a
 * hyphen before a letter ("a 25-basis-point cut", "a $1.2-billion deal").
 */
export function skipUnitGap(text: string, i: number): number {
  if (text[i] === '-' && isLetter(text.charCodeAt(i + 1))) return i + 1;
  return skipOneSpace(text, i);
}

/** SCALES by the word's first letter in lower case, in the same order. */
const SCALES_BY_FIRST = new Map<number, (typeof SCALES)[number][]>();
for (const s of SCALES) {
  const k = s.word.charCodeAt(0) | 32;
  const list = SCALES_BY_FIRST.get(k);
  if (list) list.push(s); else SCALES_BY_FIRST.set(k, [s]);
}

/** Reads a scale word right after a number ending at `i` ("bn", " billion", "-billion"). */
export function readScale(text: string, i: number): Scale | null {
  // The word starts at i, or after a space or hyphen (skipUnitGap moves only over those): one place to try,
  // and only the scale words with its first letter.
  const at = skipUnitGap(text, i);
  if (!isLetter(text.charCodeAt(at))) return null;
  const candidates = SCALES_BY_FIRST.get(text.charCodeAt(at) | 32);
  if (candidates === undefined) return null;
  for (const s of candidates) {
    if ((at === i || s.spaced) && wordAt(text, at, s.word, s.caseless)) return { end: at + s.word.length, factor: s.factor };
  }
  return null;
}

/** Multiplies without the float noise that makes 4.4 * 1e9 print as 4400000000.000001. */
export function scaleValue(value: number, factor: number): number {
  if (factor === 1) return value;
  const x = value * factor;
  // A positive integer below 1e15 has at most 15 digits: rounding to 15 would give it back (skips a number-to-string round trip).
  if (Number.isInteger(x) && x > 0 && x < 1e15) return x;
  return Number(x.toPrecision(15));
}
