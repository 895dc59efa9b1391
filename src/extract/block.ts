// The local pass over one block (a paragraph, or the title): tokens,
// sentences, figures, name spans, and the company, person and move
// candidates that the block's own words support. Cost is linear in the
// block; nothing here looks at other blocks except through `DocContext`
// (words seen in lower case, the company last talked about).
import { findDictionaryCompanies, type DictionaryEntry, type DictionaryHit } from './company-dictionary.ts';
import { classifyChunk, findChunks, type Chunk, type ChunkKind } from './chunks.ts';
import { findCompanyCues } from './companies.ts';
import { findFigures, type FigureSpan } from './figures.ts';
import { FIRST_NAMES, LEGAL_SUFFIXES, NATIONALITIES } from './lexicon.ts';
import { findMoves, type MoveCandidate } from './moves.ts';
import { addCue } from './name-cues.ts';
import { findPeople, type PersonCandidate } from './people.ts';
import { splitSentences, type SentenceSpan } from './sentences.ts';
import { outerEnd, tokenize, type Token } from './tokens.ts';

/** A capitalised name in the block: a dictionary hit or a chunk of capitalised words. */
export interface NameSpan extends Chunk {
  kind: ChunkKind;
  /** The dictionary's company, when the span is (or opens with) a known name. */
  dict?: DictionaryEntry;
  /** Company evidence found around this span ("shares-of", "suffix", "ticker", "said"...): bits, see name-cues.ts. */
  cues: number;
  ticker?: { symbol: string; exchange?: string };
  /** "(TSMC)" after the name: a short form the page uses for it. */
  acronym?: string;
  /** Set when the span is a person rather than a company. */
  person?: boolean;
  /** nameKey(text), computed once by the resolver. */
  key?: string;
}

export interface BlockAnalysis {
  text: string;
  tokens: Token[];
  sentences: SentenceSpan[];
  /**
   * Sentence index of each token. This and the other per-token arrays (figAt, nameAt) are valid only while
   * the block is analysed: they are shared by every block (see `perToken`), and read up to tokens.length only.
   */
  sentOf: number[];
  figures: FigureSpan[];
  /** Figure index covering each token, -1 if none. */
  figAt: number[];
  names: NameSpan[];
  /** Name index covering each token, -1 if none. */
  nameAt: number[];
  people: PersonCandidate[];
  moves: MoveCandidate[];
  /** Acronyms the block defines for lower-case terms ("high-bandwidth memory (HBM)"): not company names on this page. */
  terms: string[];
  /** Words in the block (the summary's word count). */
  words: number;
  /** Title written in Title Case: capitals say nothing about names there. */
  titleCase: boolean;
  /** Byline, credits and "Reporting by" lines: not article text. */
  skip: boolean;
  isTitle: boolean;
}

export interface DocContext {
  /** Words the page has written in lower case so far. */
  seenLower: Set<string>;
  /** The company the previous block ended on, for "its shares" at the start of a block. */
  lastCompany?: string;
}

const CREDIT_LINE = /^(?:\(?(?:reporting|additional reporting|writing|editing|compiled|research) by\b|write to\b|contact\b|this story was\b|copyright\b|©)/i;

function isTitleCase(tokens: Token[]): boolean {
  let long = 0;
  let caps = 0;
  for (const t of tokens) {
    if (!t.word || t.num || t.text.length < 4) continue;
    long++;
    if (t.cap) caps++;
  }
  return long >= 3 && caps / long >= 0.75;
}

export function analyseBlock(text: string, ctx: DocContext, isTitle = false): BlockAnalysis {
  const tokens = tokenize(text);
  const sentences = splitSentences(text);
  if (perToken.sentOf.length > PER_TOKEN_KEEP) perToken = newPerToken();
  const { sentOf, firstOfSentence, figAt, nameAt } = perToken;
  // One pass over the tokens: the sentence of each, the words the page writes in lower case, no span yet.
  const { seenLower } = ctx;
  let si = 0;
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.word) words++;
    while (si < sentences.length - 1 && t.start >= sentences[si + 1].start) si++;
    sentOf[i] = si;
    firstOfSentence[i] = i === 0 || sentOf[i - 1] !== si;
    if (t.word && !t.cap && !t.num && t.text.length > 2) seenLower.add(t.lower);
    figAt[i] = -1;
    nameAt[i] = -1;
  }
  const titleCase = isTitle && isTitleCase(tokens);
  const skip = !isTitle && CREDIT_LINE.test(text.slice(0, 40));

  const figures = skip ? [] : findFigures(text);
  markSpans(tokens, figures, figAt);

  // In a Title Case headline capitals say nothing: only dictionary names, linked to the body's later.
  const names = skip ? [] : titleCase ? dictionaryNames(text, tokens) : buildNames(text, tokens, firstOfSentence, ctx.seenLower);
  markSpans(tokens, names, nameAt);

  const block: BlockAnalysis = { text, tokens, sentences, sentOf, figures, figAt, names, nameAt, people: [], moves: [], terms: [], words, titleCase, skip, isTitle };
  if (skip) return block;
  block.terms = definedTerms(tokens);
  findCompanyCues(block);
  block.people = findPeople(block);
  if (!titleCase) block.moves = findMoves(block, ctx);
  return block;
}

