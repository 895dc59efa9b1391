// Money: which currency a number is in, read from the symbol or code before it
// ("HK$", "€", "USD ", "SFr") or the word after it ("yuan", "Swiss francs",
// "pence"). Only bounded look-around from a number already found, so the cost
// per number is constant whatever the page holds.
import { isDigit, isInlineSpace, isLetter, skipOneSpace, skipUnitGap, startsWithLower, wordAt, type ParsedNumber } from './numbers.ts';

export interface CurrencyPrefix {
  /** Index of the first character of the symbol or code. */
  start: number;
  currency: string;
}

export interface CurrencySuffix {
  /** Index just past the currency word. */
  end: number;
  currency: string;
  /** 0.01 for pence and cents, else 1. */
  factor: number;
  /** "cents": the currency is the surrounding one (USD unless the text says otherwise). */
  cents?: boolean;
}

/** ISO 4217 codes common in business news, written before or after the amount. */
const ISO_CODES = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CNH', 'HKD', 'AUD', 'CAD', 'NZD', 'SGD', 'CHF', 'INR', 'KRW', 'TWD',
  'BRL', 'SEK', 'NOK', 'DKK', 'RUB', 'ZAR', 'MXN', 'SAR', 'AED', 'TRY', 'PLN', 'IDR', 'MYR', 'THB', 'PHP',
  'VND', 'ILS', 'NGN', 'CZK', 'HUF', 'EGP', 'KES', 'ARS', 'CLP', 'COP', 'QAR', 'KWD',
]);

/** Letters written in front of "$". */
const DOLLAR_PREFIXES: Record<string, string> = {
  US: 'USD', HK: 'HKD', A: 'AUD', AU: 'AUD', C: 'CAD', CA: 'CAD', NZ: 'NZD', S: 'SGD', R: 'BRL', NT: 'TWD',
  MX: 'MXN', Mex: 'MXN', USD: 'USD', AUD: 'AUD', CAD: 'CAD', NZD: 'NZD', HKD: 'HKD', SGD: 'SGD', TWD: 'TWD', MXN: 'MXN',
};

/** Letters written after "$" ("$A1.2bn", "$US500m"), as some Australian and NZ papers do. */
const DOLLAR_SUFFIXES: Record<string, string> = { A: 'AUD', US: 'USD', NZ: 'NZD', C: 'CAD', HK: 'HKD', S: 'SGD' };

/** Other letter prefixes that are not ISO codes ("Rs 500", "Rmb3bn", "SFr5.4bn"). */
const LETTER_PREFIXES: Record<string, string> = {
  Rs: 'INR', Rmb: 'CNY', RMB: 'CNY', SFr: 'CHF', Sfr: 'CHF', Fr: 'CHF', Dh: 'AED', Dhs: 'AED', Rp: 'IDR', RM: 'MYR',
  KSh: 'KES', Ksh: 'KES',
  ...Object.fromEntries([...ISO_CODES].map((c) => [c, c])),
};

const SYMBOLS: Record<string, string> = {
  '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY', '₱': 'PHP', '₪': 'ILS',
  '₦': 'NGN', '฿': 'THB',
};

/** Reads back over at most `max` ASCII letters ending just before `end`; null if the run is longer. */
function letterRunBefore(text: string, end: number, max: number): number | null {
  let i = end;
  while (i > 0 && end - i <= max && isLetter(text.charCodeAt(i - 1))) i--;
  if (end - i > max) return null;
  return i;
}

/** Every key of DOLLAR_PREFIXES, DOLLAR_SUFFIXES and LETTER_PREFIXES starts with one. */
const isUpper = (code: number) => code >= 65 && code <= 90;

function boundaryBefore(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  return i === 0 || !(isLetter(c) || isDigit(c));
}

