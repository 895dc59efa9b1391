// Public face of the extraction engine: pure TypeScript, no DOM, no browser API.
// Text goes in block by block (a block is a paragraph: sentences never cross
// it), mentions with offsets and the page summary come out.
//
// addBlock() runs the block's local pass (tokens, sentences, figures, name
// spans, cues, move candidates) in time proportional to the block. Decisions
// that need the whole page (is this everyday word a company here, which full
// name a surname points to, which moves are told twice) are made over the
// collected candidates on the first mentions()/summary() call after a change,
// or ahead of it in steps with advance(), and cached until the next addBlock().
import { analyseBlock, type BlockAnalysis, type DocContext } from './block.ts';
import { findDictionaryCompanies, indexSteps } from './company-dictionary.ts';
import { findFigures } from './figures.ts';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokens.ts';
import { resolveSteps, type Resolution } from './resolve.ts';
import { blockMentions, placeMovesSteps, summarySteps, type PlacedMove } from './summary.ts';
import type { Mention, PageSummary } from './types.ts';

export type * from './types.ts';

export interface ScannedDocument {
  /** Scans one more block; returns its index. Cost is proportional to the block. */
  addBlock(text: string): number;
  /** The block's mentions, offsets relative to that block's text, resolved with all that the document has taught so far. */
  mentions(block: number): Mention[];
  /** The title's mentions (offsets into the title). */
  titleMentions(): Mention[];
  /** The page summary of everything added so far, title included. */
  summary(): PageSummary;
  /**
   * One step (about a millisecond on a long page) of the page-level pass that
   * mentions() and summary() need after new blocks; true once it is done and
   * they answer from cache. For callers that must not block: step until true.
   */
  advance(): boolean;
}

interface Cache {
  res: Resolution;
  movesByBlock: Map<number, PlacedMove[]>;
  mentions: Map<number, Mention[]>;
  summary: PageSummary;
}

/**
 * A scanned document's state. The functions over it are module-level rather than closures made per
 * document: a closure per function per page is an allocation (and, under tsx's keepNames, a property
 * definition) for every document, of which a reader's session and the benchmark create many.
 */
interface DocState {
  title: string;
  ctx: DocContext;
  /** all[0] is the title; body block i is all[i + 1]. */
  all: BlockAnalysis[];
  words: number;
  cache: Cache | undefined;
  /**
   * The page-level pass under way (advance()), dropped when a block is added:
   * resolution, moves, summary, each a generator that yields every few dozen
   * blocks. Run one after the other from here rather than from one generator
   * delegating with yield*: measured, that kept ~2.4 MB alive across every
   * young-generation GC (promoted, 11-14 ms a collection instead of ~2).
   */
  pending: { stage: 0 | 1 | 2; gen: Generator<void, unknown>; res?: Resolution; moves?: PlacedMove[] } | undefined;
}

/** What an analysed block's per-word arrays, and its empty lists, become once addBlock is done with them (one, not one per block). */
const DROPPED: never[] = [];
const fit = <T>(list: T[]): T[] => (list.length ? list.slice() : DROPPED);

export function createDocument(options: { title?: string } = {}): ScannedDocument {
  const title = options.title ?? '';
  const ctx: DocContext = { seenLower: new Set() };
  const st: DocState = { title, ctx, all: [kept(analyseBlock(title, ctx, true))], words: 0, cache: undefined, pending: undefined };
  ctx.lastCompany = undefined;

  return {
    addBlock(text) {
      if (typeof text !== 'string') throw new TypeError('addBlock: text must be a string');
      const block = kept(analyseBlock(text, ctx));
      st.all.push(block);
      if (!block.skip) st.words += block.words;
      st.cache = undefined;
      st.pending = undefined;
      return st.all.length - 2;
    },
    mentions(block) {
      if (!Number.isInteger(block) || block < 0 || block >= st.all.length - 1) throw new RangeError(`mentions: no block ${block}`);
      return mentionsOf(st, block + 1);
    },
    titleMentions() {
      return mentionsOf(st, 0);
    },
    summary() {
      return current(st).summary;
    },
    advance() {
      return step(st);
    },
  };
}