/** "high-bandwidth memory (HBM)", "exchange-traded funds (ETFs)": an acronym spelled by the lower-case words before it. */
function definedTerms(tokens: Token[]): string[] {
  const out: string[] = [];
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i].text !== '(' || tokens[i + 2].text !== ')') continue;
    const a = tokens[i + 1];
    if (!a.word || a.text.length < 2 || a.text.length > 7 || !a.cap) continue;
    const letters = a.text.replace(/s$/, '').toLowerCase();
    if (!/^[a-z]+$/.test(letters) || a.text.replace(/s$/, '') !== a.text.replace(/s$/, '').toUpperCase()) continue;
    let initials = '';
    for (let k = i - 1; k >= 0 && k >= i - 8 && initials.length < letters.length; k--) {
      const t = tokens[k];
      if (!t.word || t.cap || t.num) break;
      const parts = t.lower.split('-');
      for (let p = parts.length - 1; p >= 0; p--) if (parts[p]) initials = parts[p][0] + initials;
    }
    if (initials === letters) out.push(a.text);
  }
  return out;
}

/** Every name span has the same shape (all fields present), so the code reading them stays monomorphic. */
function nameSpan(s: number, e: number, start: number, end: number, text: string, initial: boolean, kind: ChunkKind, dict?: DictionaryHit): NameSpan {
  return { s, e, start, end, text, initial, kind, dict: dict?.entry, cues: 0, ticker: undefined, acronym: undefined, person: undefined, key: undefined };
}

/**
 * The per-token arrays of the block being analysed, reused by the next block: made anew for every block,
 * they were ~20 bytes a word for the garbage collector. Each block writes indices [0, tokens.length), in
 * order (so they stay packed arrays however long a block), and nothing reads beyond that; whatever a longer
 * block left there is never seen. Plain arrays: small typed arrays cost more to allocate.
 */
let perToken = newPerToken();
function newPerToken() {
  return { sentOf: [] as number[], firstOfSentence: [] as boolean[], figAt: [] as number[], nameAt: [] as number[] };
}
/** Arrays grown past this by a long block are replaced by new ones at the next block, not kept for the rest of the page. */
const PER_TOKEN_KEEP = 10000;


/** Index of the token starting at offset `start` (tokens are sorted), or undefined. */
function tokenStartingAt(tokens: Token[], start: number): number | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = tokens[mid].start;
    if (s === start) return mid;
    if (s < start) lo = mid + 1; else hi = mid - 1;
  }
  return undefined;
}

function dictionaryNames(text: string, tokens: Token[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const hit of findDictionaryCompanies(text)) {
    const s = tokenStartingAt(tokens, hit.start);
    if (s === undefined) continue;
    let e = s;
    while (e < tokens.length && tokens[e].start < hit.end) e++;
    out.push(nameSpan(s, e, hit.start, hit.end, hit.text, false, 'other', hit));
  }
  return out;
}

/** Marks, for each token, the index of the span that covers it. Spans are sorted and do not overlap. */
function markSpans(tokens: Token[], spans: { start: number; end: number }[], at: number[]) {
  let k = 0;
  for (let i = 0; i < tokens.length && k < spans.length; i++) {
    while (k < spans.length && spans[k].end <= tokens[i].start) k++;
    if (k < spans.length && tokens[i].start >= spans[k].start && tokens[i].start < spans[k].end) at[i] = k;
  }
}

/** Dictionary hits and capitalised chunks, merged into one sorted list of non-overlapping name spans. */
/** Titles inside a chunk start a person's name: "Marvell CEO Matt Murphy", "Saudi Energy Minister Prince Abdulaziz". */
const SPLIT_ROLES = new Set(['vice', 'deputy', 'chief', 'gov.', 'gov', 'administrator', 'ceo', 'cfo', 'coo', 'cto', 'chairman', 'chairwoman', 'chair', 'founder', 'co-founder', 'boss', 'president', 'minister', 'secretary', 'governor', 'chancellor', 'commissioner', 'prince', 'sheikh', 'king', 'queen']);
const GOV_ROLES = new Set(['gov.', 'gov', 'administrator', 'president', 'minister', 'secretary', 'governor', 'chancellor', 'commissioner', 'prince', 'sheikh', 'king', 'queen']);

