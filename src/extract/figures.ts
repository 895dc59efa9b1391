// Finds every figure in one block of text: money, percentages, basis points,
// index points, multiples. One left-to-right pass finds each number and reads
// its unit with bounded look-around (numbers.ts, money.ts, percent.ts,
// other-figures.ts); each number is then paired with the one before it to join
// ranges ("10-15%", "$2-3bn", "between $2bn and $3bn") so both ends get the
// unit. Numbers without a unit (years, counts, model names) are not figures.
import type { Figure, FigureKind } from './types.ts';
import { isDigit, isLetter, readNumber, readScale, scaleValue, type ParsedNumber } from './numbers.ts';
import { findWordAmounts, readCurrencyAfter, readCurrencyBefore } from './money.ts';
import { findWordPercents, readPercentAfter } from './percent.ts';
import { findWordMultiples, readOtherUnitAfter } from './other-figures.ts';

export interface FigureSpan {
  start: number;
  end: number;
  text: string;
  figure: Figure;
}

/** A number and whatever unit was found around it; kind null until a range partner lends one. */
interface Candidate {
  start: number;
  end: number;
  num: ParsedNumber;
  kind: FigureKind | null;
  currency?: string;
  /** Scale word factor ("bn" = 1e9), 1 when none. */
  scale: number;
  hasScale: boolean;
  /** Unit factor: 0.01 for pence and cents. */
  unitFactor: number;
  cents: boolean;
  negative: boolean;
}

/** Minus signs: hyphen-minus, minus, en dash. */
const isMinus = (code: number) => code === 45 || code === 0x2212 || code === 0x2013;

/** Currencies whose hundredth is called a cent, so "45 cents" can take the currency of the text. */
const CENT_CURRENCIES = new Set(['USD', 'EUR', 'AUD', 'CAD', 'HKD', 'NZD', 'SGD']);

function isYearLike(n: ParsedNumber): boolean {
  return !n.grouped && n.decimals === 0 && n.end - n.start === 4 && n.value >= 1900 && n.value <= 2100;
}

/** Reads the unit around the number `num`; returns a candidate (kind null when it has none). */
function readCandidate(text: string, num: ParsedNumber): Candidate {
  // Plain field writes, no spread or Object.assign: this runs once per number on the page.
  const c: Candidate = {
    start: num.start, end: num.end, num, kind: null, currency: undefined, scale: 1, hasScale: false, unitFactor: 1,
    cents: false, negative: false,
  };
  const prefix = readCurrencyBefore(text, num.start);
  if (prefix) {
    c.start = prefix.start;
    c.kind = 'money';
    c.currency = prefix.currency;
    const scale = readScale(text, num.end);
    if (scale) setScale(c, scale.end, scale.factor);
    return c;
  }
  // A number glued to a word that is not a currency code ("R1", "A320", "H1") is a name.
  if (isLetter(text.charCodeAt(num.start - 1))) return c;
  const pct = readPercentAfter(text, num.end);
  if (pct) {
    c.end = pct.end;
    c.kind = 'percent';
    return c;
  }
  const other = readOtherUnitAfter(text, num.end);
  if (other) {
    c.end = other.end;
    c.kind = other.kind;
    return c;
  }
  const scale = readScale(text, num.end);
  if (scale) setScale(c, scale.end, scale.factor);
  const suffix = readCurrencyAfter(text, c.end, !!scale, num);
  if (suffix) {
    c.end = suffix.end;
    c.kind = 'money';
    c.currency = suffix.currency;
    c.unitFactor = suffix.factor;
    c.cents = !!suffix.cents;
  }
  return c;
}

function setScale(c: Candidate, end: number, factor: number): void {
  c.end = end;
  c.scale = factor;
  c.hasScale = true;
}

const SENTENCE_OPENERS = new Set([
  'Between', 'From', 'About', 'Around', 'Some', 'Roughly', 'Nearly', 'Almost', 'Only', 'Just', 'Up', 'By', 'Of', 'In',
  'At', 'To', 'With', 'And', 'Or', 'Estimated', 'Approximately', 'Perhaps', 'Maybe',
]);