/** The currency written just before the number starting at `numStart`, if any. */
export function readCurrencyBefore(text: string, numStart: number): CurrencyPrefix | null {
  // A symbol may be followed by one space ("€ 5"); a code or "Rs." too ("USD 5", "Rs. 500").
  let j = numStart;
  if (j > 0 && isInlineSpace(text.charCodeAt(j - 1))) j--;
  if (j === 0) return null;
  const ch = text[j - 1];
  if (ch === '$') {
    const from = letterRunBefore(text, j - 1, 3);
    if (from === null) return null;
    if (from === j - 1) return { start: j - 1, currency: 'USD' };
    if (!isUpper(text.charCodeAt(from))) return null;
    const letters = text.slice(from, j - 1);
    const currency = DOLLAR_PREFIXES[letters];
    if (currency && boundaryBefore(text, from)) return { start: from, currency };
    return null;
  }
  // Every symbol is outside ASCII: most numbers need no lookup here.
  if (ch.charCodeAt(0) >= 0xa0 && SYMBOLS[ch]) {
    // "CN¥" is yuan, "JP¥" yen.
    if (ch === '¥' && j >= 3 && text.slice(j - 3, j - 1) === 'CN' && boundaryBefore(text, j - 3)) {
      return { start: j - 3, currency: 'CNY' };
    }
    return { start: j - 1, currency: SYMBOLS[ch] };
  }
  let end = j;
  if (ch === '.' && end >= 3 && text.slice(end - 3, end) === 'Rs.') end--;
  const from = letterRunBefore(text, end, 3);
  // Every letter prefix opens with a capital: "in 2024", "to 5" are looked up no further.
  if (from === null || from === end || !isUpper(text.charCodeAt(from))) return null;
  if (text[from - 1] === '$' && end === j) {
    const currency = DOLLAR_SUFFIXES[text.slice(from, end)];
    return currency && boundaryBefore(text, from - 1) ? { start: from - 1, currency } : null;
  }
  if (!boundaryBefore(text, from)) return null;
  const currency = LETTER_PREFIXES[text.slice(from, end)];
  return currency ? { start: from, currency } : null;
}

/**
 * Currency words after the amount, lower case, most specific first:
 * [stem, currency, takes a plural "s", unit factor]. "Egyptian pounds" must be
 * tried before "pounds", "euro cents" before "euro".
 */
const WORDS: ReadonlyArray<[string, string, boolean, number?]> = [
  ['us cent', 'USD', true, 0.01], ['hong kong dollar', 'HKD', true], ['us dollar', 'USD', true], ['u.s. dollar', 'USD', true],
  ['australian dollar', 'AUD', true], ['canadian dollar', 'CAD', true], ['new zealand dollar', 'NZD', true],
  ['singapore dollar', 'SGD', true], ['new taiwan dollar', 'TWD', true], ['taiwan dollar', 'TWD', true],
  ['nt dollar', 'TWD', true], ['dollar', 'USD', true],
  ['euro cent', 'EUR', true, 0.01], ['euro', 'EUR', true],
  ['egyptian pound', 'EGP', true], ['pounds sterling', 'GBP', false], ['pound', 'GBP', true], ['sterling', 'GBP', false],
  ['swiss franc', 'CHF', true], ['franc', 'CHF', true],
  ['chinese yuan', 'CNY', false], ['yuan', 'CNY', false], ['renminbi', 'CNY', false],
  ['japanese yen', 'JPY', false], ['yen', 'JPY', false],
  ['south korean won', 'KRW', false], ['korean won', 'KRW', false], ['won', 'KRW', false],
  ['indian rupee', 'INR', true], ['rupee', 'INR', true], ['saudi riyal', 'SAR', true], ['riyal', 'SAR', true],
  ['uae dirham', 'AED', true], ['dirham', 'AED', true], ['south african rand', 'ZAR', false], ['rand', 'ZAR', false],
  ['rouble', 'RUB', true], ['ruble', 'RUB', true], ['brazilian real', 'BRL', false], ['reais', 'BRL', false],
  ['turkish lira', 'TRY', false], ['lira', 'TRY', false], ['zloty', 'PLN', true], ['ringgit', 'MYR', false],
  ['baht', 'THB', false], ['rupiah', 'IDR', false], ['naira', 'NGN', false], ['shekel', 'ILS', true],
  ['swedish kronor', 'SEK', false], ['swedish krona', 'SEK', false], ['kronor', 'SEK', false],
  ['norwegian kroner', 'NOK', false], ['danish kroner', 'DKK', false],
  ['mexican peso', 'MXN', true], ['argentine peso', 'ARS', true], ['philippine peso', 'PHP', true],
  ['chilean peso', 'CLP', true], ['colombian peso', 'COP', true],
];