function splitAtRoles(text: string, tokens: Token[], chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    let k = c.s + 1;
    while (k < c.e - 1 && !SPLIT_ROLES.has(tokens[k].lower)) k++;
    if (k >= c.e - 1) { out.push(c); continue; }
    const left = { ...c, e: k, end: tokens[k - 1].end };
    left.text = text.slice(left.start, left.end);
    if (GOV_ROLES.has(tokens[k].lower)) governmentAt.add(left.start); else ownerAt.add(left.start);
    out.push(left, { s: k, e: c.e, start: tokens[k].start, end: c.end, text: text.slice(tokens[k].start, c.end), initial: false });
  }
  return out;
}
// Offsets of chunks split off before a government role, an owner role, or a "-backed": buildNames' working
// sets, shared from block to block (most blocks add nothing to them, and a Set made per block was ~4 B/word).
const governmentAt = new Set<number>();
const ownerAt = new Set<number>();
const backedAt = new Set<number>();

const withoutFinalDot = (s: string) => (s.endsWith('.') ? s.slice(0, -1) : s);

const BACKED_TAILS = new Set(['backed', 'owned', 'controlled', 'led', 'funded']);
const HYPHEN_TAILS = new Set(['backed', 'owned', 'controlled', 'led', 'funded', 'based', 'born', 'headquartered', 'listed', 'made', 'style', 'focused', 'related', 'linked']);

function buildNames(text: string, tokens: Token[], firstOfSentence: boolean[], seenLower: Set<string>): NameSpan[] {
  // (clear() makes a new table: only when there is something to clear.)
  if (governmentAt.size) governmentAt.clear();
  if (ownerAt.size) ownerAt.clear();
  if (backedAt.size) backedAt.clear();
  const chunks: Chunk[] = [];
  for (const c of splitAtRoles(text, tokens, findChunks(text, tokens, firstOfSentence, seenLower))) {
    // "Sequoia-backed", "San Francisco-based": the name is the part before the hyphen.
    // "Systems, Inc.": a legal form alone is not a name.
    if (c.e - c.s === 1 && LEGAL_SUFFIXES.has(withoutFinalDot(tokens[c.s].lower))) continue;
    // "Lisbon-based Kivaro": the place word is not part of the name.
    const head = tokens[c.s];
    const hd = head.text.lastIndexOf('-');
    if (c.e - c.s > 1 && hd > 0 && HYPHEN_TAILS.has(head.lower.slice(hd + 1))) {
      // "Halden-backed Corvo": the backer is a name of its own.
      if (BACKED_TAILS.has(head.lower.slice(hd + 1))) {
        chunks.push({ s: c.s, e: c.s + 1, start: head.start, end: head.start + hd, text: text.slice(head.start, head.start + hd), initial: c.initial });
        backedAt.add(head.start);
      }
      c.s++;
      c.start = tokens[c.s].start;
      c.text = text.slice(c.start, c.end);
      c.initial = false;
    }
    const last = tokens[c.e - 1];
    const dash = last.text.lastIndexOf('-');
    if (dash <= 0) { chunks.push(c); continue; }
    const tail = last.lower.slice(dash + 1);
    if (!HYPHEN_TAILS.has(tail)) { chunks.push(c); continue; }
    if (tail === 'based' || tail === 'born' || tail === 'headquartered' || tail === 'listed') continue;
    c.end = last.start + dash;
    c.text = text.slice(c.start, c.end);
    if (BACKED_TAILS.has(tail)) backedAt.add(c.start);
    chunks.push(c);
  }
  const hits = findDictionaryCompanies(text);
  const out: NameSpan[] = [];
  const st: NameState = { text, tokens, firstOfSentence, out };
  let h = 0;
  for (const c of chunks) {
    const kind = classifyChunk(c.text, tokens, c.s, c.e);
    // Hits before this chunk that lie outside every chunk (lower-case names such as "eBay").
    while (h < hits.length && hits[h].end <= c.start) pushHit(st, hits[h++]);
    // The hits inside the chunk: hits[from, h), in order.
    const from = h;
    while (h < hits.length && hits[h].start < c.end) h++;
    const count = h - from;
    const whole = count === 1 && hits[from].start <= c.start && hits[from].end >= c.end;
    // "Rob Goldman": a given name, then a surname that is also a company's short name, is a person's name.
    if (!whole && c.e - c.s === 2 && FIRST_NAMES.has(tokens[c.s].lower) && (count === 0 || hits[from].start > c.start)) {
      out.push(nameSpan(c.s, c.e, c.start, c.end, c.text, c.initial, kind));
      continue;
    }
    // "State Bank of India", "Bank of China": the dictionary's exact name beats the look of an institution.
    // ("People's Bank of China" is chunked after the possessive: the bank is not the company Bank of China.)
    const afterPossessive = c.s > 0 && tokens[c.s - 1].poss && tokens[c.s - 1].cap && outerEnd(text, tokens[c.s - 1]) >= c.start - 1;
    if (whole && kind === 'institution' && !afterPossessive && !hits[from].ambiguous && hits[from].start === c.start && hits[from].end >= c.end) { pushHit(st, hits[from], c.initial); continue; }
    if (count === 0 || kind === 'index' || kind === 'institution' || kind === 'place') {
      const span = nameSpan(c.s, c.e, c.start, c.end, c.text, c.initial, governmentAt.has(c.start) ? 'institution' : kind);
      if (backedAt.has(c.start)) addCue(span, 'backed');
      if (ownerAt.has(c.start)) addCue(span, 'owner-role');
      out.push(span);
      continue;
    }
    if (whole) { pushHit(st, hits[from], c.initial); continue; }
    // "Vantor Semiconductor Manufacturing Co": a known name inside a longer unknown one is only a part of it.
    const firstHitTok = tokenStartingAt(tokens, hits[from].start);
    if (firstHitTok !== undefined && firstHitTok > c.s && classifyChunk(text.slice(c.start, tokens[firstHitTok - 1].end), tokens, c.s, firstHitTok) === 'other' &&
      !NATIONALITIES.has(tokens[c.s].lower) && hits[h - 1].end >= c.end - 1) {
      out.push(nameSpan(c.s, c.e, c.start, c.end, c.text, c.initial, kind));
      continue;
    }
    // "Fidelity International", "Tesla Inc", "Goldman Sachs Asset Management": a known name opening a longer one
    // is that company under its longer name.
    const h0 = hits[from];
    const h0s = tokenStartingAt(tokens, h0.start);
    if (count === 1 && h0s === c.s && !h0.ambiguous && kind === 'other') {
      out.push(nameSpan(c.s, c.e, c.start, c.end, c.text, c.initial, kind, h0));
      continue;
    }
    // Hits inside a longer chunk: keep them (and the rest of the chunk as its own spans) unless an everyday word
    // sits inside some other name ("Banana Republic").
    let cursor = c.s;
    for (let q = from; q < h; q++) {
      const hit = hits[q];
      const hs = tokenStartingAt(tokens, hit.start);
      const he = hs === undefined ? undefined : lastTokenOf(tokens, hit, hs);
      if (hs === undefined || he === undefined || hs < c.s) continue;
      if (hit.ambiguous) continue;
      if (hs > cursor) pushChunkPart(st, cursor, hs);
      pushHit(st, hit, hs === c.s && c.initial);
      cursor = he + 1;
    }
    if (cursor < c.e) pushChunkPart(st, cursor, c.e);
  }
  while (h < hits.length) pushHit(st, hits[h++]);
  // Nearly always in order already, and without overlaps: sort and filter (both copy) only when needed.
  let sorted = true;
  let disjoint = true;
  for (let i = 1; i < out.length; i++) {
    if (out[i].start < out[i - 1].start) sorted = false;
    else if (out[i].start < out[i - 1].end) disjoint = false;
  }
  if (!sorted) out.sort((a, b) => a.start - b.start);
  return sorted && disjoint ? out : out.filter((n, i) => i === 0 || n.start >= out[i - 1].end);
}