/** What joins two numbers into a range: a dash, "to", or "and" after "between". */
function rangeConnector(text: string, a: Candidate, b: Candidate): 'dash' | 'word' | null {
  if (b.start - a.end > 6) return null;
  const gap = text.slice(a.end, b.start);
  // "10-15%", "10 - 15%", "10- 15%"; but "S&P 500 -0.2%" is a level then a signed change.
  if (/^[-\u2013\u2014][ \u00a0]?$/.test(gap)) return 'dash';
  if (/^[ \u00a0][-\u2013\u2014][ \u00a0]$/.test(gap)) {
    // A spaced dash after a name's number ("FTSE 100 – 0.4%") separates, it does not join;
    // a capital that only opens the sentence ("Between 10 - 15%") does not make a name.
    const word = /\b([A-Z][\w&]*)[ \u00a0]$/.exec(text.slice(Math.max(0, a.start - 12), a.start));
    return word && !SENTENCE_OPENERS.has(word[1]) ? null : 'dash';
  }
  if (/^[ \u00a0]to[ \u00a0]$/i.test(gap)) return 'word';
  if (/^[ \u00a0]and[ \u00a0]$/i.test(gap) && /\bbetween[ \u00a0]$/i.test(text.slice(Math.max(0, a.start - 8), a.start))) return 'word';
  return null;
}

/**
 * May a bare second number take the first one's currency? "$2-3bn", "$60-70 a
 * barrel", "between $60 and 70." yes; "$5bn to 10 companies" no: a noun follows.
 */
function takesCurrency(text: string, b: Candidate): boolean {
  if (isYearLike(b.num)) return false;
  if (b.hasScale) return true;
  let i = b.end;
  if (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0xa0) i++;
  if (!isLetter(text.charCodeAt(i))) return true;
  return /^(?:a|an|per|each|apiece)\b/i.test(text.slice(i, i + 7));
}

/** Lends units across a range so both ends are complete: "10-15%", "$2-3bn", "$2 to $3bn". */
function joinRange(text: string, a: Candidate, b: Candidate): void {
  if (a.kind === null && b.kind !== null && !isYearLike(a.num)) {
    lendUnit(b, a);
  } else if (a.kind === 'money' && b.kind === null && takesCurrency(text, b)) {
    lendUnit(a, b);
  }
  if (a.kind === 'money' && b.kind === 'money' && a.currency === b.currency && !a.hasScale && b.hasScale) {
    a.scale = b.scale;
    a.hasScale = true;
  }
}

/** Gives `to` the unit (and the scale, if it has none) of `from`, its range partner. */
function lendUnit(from: Candidate, to: Candidate): void {
  to.kind = from.kind;
  to.currency = from.currency;
  to.unitFactor = from.unitFactor;
  to.cents = from.cents;
  if (!to.hasScale) {
    to.scale = from.scale;
    to.hasScale = from.hasScale;
  }
}

/** A minus written right before the figure ("-$3bn", "−2.3%"), not a hyphen inside a word or range. */
function minusBefore(text: string, start: number): boolean {
  if (start === 0 || !isMinus(text.charCodeAt(start - 1))) return false;
  const before = text.charCodeAt(start - 2);
  return start === 1 || !(isLetter(before) || isDigit(before) || text[start - 2] === '%' || text[start - 2] === '.');
}

function toFigure(text: string, c: Candidate, kind: FigureKind): FigureSpan {
  let value = scaleValue(c.num.value, c.scale * c.unitFactor);
  if (c.negative) value = -value;
  // The currency is added after the literal, as summary.ts does for its entries: see there.
  const figure: Figure = { kind, text: text.slice(c.start, c.end), value };
  if (kind === 'money') figure.currency = c.currency;
  return { start: c.start, end: c.end, text: figure.text, figure };
}

/** All figures in one block of text, in order, non-overlapping. Linear time. */
/**
 * Emits a finished candidate; cents take the currency of the last amount before them.
 * Returns the currency of the last amount so far. (A plain function, not a closure in
 * findFigures: no function object made per block.)
 */
function emit(text: string, out: FigureSpan[], c: Candidate, lastCurrency: string): string {
  if (c.kind === null || !Number.isFinite(c.num.value)) return lastCurrency;
  if (c.kind === 'money') {
    if (c.cents) c.currency = CENT_CURRENCIES.has(lastCurrency) ? lastCurrency : 'USD';
    else lastCurrency = c.currency ?? lastCurrency;
  }
  if (c.negative) c.start--;
  out.push(toFigure(text, c, c.kind));
  return lastCurrency;
}