/** WORDS by the stem's first letter, in the same order: a word after a number is tried against its few. */
const WORDS_BY_FIRST = new Map<number, (typeof WORDS)[number][]>();
for (const w of WORDS) {
  const list = WORDS_BY_FIRST.get(w[0].charCodeAt(0));
  if (list) list.push(w); else WORDS_BY_FIRST.set(w[0].charCodeAt(0), [w]);
}
const NONE: typeof WORDS = [];

/** After a small bare "N won": words showing "won" is the verb ("8 won the vote"). */
const WON_AS_VERB = /^[\s\u00a0]*(?:the|a|an|his|her|its|their|our|by|over|seats?|votes?|races?|matches|games|titles?|awards?|of)\b/i;

/** "1080p video": a resolution, not pence. */
const VIDEO_AFTER = /^[\s\u00a0]*(?:video|resolution|displays?|screens?|hd|cameras?|footage|streaming)\b/i;

function startsWithCi(text: string, i: number, word: string): boolean {
  if ((text.charCodeAt(i) | 32) !== word.charCodeAt(0)) return false;
  return startsWithLower(text, i, word);
}

/**
 * "5 million pounds" and "4.50 pounds" are money; "lost 20 pounds", "a 5-pound
 * bag" and "300 pounds of beef" are weights, the more common sense after a
 * plain number in American English.
 */
function poundsAreMoney(text: string, start: number, end: number, hasScale: boolean, num: ParsedNumber | null): boolean {
  const plural = text[end - 1] === 's' || text[end - 1] === 'S';
  // Singular or hyphenated: "a 2-billion-pound fund" is money, "a 5-pound bag" is not.
  if (!plural || text[start - 1] === '-') return hasScale;
  if (/^\s+of\b/.test(text.slice(end, end + 5))) return false;
  return hasScale || (num !== null && num.decimals === 2); // "pounds sterling" is its own entry in WORDS
}

/** Symbols some pages write after the amount ("5 €", "45¢"). */
const SYMBOLS_AFTER: Record<string, [string, number]> = { '€': ['EUR', 1], '¢': ['USD', 0.01], '₫': ['VND', 1] };

/** Words before "45c" that show it is a price or a price move, not a clause ("section 5c"). */
const CENTS_BEFORE = /(?:^|[^a-z])(?:up|down|rose|fell|gained|lost|added|shed|climbed|dropped|slipped|jumped|to|at|from|of|by|was|were|is|paid|pay|cost|costs|just|about|only)[ \u00a0]$/i;
const CENTS_AFTER = /^[ \u00a0](?:(?:a|per)[ \u00a0](?:share|litre|liter|gallon|kilo|kg|unit)|each|apiece)\b/i;

/**
 * The currency word after a number (and its scale) ending at `i`. `num` is the
 * number itself (null for a number in words): its shape tells "8 won the vote"
 * and "lost 20 pounds" from money.
 */