// buildNames' helpers: plain functions over its state, so no closures are made per block.
interface NameState { text: string; tokens: Token[]; firstOfSentence: boolean[]; out: NameSpan[] }

/** Last token of a hit: the dictionary's word boundaries may differ from ours ("Co." vs "Co"). */
function lastTokenOf(tokens: Token[], hit: DictionaryHit, s: number): number | undefined {
  let e = s;
  while (e + 1 < tokens.length && tokens[e + 1].start < hit.end) e++;
  return tokens[e].start < hit.end ? e : undefined;
}

function pushHit(st: NameState, hit: DictionaryHit, initial?: boolean) {
  const s = tokenStartingAt(st.tokens, hit.start);
  const e = s === undefined ? undefined : lastTokenOf(st.tokens, hit, s);
  if (s === undefined || e === undefined) return;
  const isInitial = initial ?? st.firstOfSentence[s];
  st.out.push(nameSpan(s, e + 1, hit.start, hit.end, hit.text, isInitial, 'other', hit));
}

function pushChunkPart(st: NameState, s: number, e: number) {
  const { tokens } = st;
  while (s < e && !tokens[s].cap) s++;
  while (e > s && !tokens[e - 1].cap && !tokens[e - 1].num) e--;
  if (e <= s) return;
  const start = tokens[s].start;
  const end = tokens[e - 1].end;
  const t = st.text.slice(start, end);
  st.out.push(nameSpan(s, e, start, end, t, st.firstOfSentence[s], classifyChunk(t, tokens, s, e)));
}
