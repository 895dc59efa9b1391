// Splits a block into word and punctuation tokens with offsets, in one
// linear pass (no regexes). Every recogniser works on these tokens, so the
// rules are written in words ("shares of X rose 3%") instead of characters.

export class Token {
  declare readonly start: number;
  /** End of the word, without a possessive "'s". */
  declare readonly end: number;
  /** The word as written, without a possessive "'s" (punctuation tokens: the character). */
  declare readonly text: string;
  declare readonly lower: string;
  /** WORD | CAP | NUM | POSS bits, read through the getters below. */
  private declare readonly flags: number;
  // Fields assigned in the constructor, not declared as class fields: declared ones are defined (as undefined)
  // before the constructor runs, a second store per field for every token of a page.
  constructor(start: number, end: number, text: string, lower: string, flags: number) {
    this.start = start;
    this.end = end;
    this.text = text;
    this.lower = lower;
    this.flags = flags;
  }
  get word(): boolean { return (this.flags & WORD) !== 0; }
  /** Starts with an upper-case letter. */
  get cap(): boolean { return (this.flags & CAP) !== 0; }
  /** Starts with a digit. */
  get num(): boolean { return (this.flags & NUM) !== 0; }
  /** Followed by a possessive "'s" / "s'" (the apostrophe is not in `text`; its end: outerEnd()). */
  get poss(): boolean { return (this.flags & POSS) !== 0; }
}
// A token is made for every word and punctuation mark of every block, ~1.2 per word, and each field costs
// every token 4 bytes in the browser (8 in node), all of it work for the garbage collector. So the four yes/no
// facts share one number (5 fields, not 8; a class only so that readers still write t.cap, t.poss), and a value
// the few readers can derive from the text, such as outerEnd, is not stored.
const WORD = 1;
const CAP = 2;
const NUM = 4;
const POSS = 8;

/**
 * tokens[i], or undefined before the first: a negative index on an array is a named-property lookup in V8
 * ("-1"), which takes its slow path (V8's --log-ic showed them in the cue and move rules, for names that open
 * a block).
 */
export const tokenAt = (tokens: Token[], i: number): Token | undefined => (i >= 0 ? tokens[i] : undefined);

/** End of a token including its possessive, if any: "Alibaba's" (two characters more) or "Investors'" (one). */
export function outerEnd(text: string, t: Token): number {
  if (!t.poss) return t.end;
  const c = text.charCodeAt(t.end + 1);
  return c === 115 || c === 83 ? t.end + 2 : t.end + 1;
}

const APOS = (c: number) => c === 39 || c === 0x2019;

export function isLetterCode(c: number): boolean {
  if (c < 128) return ASCII_KIND[c] === LETTER;
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000;
}
const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => (c < 128 ? ASCII_KIND[c] !== 0 : isLetterCode(c));
// The tokenizer asks of every character whether it is a letter or digit: for ASCII a table answers in one load.
const LETTER = 1;
const DIGIT = 2;
const ASCII_KIND = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_KIND[c] = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? LETTER : c >= 48 && c <= 57 ? DIGIT : 0;
const isUpper = (ch: string) => {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
};