/** What the page keeps of an analysed block. */
function kept(block: BlockAnalysis): BlockAnalysis {
  // The per-word arrays serve only the block's own analysis. Kept, they were most of the heap a long
  // page holds (a token object per word), and the garbage collector's pauses grew with it; the per-token
  // index arrays are shared with the next block's analysis anyway (block.ts, perToken).
  block.tokens = block.sentOf = block.figAt = block.nameAt = DROPPED;
  // The lists the page-level pass reads are kept for the page: as exact-size copies, and the empty ones
  // as one shared list (nothing writes to them after this). An array grown by push has room for 17
  // elements after its first; these hold one to three, and the room was 60 bytes a list, four lists a
  // block (10% of all a 5 MB page kept, measured in Chromium).
  block.sentences = fit(block.sentences);
  block.figures = fit(block.figures);
  block.names = fit(block.names);
  block.moves = fit(block.moves);
  block.people = fit(block.people);
  block.terms = fit(block.terms);
  return block;
}

function step(st: DocState): boolean {
  if (st.cache) return true;
  const { all } = st;
  const pending = (st.pending ??= { stage: 0, gen: resolveSteps(all) });
  const r = pending.gen.next();
  if (!r.done) return false;
  if (pending.stage === 0) {
    pending.res = r.value as Resolution;
    pending.gen = placeMovesSteps(all, pending.res);
    pending.stage = 1;
    return false;
  }
  if (pending.stage === 1) {
    pending.moves = r.value as PlacedMove[];
    pending.gen = summarySteps(st.title, all, pending.res!, pending.moves, st.words);
    pending.stage = 2;
    return false;
  }
  const { res, moves } = pending;
  st.pending = undefined;
  const movesByBlock = new Map<number, PlacedMove[]>();
  for (const m of moves!) {
    const list = movesByBlock.get(m.block);
    if (list) list.push(m); else movesByBlock.set(m.block, [m]);
  }
  st.cache = { res: res!, movesByBlock, mentions: new Map(), summary: r.value as PageSummary };
  return true;
}

function current(st: DocState): Cache {
  while (!step(st));
  return st.cache!;
}

function mentionsOf(st: DocState, i: number): Mention[] {
  const c = current(st);
  let m = c.mentions.get(i);
  if (!m) {
    m = blockMentions(st.all, i, c.res, c.movesByBlock.get(i) ?? []);
    c.mentions.set(i, m);
  }
  return m;
}

/**
 * Builds the engine's lookup tables (the dictionary's index) and runs each
 * recogniser once, ahead of the first real block: tens of milliseconds of cold
 * code on a fresh page, which the content script spreads over short slices
 * (one step each) while it waits for its settings.
 */
export function* warmUpSteps(): Generator<void, void> {
  yield* indexSteps();
  // The recognisers that need no block first, one per step: a function's first call compiles it.
  const text = WARM_UP[WARM_UP.length - 1];
  for (const warm of [tokenize, splitSentences, findDictionaryCompanies, findFigures]) {
    yield;
    warm(text);
  }
  for (const title of WARM_UP) {
    yield;
    const doc = createDocument({ title });
    while (!doc.advance()) yield;
    doc.titleMentions();
  }
}
// Small texts first: each step compiles a few recognisers' code, not all of them at once. Only names the
// dictionary knows: an unknown company would build the lookup-by-name table, which only some pages need.
const WARM_UP = ['Apple', 'rose 1%', 'Alibaba said', 'Jane Doe', '$4.5bn and £30m, 25 basis points', 'Shares of Tesla (NASDAQ: TSLA) fell 2.1 per cent',
  'Chief executive Jane Doe said Nvidia made $4.5bn; the FTSE 100 fell 2.1 per cent, shaving £30bn'];

/** Scans a whole text at once: every line is a block. */
export function extract(text: string, options: { title?: string } = {}) {
  const doc = createDocument(options);
  const blocks = text.split(/\r?\n/).map((line) => doc.addBlock(line));
  return { mentions: blocks.map((b) => doc.mentions(b)), summary: doc.summary() };
}
