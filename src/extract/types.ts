// The data the extraction engine produces: mentions (what to highlight, with
// character offsets) and the page summary (what the popup, side panel, store,
// exports and the CLI show). The summary's scored fields follow
// ../shared/summary-format.md exactly; everything else is an extra.

/** The four things a reader sees highlighted, one colour each. */
export type Category = 'company' | 'person' | 'figure' | 'move';

/** Figure kinds. The scorer reads only money and percent; the rest are extras worth showing. */
export type FigureKind = 'money' | 'percent' | 'bp' | 'points' | 'multiple';

export type Direction = 'up' | 'down';

/** A move's size: unit is "%", "bp", "points" or an ISO 4217 currency code. */
export interface Magnitude {
  value: number;
  unit: string;
}

export interface Figure {
  kind: FigureKind;
  /** The figure as written, e.g. "US$4.4 billion". */
  text: string;
  /** The plain number: "$4.4bn" is 4400000000, "41p" is 0.41, "-2.3%" is -2.3. */
  value: number;
  /** ISO 4217 code, for money only. */
  currency?: string;
}

export interface Move {
  /** What moved, as the page names it: "Alibaba", "the Hang Seng", "Brent crude". */
  subject: string;
  direction: Direction;
  magnitude?: Magnitude;
  /** The same change told another way ("up 120 points, or 1.5%"). */
  magnitude_alt?: Magnitude;
  /** The sentence that reports the move. */
  text: string;
}

interface Span {
  /** Offsets into the text that was scanned (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** text.slice(start, end) */
  text: string;
}

export interface CompanyMention extends Span {
  category: 'company';
  /** Canonical name of the company this mention refers to. */
  name: string;
  ticker?: string;
}

export interface PersonMention extends Span {
  category: 'person';
  /** Full name of the person this mention refers to (a later "Wu" points to "Eddie Wu"). */
  name: string;
  role?: string;
}

export interface FigureMention extends Span {
  category: 'figure';
  figure: Figure;
}

export interface MoveMention extends Span {
  category: 'move';
  move: Move;
}

export type Mention = CompanyMention | PersonMention | FigureMention | MoveMention;

export interface CompanyEntry {
  name: string;
  aliases: string[];
  ticker?: string;
  /** Exchange of the ticker, e.g. "NASDAQ", "HKEX", "LSE". */
  exchange?: string;
  mentions: number;
}

export interface PersonEntry {
  name: string;
  aliases: string[];
  role?: string;
  mentions: number;
}

export interface FigureEntry extends Figure {
  mentions: number;
}

export interface PageSummary {
  title: string;
  companies: CompanyEntry[];
  people: PersonEntry[];
  figures: FigureEntry[];
  moves: Move[];
  /** The two or three sentences that carry the most moves and figures. */
  keySentences: string[];
  /** Words scanned so far. */
  words: number;
}