/** Short words whose trailing dot belongs to them ("Co.", "Inc.", "Mr."). */
const DOTTED = new Set(['co', 'inc', 'corp', 'ltd', 'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'prof', 'no', 'vs', 'sen', 'rep', 'gen', 'gov', 'bros', 'cos', 'lt', 'col', 'sgt', 'capt']);
const DOTTED_MAX = Math.max(...[...DOTTED].map((w) => w.length));

/** "U.S", "D.R", "U.K": single letters joined by dots. */
function isInitials(w: string): boolean {
  if (w.length < 3) return false;
  for (let i = 0; i < w.length; i++) {
    const even = i % 2 === 0;
    if (even ? !isLetterCode(w.charCodeAt(i)) : w[i] !== '.') return false;
  }
  return true;
}

export function tokenize(text: string): Token[] {
  // Allocated for about as many tokens as the text will have (one per 5.2 characters on the bench's news
  // text, a few more for punctuation-heavy text), then cut to length: grown by push from empty, the array
  // was copied over and over, 20 bytes a word. (A longer text grows it past this; not beyond 10,000 up
  // front, as V8 makes an array preallocated that long a slow dictionary.)
  const out: Token[] = new Array<Token>(Math.min(Math.ceil(text.length / 4), 10000));
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f) {
      i++;
      continue;
    }
    if (!isAlnum(c)) {
      const ch = text[i];
      out[count++] = new Token(i, i + 1, ch, ch, 0);
      i++;
      continue;
    }
    // A word: letters and digits, with . ' ’ & - / + inside when another letter or digit follows.
    const start = i;
    // No capital and nothing beyond ASCII: the word is its own lower case (most words; saves a string each).
    let plain = !(c >= 65 && c <= 90) && c < 128;
    // A curly apostrophe inside the word ("O’Brien"): its lower case has a straight one.
    let curly = false;
    i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isAlnum(d)) {
        if ((d >= 65 && d <= 90) || d >= 128) plain = false;
        i++;
        continue;
      }
      if ((d === 46 || d === 38 || d === 45 || d === 47 || d === 0x2011) && i + 1 < n && isAlnum(text.charCodeAt(i + 1))) {
        // The joiner and the character after it are taken together: both count for `plain`.
        const e = text.charCodeAt(i + 1);
        if (d === 0x2011 || (e >= 65 && e <= 90) || e >= 128) plain = false;
        i += 2;
        continue;
      }
      // Apostrophe inside a name ("O'Brien"), not a possessive "'s" at the end.
      if (APOS(d) && i + 1 < n && isLetterCode(text.charCodeAt(i + 1)) &&
        !((text[i + 1] === 's' || text[i + 1] === 'S') && !(i + 2 < n && isAlnum(text.charCodeAt(i + 2))))) {
        const e = text.charCodeAt(i + 1);
        if (d !== 39) curly = true;
        if (d !== 39 || (e >= 65 && e <= 90) || e >= 128) plain = false;
        i += 2;
        continue;
      }
      break;
    }
    let end = i;
    // Trailing dot of initials and short abbreviations; "+" of "OPEC+".
    // "Jerome H. Powell": a middle initial keeps its dot.
    // (Initials have a dot second; dotted words and a middle initial are short: a longer word just ends a sentence.)
    if (i < n && text.charCodeAt(i) === 46 && (end - start <= DOTTED_MAX || text.charCodeAt(start + 1) === 46)) {
      const w = text.slice(start, end);
      const initial = w.length === 1 && isUpper(w) && text[i + 1] === ' ' && isUpper(text[i + 2] ?? '');
      if (isInitials(w) || initial || DOTTED.has(w.toLowerCase())) { i++; end = i; }
    } else if (i < n && text.charCodeAt(i) === 43 && end - start > 1) {
      const w = text.slice(start, end);
      if (w === w.toUpperCase() && !(i + 1 < n && isDigitCode(text.charCodeAt(i + 1)))) { i++; end = i; }
    }
    const w = text.slice(start, end);
    let poss = false;
    if (i < n && APOS(text.charCodeAt(i))) {
      if (i + 1 < n && (text[i + 1] === 's' || text[i + 1] === 'S') && !(i + 2 < n && isAlnum(text.charCodeAt(i + 2)))) {
        poss = true;
        i += 2;
      } else if (text.charCodeAt(end - 1) === 115 && !(i + 1 < n && isAlnum(text.charCodeAt(i + 1)))) {
        poss = true;
        i += 1;
      }
    }
    const lower = plain ? w : curly ? w.toLowerCase().replace(/\u2019/g, "'") : w.toLowerCase();
    const cap = c < 128 ? c >= 65 && c <= 90 : isUpper(text[start]);
    out[count++] = new Token(start, end, w, lower, WORD | (cap ? CAP : 0) | (isDigitCode(c) ? NUM : 0) | (poss ? POSS : 0));
  }
  out.length = count;
  return out;
}