export function readCurrencyAfter(text: string, i: number, hasScale: boolean, num: ParsedNumber | null): CurrencySuffix | null {
  if (!hasScale) {
    // Pence are written attached ("41p", "1,234.5p"), and so are Australian-style cents ("45c").
    if (text[i] === 'p' && wordAt(text, i, 'p', false)) {
      // "3p.m." is a time, "1080p video" a resolution.
      if (text.slice(i + 1, i + 3) === '.m' || VIDEO_AFTER.test(text.slice(i + 1, i + 14))) return null;
      return { end: i + 1, currency: 'GBP', factor: 0.01 };
    }
    if (text[i] === 'c' && wordAt(text, i, 'c', false) && num) {
      const before = text.slice(Math.max(0, num.start - 9), num.start);
      if (CENTS_BEFORE.test(before) || CENTS_AFTER.test(text.slice(i + 1, i + 14))) {
        return { end: i + 1, currency: 'USD', factor: 0.01, cents: true };
      }
      return null;
    }
  }
  const at = skipOneSpace(text, i);
  // Every such symbol is outside ASCII: most numbers need no lookup here.
  const sym = text.charCodeAt(at) >= 0xa0 ? SYMBOLS_AFTER[text[at]] : undefined;
  if (sym) {
    // "5 €6" is two amounts: the symbol belongs to the next number.
    if (!isDigit(text.charCodeAt(skipOneSpace(text, at + 1)))) {
      return { end: at + 1, currency: sym[0], factor: sym[1], cents: sym[1] === 0.01 ? true : undefined };
    }
  }
  const j = skipUnitGap(text, i);
  if (!isLetter(text.charCodeAt(j))) return null;
  if (!hasScale && (wordAt(text, j, 'pence') || wordAt(text, j, 'penny'))) {
    return { end: j + 5, currency: 'GBP', factor: 0.01 };
  }
  if (!hasScale && (wordAt(text, j, 'cents') || wordAt(text, j, 'cent'))) {
    return { end: j + (text[j + 4] === 's' ? 5 : 4), currency: 'USD', factor: 0.01, cents: true };
  }
  const code = text.slice(j, j + 3);
  if (ISO_CODES.has(code) && wordAt(text, j, code, false)) return { end: j + 3, currency: code, factor: 1 };
  if (code === 'RMB' && wordAt(text, j, code, false)) return { end: j + 3, currency: 'CNY', factor: 1 };
  for (const w of WORDS_BY_FIRST.get(text.charCodeAt(j) | 32) ?? NONE) {
    // Read by index: destructuring each entry went through the array iterator.
    const stem = w[0];
    const currency = w[1];
    const plural = w[2];
    const factor = w[3] ?? 1;
    if (!startsWithCi(text, j, stem)) continue;
    let end = j + stem.length;
    if (plural && (text[end] === 's' || text[end] === 'S')) end++;
    if (isLetter(text.charCodeAt(end)) || isDigit(text.charCodeAt(end))) continue;
    const bareSmallInt = !hasScale && num !== null && !num.grouped && num.decimals === 0 && num.value < 1000;
    if (stem === 'won' && bareSmallInt && WON_AS_VERB.test(text.slice(end, end + 12))) return null;
    if (stem === 'pound' && !poundsAreMoney(text, j, end, hasScale, num)) return null;
    return { end, currency, factor };
  }
  return null;
}

const SCALE_WORDS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const COUNT_WORDS: Record<string, number> = {
  'half a': 0.5, a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

/**
 * Amounts in words: "a billion dollars", "half a trillion yen", "two million
 * euros". The currency word must follow after a space ("a billion-dollar
 * company" is an adjective, not an amount). Fixed alternatives only, one pass.
 */
const WORD_AMOUNT = /\b(half a|a|one|two|three|four|five|six|seven|eight|nine|ten)[ \u00a0](thousand|million|billion|trillion)(?= )/gi;

export interface WordAmount {
  start: number;
  end: number;
  value: number;
  currency: string;
}

export function findWordAmounts(text: string): WordAmount[] {
  const out: WordAmount[] = [];
  for (const m of text.matchAll(WORD_AMOUNT)) {
    const end = m.index + m[0].length;
    const unit = readCurrencyAfter(text, end, true, null);
    if (!unit || unit.factor !== 1) continue;
    const value = COUNT_WORDS[m[1].toLowerCase()] * SCALE_WORDS[m[2].toLowerCase()];
    out.push({ start: m.index, end: unit.end, value, currency: unit.currency });
  }
  return out;
}