const NEXT_DIGIT = /[0-9]/g;

export function findFigures(text: string): FigureSpan[] {
  const out: FigureSpan[] = [];
  let lastCurrency = 'USD';

  // Streams over the numbers holding one back, since a range partner may still lend it a unit.
  let prev: Candidate | null = null;
  let i = 0;
  while (i < text.length) {
    // To the next digit: a regex search, about twice as fast as a loop over the characters on news text.
    NEXT_DIGIT.lastIndex = i;
    if (!NEXT_DIGIT.test(text)) break;
    i = NEXT_DIGIT.lastIndex - 1;
    const num = readNumber(text, i);
    i = num.end;
    if (!num.valid) continue;
    const c = readCandidate(text, num);
    i = Math.max(c.end, num.end);
    let joint: 'dash' | 'word' | null = null;
    if (prev) {
      // Spans must not overlap: a prefix reaching back into the previous figure is dropped.
      if (c.start < prev.end) c.start = num.start;
      joint = rangeConnector(text, prev, c);
      if (joint) joinRange(text, prev, c);
      lastCurrency = emit(text, out, prev, lastCurrency);
    }
    // A dash between two numbers is a range, never the second one's minus sign.
    if (joint !== 'dash' && minusBefore(text, c.start)) c.negative = true;
    prev = c;
  }
  if (prev) emit(text, out, prev, lastCurrency);
  return mergeWordFigures(text, out);
}

/** Figures written in words: "three times earnings", "half a percentage point", "a billion dollars". */
// Each word scan's unit ("times", "per cent", "per-cent", "percent", "percentage", "million"...), found in
// one search for all three; a scan runs only when its unit follows a letter and a space (or a hyphen, for
// percentages), as in every one of its matches: "5 per cent" never runs the number-word regexes.
const UNIT_WORDS = /times|per[ \u00a0-]?cent|thousand|million|billion|trillion/gi;

function wordFigures(text: string): FigureSpan[] {
  let times = false;
  let perCent = false;
  let amount = false;
  UNIT_WORDS.lastIndex = 0;
  for (let m = UNIT_WORDS.exec(text); m; m = UNIT_WORDS.exec(text)) {
    const gap = text.charCodeAt(m.index - 1);
    const letter = text.charCodeAt(m.index - 2) | 32;
    if (letter < 97 || letter > 122 || !(gap === 32 || gap === 0xa0 || gap === 45)) continue;
    const first = m[0].charCodeAt(0) | 32;
    if (first === 112 /* p */) perCent = true;
    else if (gap === 45) continue;
    else if (first === 116 /* t */ && (m[0].charCodeAt(1) | 32) === 105 /* i */) times = true;
    else amount = true;
  }
  const spans: FigureSpan[] = [];
  if (times) for (const w of findWordMultiples(text)) addWordFigure(text, spans, w.start, w.end, 'multiple', w.value);
  if (perCent) for (const w of findWordPercents(text)) addWordFigure(text, spans, w.start, w.end, 'percent', w.value);
  if (amount) for (const w of findWordAmounts(text)) addWordFigure(text, spans, w.start, w.end, 'money', w.value, w.currency);
  return spans.length > 1 ? spans.sort((a, b) => a.start - b.start) : spans;
}

function addWordFigure(text: string, spans: FigureSpan[], start: number, end: number, kind: FigureKind, value: number, currency?: string): void {
  const t = text.slice(start, end);
  const figure: Figure = { kind, text: t, value };
  if (currency) figure.currency = currency;
  spans.push({ start, end, text: t, figure });
}

/** Merges word figures into the digit figures, keeping order and dropping overlaps. */
function mergeWordFigures(text: string, spans: FigureSpan[]): FigureSpan[] {
  const words = wordFigures(text);
  if (words.length === 0) return spans;
  const out: FigureSpan[] = [];
  let k = 0;
  for (const w of words) {
    while (k < spans.length && spans[k].start < w.start) out.push(spans[k++]);
    const last = out[out.length - 1];
    if ((last && last.end > w.start) || (k < spans.length && spans[k].start < w.end)) continue;
    out.push(w);
  }
  while (k < spans.length) out.push(spans[k++]);
  return out;
}
