// Market moves in one block: a reported change in a share price, index,
// currency, commodity, yield or rate, with its direction and size.
// Works sentence by sentence on tokens: find a verb of change ("rose",
// "slid", "ended up", "closed 1.9% higher", "cut rates by 25 basis points"),
// drop it when the clause hedges ("could", "expects", "if"), read the size
// right after it (the change, not the level after "to"/"at"), and walk left
// to what moved, skipping asides (", which makes chips,") and tickers.
import { addCue } from './name-cues.ts';
import { dropNested, mergeWithClauses } from './moves-dedupe.ts';
import type { BlockAnalysis, DocContext, NameSpan } from './block.ts';
import type { Direction, Magnitude } from './types.ts';
import { COMMODITIES, CURRENCIES, FUNDAMENTALS, GROUP_NOUNS, MARKET_NOUNS, PLACES } from './lexicon.ts';
import { tokenAt, type Token } from './tokens.ts';

export type SubjectKind = 'company' | 'index' | 'commodity' | 'currency' | 'rate' | 'group';

export interface MoveCandidate {
  subject: string;
  kind: SubjectKind;
  /** Name span of the company that moved, when it is one (resolved to a company for the whole page later). */
  company?: number;
  /** Company text when the subject came from "its shares" / "the stock" in an earlier sentence or block. */
  companyText?: string;
  direction: Direction;
  magnitude?: Magnitude;
  magnitude_alt?: Magnitude;
  /** Offsets of the reported change in the block (subject to size). */
  start: number;
  end: number;
  sentence: number;
  /** A company's market value moving by an amount ("wiped $10bn off X's market value"): often the price move just told, in money. */
  restatesValue?: boolean;
}

const UP = new Set(['surged', 'surges', 'surging', 'jumped', 'jumps', 'jumping', 'gained', 'gains', 'gaining', 'rose', 'rises', 'rising', 'risen', 'added', 'adds', 'adding', 'rallied', 'rallies', 'rallying', 'climbed', 'climbs', 'climbing', 'soared', 'soars', 'soaring', 'advanced', 'advances', 'advancing', 'rebounded', 'rebounds', 'rebounding', 'recovered', 'firmed', 'strengthened', 'strengthens', 'strengthening', 'appreciated', 'spiked', 'spikes', 'leapt', 'leaped', 'leaps', 'rocketed', 'doubled', 'tripled', 'outperformed', 'popped', 'ticked']);
/** Base forms of rate verbs: a move only as a decision ("voted to reduce"). */
const RATE_BASE = new Set(['lower', 'reduce', 'trim', 'slash', 'raise', 'hike', 'increase']);
const DECIDED = new Set(['voted', 'decided', 'agreed', 'moved', 'chose', 'opted', 'elected']);
/** What a policy or market rate is called; "your savings rate" is not one. */
const RATE_WORDS = /\b(?:interest|policy|benchmark|funds|repo|repurchase|lending|deposit|discount|overnight|bank|borrowing|key|main|mortgage|prime|refinancing|base|cash)\b.*\brates?$|^(?:the |its |their )?(?:interest )?rates$|\byields?$/;
const DOWN = new Set(['fell', 'falls', 'falling', 'fallen', 'slid', 'slides', 'sliding', 'tumbled', 'tumbles', 'tumbling', 'plunged', 'plunges', 'plunging', 'shed', 'sheds', 'shedding', 'dropped', 'drops', 'dropping', 'declined', 'declines', 'declining', 'lost', 'loses', 'losing', 'sank', 'sinks', 'sinking', 'sunk', 'slumped', 'slumps', 'slumping', 'slipped', 'slips', 'slipping', 'eased', 'eases', 'dipped', 'dips', 'dipping', 'weakened', 'weakens', 'weakening', 'retreated', 'retreats', 'retreating', 'skidded', 'tanked', 'crashed', 'collapsed', 'sagged', 'depreciated', 'halved', 'underperformed', 'shrank', 'lower', 'down']);
/** Base forms: verbs only after a plural market subject ("shares surge") or right before a size ("jump 4%"). */
const UP_BASE = new Set(['surge', 'jump', 'gain', 'rise', 'rally', 'climb', 'soar', 'advance', 'rebound', 'firm', 'strengthen', 'leap', 'spike']);
const DOWN_BASE = new Set(['fall', 'slide', 'tumble', 'plunge', 'drop', 'decline', 'sink', 'slump', 'slip', 'dip', 'weaken', 'retreat', 'sag', 'crash', 'lose']);
/** Transitive verbs of a rate decision: "cut interest rates by 25 basis points". */
const RATE_DOWN = new Set(['cut', 'cuts', 'cutting', 'lowered', 'lowers', 'lowering', 'lower', 'reduced', 'reduces', 'reducing', 'reduce', 'trimmed', 'trims', 'trim', 'slashed', 'slashes', 'slash']);
const RATE_UP = new Set(['raised', 'raises', 'raising', 'raise', 'hiked', 'hikes', 'hiking', 'hike', 'increased', 'increases', 'increase', 'lifted', 'lifts']);
/** "helping lift Europe's energy index 2.2%": the object moved. */
const PUSH_UP = new Set(['lift', 'lifted', 'lifting', 'lifts', 'boost', 'boosted', 'boosting', 'boosts']);
const PUSH_DOWN = new Set(['drag', 'dragged', 'dragging', 'drags']);
/** "shaved $1tn from world markets", "wiped $50bn off its value". */
const WIPE = new Set(['shaved', 'wiped', 'knocked', 'erased', 'lopped', 'shaves', 'wipes', 'wiping', 'shaving', 'knocking', 'erasing']);
/** Verbs that carry "up"/"down"/"higher"/"lower": "ended up", "closed 1.9% higher". */
const LINKING = new Set(['ended', 'closed', 'finished', 'traded', 'edged', 'inched', 'moved', 'ticked', 'stood', 'opened', 'was', 'were', 'is', 'are', 'been', 'trading', 'ending', 'closing', 'finishing', 'edging', 'settled', 'settling', 'went']);
const HEDGES = new Set(['could', 'may', 'might', 'would', 'will', 'should', 'can', 'shall', 'must', 'if', 'unless', 'whether', 'expect', 'expects', 'expected', 'expecting', 'forecast', 'forecasts', 'forecasting', 'predict', 'predicts', 'predicted', 'likely', 'unlikely', 'poised', 'hope', 'hopes', 'aim', 'aims', 'plan', 'plans', 'planned', 'intend', 'intends', 'seek', 'seeks', 'want', 'wants', 'need', 'needs', 'threatened', 'threatens', 'projected', 'projects', 'estimate', 'estimates', 'see', 'sees', 'bet', 'bets', 'betting', 'wager', 'risk', 'risks', 'until', 'wants', "won't", 'cannot', 'to']);
/** "to" hedges only after these ("set to rise", "expected to fall"); "voted to reduce" reports a decision. */
const TO_HEDGED_AFTER = new Set(['set', 'expected', 'likely', 'poised', 'due', 'going', 'projected', 'tipped', 'seen', 'forecast', 'predicted', 'able', 'want', 'wants', 'plan', 'plans', 'aim', 'aims', 'need', 'needs', 'continue', 'continues', 'begin', 'begins', 'start', 'starts', 'seem', 'seems', 'appear', 'appears', 'tend', 'tends', 'ready', 'prepared', 'try', 'tries', 'trying', 'hope', 'hopes', 'threatens', 'threatened', 'bound', 'unlikely', 'could', 'enough', 'pressure', 'room']);
const SKIP_BEFORE_VERB = new Set(['also', 'have', 'has', 'had', 'were', 'was', 'is', 'are', 'been', 'be', 'being', 'having', 'sharply', 'steeply', 'briefly', 'further', 'slightly', 'just', 'only', 'still', 'initially', 'later', 'then', 'earlier', 'already', 'even', 'nearly', 'almost', 'marginally', 'modestly', 'collectively', 'together', 'each', 'both', 'reportedly', 'last', 'this', 'week', 'month', 'year', 'day', 'session', 'quarter', 'more', 'than', 'over', 'all', 'subsequently', 'meanwhile', 'themselves', 'itself', 'respectively', 'yesterday', 'today', 'sharply', 'significantly', 'substantially', 'hardest', 'most', 'the', 'so', 'far', 'since', 'previously', 'again']);
const SKIP_BEFORE_SIZE = new Set(['more', 'than', 'as', 'much', 'about', 'around', 'roughly', 'nearly', 'almost', 'some', 'by', 'a', 'an', 'further', 'another', 'additional', 'just', 'over', 'sharply', 'steeply', 'slightly', 'marginally', 'up', 'down', 'higher', 'lower', 'fully', 'close', 'to', 'another', 'estimated', 'approximately', 'average']);
const NP_WORDS = new Set(['the', 'spot', 'benchmark', 'offshore', 'onshore', 'broader', 'broad', 'tech-heavy', 'blue-chip', 'main', 'key', 'policy', 'reverse', 'repurchase', 'repo', 'federal', 'funds', 'interest', 'overnight', 'lending', 'deposit', 'prime', 'energy', 'sector', 'semiconductor', 'bank', 'mining', 'world', 'global', 'european', 'asian', 'emerging', 'us', 'u.s.', 'u.s', 'british', 'japanese', 'chinese', 'natural', 'sovereign', 'government', 'heavy', 'small-cap', 'large-cap', 'mid-cap', 'tech', 'technology', 'bank', 'banking', 'oil', 'share', 'stock', 'crude', 'west', 'texas', 'intermediate', 'an', 'a', 'its', 'their', 'dollar', 'front-month', 'most-active', 'active', 'three-month', 'ten-year', 'two-year', 'five-year', 'thirty-year', 'seven-day', 'one-year', 'long-dated', 'short-dated', 'long-term', 'short-term', 'real', 'nominal', 'inflation-linked', 'market', 'total', 'combined', 'company']);
const FIGURE_UNITS: Record<string, boolean> = { money: true, percent: true, bp: true, points: true };

const lw = (t: Token | undefined) => (t ? (t.word ? t.lower : t.text) : '');

/** Time words and degree adverbs that may stand between a subject, its verb and its adverb ("ended last week up"). */
const TIME_WORDS = new Set(['last', 'this', 'the', 'week', 'month', 'year', 'day', 'session', 'quarter', 'on', 'friday', 'monday', 'tuesday', 'wednesday', 'thursday', 'saturday', 'sunday', 'sharply', 'slightly', 'modestly', 'marginally', 'firmly', 'solidly']);

/** First words of an aside between a subject and its verb (", which makes smartphones,"). */
const ASIDE_OPENERS = new Set(['which', 'who', 'the', 'a', 'an', 'known', 'once', 'formerly', 'its', 'one', 'based', 'led', 'owned', 'run', 'now', 'part', 'itself', 'whose', 'headquartered', 'listed', 'also', 'after', 'despite', 'like', 'unlike', 'including']);

/** Words that end the object of a verb ("pushed the index down ... after the data"). */
const OBJECT_STOPS = new Set(['by', 'to', 'from', 'in', 'on', 'for', 'after', 'as', 'at', 'amid', 'while', 'and', 'but', 'with', 'than', 'since', 'this', 'last', 'again', 'during', 'over', 'through', 'despite', 'because', 'thanks', 'when', 'before', 'until', 'into', 'within', 'across']);

/** Verbs before an unsized "higher"/"lower" ("closed higher"). */
const CLOSED_HIGHER = new Set(['closed', 'ended', 'finished', 'traded', 'moved', 'edged', 'inched', 'opened', 'settled']);

/** Verbs before an unsized "up"/"down" ("ticked up"). */
const CLOSED_UP = new Set(['closed', 'ended', 'finished', 'traded', 'edged', 'inched', 'ticked', 'opened', 'settled']);

/** Words that make the base form after them a noun ("a surge", "the steep drop"). */
const NOUN_MAKERS = new Set(['a', 'an', 'the', 'this', 'that', 'its', 'their', 'his', 'her', 'any', 'no', 'further', 'sharp', 'steep', 'big', 'biggest', 'modest', 'small']);

/** Verbs telling how a trading session ended ("closed", "opened"). */
const SESSION_VERBS = new Set(['closed', 'ended', 'finished', 'traded', 'opened']);

/** Determiners dropped from the start of an object. */
const OBJECT_DETERMINERS = new Set(['a', 'an', 'its', 'their']);

const NO_MOVES: MoveCandidate[] = Object.freeze([]) as unknown as MoveCandidate[];

export function findMoves(block: BlockAnalysis, ctx: DocContext): MoveCandidate[] {
  const out: MoveCandidate[] = [];
  const { tokens, sentences } = block;
  let first = 0;
  for (let si = 0; si < sentences.length; si++) {
    let last = first;
    while (last < tokens.length && block.sentOf[last] === si) last++;
    // Most sentences tell no move: their list is made only when one does (moveAt only reads it).
    let found: MoveCandidate[] = NO_MOVES;
    prevSentenceCompany = UNKNOWN;
    for (let i = first; i < last; i++) {
      // The change word first, here: moveAt is large, and most tokens are no change word.
      const v = verbAt(tokens, i, block.figAt);
      const m = v && moveAt(block, ctx, i, first, last, found, v);
      if (m) {
        if (found === NO_MOVES) found = [];
        for (const x of m) found.push(x);
      }
    }
    if (found !== NO_MOVES) {
      mergeWithClauses(block.text, found);
      dropNested(found);
      for (const x of found) out.push(x);
    }
    // The company the sentence was about, for "its shares" in the next sentence or block.
    for (let k = first; k < last; k++) {
      const n = block.nameAt[k] >= 0 ? block.names[block.nameAt[k]] : undefined;
      if (n && isCompanyish(n)) { ctx.lastCompany = n.text; break; }
    }
    first = last;
  }
  return out;
}

function isCompanyish(n: NameSpan): boolean {
  return n.kind === 'other' && !n.person && (!!n.dict || n.cues !== 0);
}

type VerbType = 'plain' | 'rate' | 'push' | 'wipe' | 'adverb';
interface VerbInfo { dir: Direction; type: VerbType }

/** Every change word with its direction and type, in one map: one lookup per token instead of ten. */
const VERBS: Map<string, VerbInfo> = (() => {
  const m = new Map<string, VerbInfo>();
  const put = (words: Iterable<string>, dir: Direction, type: VerbType) => {
    const info: VerbInfo = { dir, type };
    for (const w of words) if (!m.has(w)) m.set(w, info);
  };
  // Earlier lists win: "lower" is an adverb before it is a verb.
  put(['up', 'higher'], 'up', 'adverb');
  put(['down', 'lower'], 'down', 'adverb');
  put(UP, 'up', 'plain');
  put(DOWN, 'down', 'plain');
  put(UP_BASE, 'up', 'plain');
  put(DOWN_BASE, 'down', 'plain');
  put(WIPE, 'down', 'wipe');
  put(RATE_DOWN, 'down', 'rate');
  put(RATE_UP, 'up', 'rate');
  put(PUSH_UP, 'up', 'push');
  put(PUSH_DOWN, 'down', 'push');
  return m;
})();

/**
 * First letter, length and last letter of every change word: verbAt() runs for every word, and most
 * words (six in seven on news text) fail this table before the map is probed. Indexed by first letter
 * and length, a bit per last letter (its low five bits: collisions only let a word through to the map).
 */
const verbShape = (w: string) => (w.charCodeAt(0) & 127) * 64 + Math.min(w.length, 63);
const lastBit = (w: string) => 1 << (w.charCodeAt(w.length - 1) & 31);
const VERB_SHAPES = (() => {
  const shapes = new Uint32Array(128 * 64);
  for (const w of VERBS.keys()) shapes[verbShape(w)] |= lastBit(w);
  return shapes;
})();

/** Direction of the change word at i, or undefined when it is not one. */
function verbAt(tokens: Token[], i: number, figAt: number[]): VerbInfo | undefined {
  const t = tokens[i];
  if (!t.word || figAt[i] >= 0 || !(VERB_SHAPES[verbShape(t.lower)] & lastBit(t.lower))) return undefined;
  return VERBS.get(t.lower);
}

function hedged(tokens: Token[], i: number, first: number): boolean {
  for (let k = i - 1; k >= first && k >= i - 8; k--) {
    const t = tokens[k];
    if (!t.word && (t.text === ';' || t.text === ':' || t.text === '\u2014')) break;
    if (!t.word && t.text === ',') {
      // An aside between subject and verb is not a clause boundary for "if"/"could" ("If X, Y could rise" stays hedged by "could").
      break;
    }
    if (t.cap && k !== first) continue; // names ("Target") are not hedges
    const l = t.lower;
    if (l === 'to') {
      if (k === i - 1 && TO_HEDGED_AFTER.has(lw(tokens[k - 1]))) return true;
      continue;
    }
    if (HEDGES.has(l)) return true;
  }
  // Sentence-initial "If ..., X rose" and "Whether ..." hedge the whole sentence.
  const f = tokens[first];
  return !!f && (f.lower === 'if' || f.lower === 'whether' || f.lower === 'unless');
}

interface Size { mag?: Magnitude; alt?: Magnitude; more: Magnitude[]; end: number }

function magnitudeOf(block: BlockAnalysis, fi: number): Magnitude | undefined {
  const f = block.figures[fi].figure;
  if (!FIGURE_UNITS[f.kind]) return undefined;
  const unit = f.kind === 'percent' ? '%' : f.kind === 'bp' ? 'bp' : f.kind === 'points' ? 'points' : f.currency ?? 'USD';
  return { value: Math.abs(f.value), unit };
}

/** The size right after position i: the first figure before any "to"/"at" level, its ", or" alternative, and "and N%" more. */
function sizeAfter(block: BlockAnalysis, i: number, last: number): Size {
  const { tokens, figAt } = block;
  const size: Size = { more: [], end: i };
  let k = i;
  let skipped = 0;
  while (k < last && figAt[k] < 0 && skipped < 4) {
    const l = lw(tokens[k]);
    if (!SKIP_BEFORE_SIZE.has(l) && !(l === 'of' && lw(tokens[k - 1]) === 'average')) return size;
    if ((l === 'to' || l === 'at') && k + 1 < last && figAt[k + 1] >= 0) return size; // a level, not a change
    if (l === 'to' && lw(tokens[k - 1]) !== 'close') return size;
    k++;
    skipped++;
  }
  if (k >= last || figAt[k] < 0) return size;
  const fi = figAt[k];
  size.mag = magnitudeOf(block, fi);
  while (k < last && figAt[k] === fi) k++;
  size.end = tokens[k - 1].end;
  // ", or 4.3%" / "or 602.14 points"
  let j = k;
  if (lw(tokens[j]) === ',') j++;
  if (lw(tokens[j]) === 'or' && j + 1 < last && figAt[j + 1] >= 0) {
    const ai = figAt[j + 1];
    size.alt = magnitudeOf(block, ai);
    j += 1;
    while (j < last && figAt[j] === ai) j++;
    size.end = tokens[j - 1].end;
    k = j;
  }
  // "and 2.3%" / "on Friday and 12% over the week": more changes of the same kind.
  for (let n = 0; n < 3; n++) {
    let j2 = k;
    let steps = 0;
    while (j2 < last && figAt[j2] < 0 && steps < 4 && lw(tokens[j2]) !== 'and') {
      const t = tokens[j2];
      if (t.word && (UP.has(t.lower) || DOWN.has(t.lower) || t.lower === 'to' || t.lower === 'at' || t.lower === 'from' || t.lower === 'while')) break;
      j2++;
      steps++;
    }
    if (lw(tokens[j2]) !== 'and') break;
    j2++;
    while (j2 < last && figAt[j2] < 0 && SKIP_BEFORE_SIZE.has(lw(tokens[j2])) && lw(tokens[j2]) !== 'to') j2++;
    if (j2 >= last || figAt[j2] < 0) break;
    const mi = figAt[j2];
    const m = magnitudeOf(block, mi);
    if (!m || !size.mag || m.unit !== size.mag.unit) break;
    size.more.push(m);
    while (j2 < last && figAt[j2] === mi) j2++;
    k = j2;
    size.end = tokens[j2 - 1].end;
  }
  return size;
}

interface Subject { text: string; kind: SubjectKind; start: number; end: number; company?: number; companyText?: string; hasShares: boolean; tok: number }

/** The moves told by the change word `v` at token i. */
function moveAt(block: BlockAnalysis, ctx: DocContext, i: number, first: number, last: number, found: MoveCandidate[], v: VerbInfo): MoveCandidate[] | undefined {
  const { tokens, figAt } = block;
  const l = tokens[i].lower;
  const next = tokens[i + 1];
  let size: Size = { more: [], end: tokens[i].end };
  let subjectEnd = i - 1; // token before which the subject ends
  let subject: Subject | undefined;

  if (v.type === 'adverb') {
    if (l === 'up' || l === 'down') {
      if (lw(next) === 'from' || lw(next) === 'to' || lw(next) === 'or' || lw(next) === 'with' || lw(next) === 'on' && !hasFigureAt(block, i + 1)) return undefined;
    }
    // "closed 1.9% higher": the size comes before.
    const before = i - 1 >= first ? figAt[i - 1] : -1;
    if (before >= 0 && (l === 'higher' || l === 'lower' || l === 'up' || l === 'down')) {
      let k = i - 1;
      while (k >= first && figAt[k] === before) k--;
      size = { mag: magnitudeOf(block, before), more: [], end: tokens[i].end };
      if (!LINKING.has(lw(tokens[k])) && !UP.has(lw(tokens[k])) && !DOWN.has(lw(tokens[k]))) return sentHigher(block, ctx, k, first, i, v.dir, size, found);
      subjectEnd = k - 1;
    } else {
      // "with the CSI 300 down 1.2%": a name right before the adverb and a size after it.
      const bare = (l === 'up' || l === 'down') && hasFigureAt(block, i + 1) && i - 1 >= first &&
        (block.nameAt[i - 1] >= 0 && ['index', 'asset', 'other'].includes(block.names[block.nameAt[i - 1]].kind) || isMarketWord(tokens[i - 1]));
      // "ended last week up 3.8 percent", "were up $2.52", "edged up 0.6%"
      let k = bare ? i : i - 1;
      let hops = 0;
      while (!bare && k >= first && hops < 4 && !LINKING.has(lw(tokens[k]))) { k--; hops++; }
      if (!bare && (k < first || !LINKING.has(lw(tokens[k])))) return undefined;
      for (let q = k + 1; q < i; q++) if (!isTimeWord(tokens[q])) return undefined;
      size = sizeAfter(block, i + 1, last);
      if ((l === 'higher' || l === 'lower') && !size.mag && !CLOSED_HIGHER.has(lw(tokens[k]))) return undefined;
      if ((l === 'up' || l === 'down') && !size.mag && !bare && !CLOSED_UP.has(lw(tokens[k]))) return undefined;
      subjectEnd = k - 1;
    }
    if (hedged(tokens, subjectEnd + 1, first)) return undefined;
    subject = subjectBefore(block, ctx, subjectEnd, first, i, found);
  } else if (v.type === 'rate') {
    if (hedged(tokens, i, first)) return undefined;
    if (RATE_BASE.has(l) && !(lw(tokens[i - 1]) === 'to' && (DECIDED.has(lw(tokens[i - 2])) || DECIDED.has(lw(tokens[i - 3])) || DECIDED.has(lw(tokens[i - 4]))))) return undefined;
    const obj = objectAfter(block, i + 1, last);
    if (!obj || !RATE_WORDS.test(obj.text.toLowerCase())) return undefined;
    let k = obj.endTok;
    // ", its main policy rate," aside
    if (lw(tokens[k]) === ',') {
      let q = k + 1;
      while (q < last && q < k + 8 && lw(tokens[q]) !== ',') q++;
      if (lw(tokens[q]) === ',' && lw(tokens[q + 1]) === 'by') k = q + 1;
    }
    if (lw(tokens[k]) === 'by') size = sizeAfter(block, k + 1, last);
    else if (figAt[k] >= 0) size = sizeAfter(block, k, last);
    // "by a quarter point", "by half a percentage point" written out
    if (!size.mag && lw(tokens[k]) === 'by') {
      const words = tokens.slice(k + 1, k + 5).map(lw).join(' ');
      if (/^(?:a )?quarter(?:-| )(?:percentage )?point/.test(words)) size.mag = { value: 25, unit: 'bp' };
      else if (/^(?:a )?half(?:-| )(?:a )?(?:percentage )?point/.test(words)) size.mag = { value: 50, unit: 'bp' };
    }
    if (size.mag && size.mag.unit === '%' && /percentage/.test(tokens.slice(k, k + 5).map(lw).join(' '))) size.mag = { value: size.mag.value * 100, unit: 'bp' };
    subject = { text: obj.text, kind: 'rate', start: obj.start, end: obj.end, hasShares: false, tok: obj.startTok };
    return [make(block, subject, v.dir, size, si(block, i), tokens[i].start)];
  } else if (v.type === 'push') {
    if (hedged(tokens, i, first)) return undefined;
    const obj = objectAfter(block, i + 1, last, true);
    if (!obj) return undefined;
    size = sizeAfter(block, obj.endTok, last);
    if (!size.mag) return undefined;
    subject = classifyObject(block, obj);
    if (!subject) return undefined;
    return [make(block, subject, v.dir, size, si(block, i), subject.start)];
  } else if (v.type === 'wipe') {
    // "shaved $1tn from world markets"
    if (hedged(tokens, i, first)) return undefined;
    size = sizeAfter(block, i + 1, last);
    if (!size.mag) return undefined;
    let k = i + 1;
    while (k < last && (figAt[k] >= 0 || SKIP_BEFORE_SIZE.has(lw(tokens[k])))) k++;
    if (lw(tokens[k]) !== 'from' && lw(tokens[k]) !== 'off') return undefined;
    const obj = objectAfter(block, k + 1, last, true);
    if (!obj) return undefined;
    subject = valueOwner(block, ctx, obj, first, found) ?? { text: obj.text, kind: 'group', start: obj.start, end: obj.end, hasShares: false, tok: obj.startTok };
    // "Nvidia fell 3.5%, wiping $150bn off its market value": the same fall told in money.
    const prev = found.at(-1);
    if (l.endsWith('ing') && lw(tokens[i - 1]) === ',' && prev && prev.direction === 'down' && !prev.magnitude_alt && size.mag &&
      (subject.kind === 'company' || /\b(?:its|their|the \w+'s)\b/i.test(obj.text))) {
      prev.magnitude_alt = size.mag;
      if (prev.magnitude?.unit !== '%' && prev.magnitude) [prev.magnitude, prev.magnitude_alt] = [prev.magnitude_alt, prev.magnitude];
      return undefined;
    }
    const wiped = make(block, subject, 'down', size, si(block, i), tokens[i].start);
    if (subject.kind === 'company') wiped.restatesValue = true;
    return [wiped];
  } else {
    // Plain verbs. Base forms ("surge") only as headline verbs after a plural market noun or right before a size.
    const base = UP_BASE.has(l) || DOWN_BASE.has(l);
    const prev = tokens[i - 1];
    if (base) {
      const prevL = lw(prev);
      const pluralSubject = prev?.word && (MARKET_NOUNS.has(prevL) || COMMODITIES.has(prevL) || prevL.endsWith('s') && GROUP_NOUNS.has(prevL));
      if (!pluralSubject && !hasFigureAt(block, i + 1) && !(hasFigureAt(block, i + 2) && SKIP_BEFORE_SIZE.has(lw(next)))) return undefined;
      if (prev && NOUN_MAKERS.has(prevL)) return undefined;
      // "the stock's slide", "Nvidia's rally": after a possessive the word is a noun.
      if (prev?.poss) return undefined;
    }
    if (hedged(tokens, i, first)) return undefined;
    // "$110bn added to its market capitalisation"
    if ((l === 'added' || l === 'wiped' || l === 'lost') && i - 1 >= first && figAt[i - 1] >= 0 && (lw(next) === 'to' || lw(next) === 'from' || lw(next) === 'off')) {
      const mag = magnitudeOf(block, figAt[i - 1]);
      const obj = objectAfter(block, i + 2, last, true);
      if (!mag || !obj) return undefined;
      const owner = valueOwner(block, ctx, obj, first, found);
      if (!owner) return undefined;
      const valued = make(block, owner, lw(next) === 'to' ? 'up' : 'down', { mag, more: [], end: obj.end }, si(block, i), tokens[i].start);
      if (owner.kind === 'company') valued.restatesValue = true;
      return [valued];
    }
    if (l === 'added' || l === 'adds' || l === 'adding') {
      // "added" is a move only with a size ("added 1.2 per cent"), never "he added".
      if (!hasFigureAt(block, i + 1) && !(SKIP_BEFORE_SIZE.has(lw(next)) && hasFigureAt(block, i + 2))) return undefined;
    }
    if (l === 'ticked' && lw(next) !== 'up' && lw(next) !== 'higher') return undefined;
    if (lw(next) === 'to' && !hasFigureAt(block, i + 2) && (UP.has(l) || DOWN.has(l)) && ['rose', 'rises', 'risen', 'rising'].includes(l) && lw(tokens[i + 2]) !== 'a' && lw(tokens[i + 2]) !== 'their' && lw(tokens[i + 2]) !== 'its') {
      // "rose to prominence": not a price.
      return undefined;
    }
    if (lw(next) === 'up' || lw(next) === 'down' || lw(next) === 'higher' || lw(next) === 'lower') return undefined; // the adverb carries it
    size = sizeAfter(block, i + 1, last);
    const ing = l.endsWith('ing');
    if (ing && lw(prev) === ',' ) {
      subject = firstSubjectOfSentence(block, first, i);
    } else {
      subject = subjectBefore(block, ctx, i - 1, first, i, found);
    }
  }
  if (!subject) return undefined;
  if (subject.kind === 'group' && !size.mag) return undefined;
  // Unsized, a name is a company only if something else says so ("Bezos's firms" is not a price move).
  if (subject.kind === 'company' && !size.mag && subject.company !== undefined && !isCompanyish(block.names[subject.company])) return undefined;
  // "which has more than doubled this year": the verb itself says how much.
  const multiple = l === 'doubled' || l === 'tripled' || l === 'halved';
  if (subject.kind === 'company' && !size.mag && !subject.hasShares && !multiple && !SESSION_VERBS.has(lw(tokens[subjectEnd + 1])) && !block.isTitle) return undefined;
  const sentence = si(block, i);
  const moves = [make(block, subject, v.dir, size, sentence, subject.start)];
  // "Alibaba and JD.com jumped more than 5% each": every company of the list moved.
  if (subject.kind === 'company' && !size.more.length) {
    const partners = coordinated(block, subject);
    for (const p of partners.slice(0, -1)) moves.unshift(make(block, p, v.dir, { ...size, more: [] }, sentence, p.start));
  }
  // "D.R. Horton and Lennar rose 4.2% and 3.8%, respectively"
  if (size.more.length) {
    const respectively = tokens.slice(i, Math.min(last, i + 20)).some((t) => t.lower === 'respectively');
    const partners = respectively ? coordinated(block, subject) : [];
    // A loop, not forEach with a callback: a closure over this function's variables would make V8
    // allocate them in a context on every call, and moveAt is called for every token.
    for (let n = 0; n < size.more.length; n++) {
      const subj = respectively ? partners[n + 1] : subject;
      if (!subj) continue;
      if (respectively && n === 0 && partners[0]) moves[0] = make(block, partners[0], v.dir, { mag: size.mag, more: [], end: size.end }, sentence, partners[0].start);
      moves.push(make(block, subj, v.dir, { mag: size.more[n], more: [], end: size.end }, sentence, subj.start));
    }
  }
  return moves;
}

/** "..., sending its shares 9.3% higher", "pushing the index 2% lower": the object of the verb moved. */
const SEND = new Set(['sending', 'sent', 'sends', 'send', 'pushing', 'pushed', 'pushes', 'driving', 'drove', 'drives', 'taking', 'took', 'knocking', 'knocked', 'leaving', 'left']);
function sentHigher(block: BlockAnalysis, ctx: DocContext, k: number, first: number, i: number, dir: Direction, size: Size, found: MoveCandidate[]): MoveCandidate[] | undefined {
  const { tokens } = block;
  let q = k;
  while (q > first && q > k - 6 && !SEND.has(lw(tokens[q]))) q--;
  if (!SEND.has(lw(tokens[q])) || q === k || hedged(tokens, q, first)) return undefined;
  const head = lw(tokens[q + 1]);
  let sub: Subject | undefined;
  if ((head === 'its' || head === 'their') && ['shares', 'stock', 'share'].includes(lw(tokens[k]))) {
    sub = firstSubjectOfSentence(block, first, q);
    if (sub?.kind !== 'company') return undefined;
    sub.hasShares = true;
  } else {
    sub = subjectEndingAt(block, ctx, k, q + 1, found);
  }
  if (!sub) return undefined;
  return [make(block, sub, dir, size, si(block, i), Math.min(sub.start, tokens[q].start))];
}

function si(block: BlockAnalysis, i: number): number {
  return block.sentOf[Math.min(i, block.tokens.length - 1)];
}

function hasFigureAt(block: BlockAnalysis, i: number): boolean {
  return i < block.tokens.length && block.figAt[i] >= 0;
}

function isTimeWord(t: Token): boolean {
  const l = t.lower;
  return TIME_WORDS.has(l);
}

function make(block: BlockAnalysis, s: Subject, dir: Direction, size: Size, sentence: number, start: number): MoveCandidate {
  // Every field in the one literal, unset ones undefined: fields added later went to a properties array of
  // their own, 40 bytes more for each of the thousands of candidates a long page keeps.
  const m: MoveCandidate = {
    subject: s.text, kind: s.kind, company: s.company, companyText: s.companyText || undefined, direction: dir,
    magnitude: size.mag, magnitude_alt: size.alt, start: Math.min(start, s.start), end: Math.max(size.end, s.end),
    sentence, restatesValue: undefined,
  };
  // Being the subject of a price move is company evidence for a name ("Persimmon dropped 3.6%").
  if (s.company !== undefined && (size.mag || s.hasShares)) addCue(block.names[s.company], 'move');
  // The gold convention: a percentage is the magnitude, the other form the alternative.
  if (m.magnitude && m.magnitude_alt && m.magnitude.unit !== '%' && m.magnitude_alt.unit === '%') {
    [m.magnitude, m.magnitude_alt] = [m.magnitude_alt, m.magnitude];
  }
  return m;
}

/** Walks left from token k to what moved. */
function subjectBefore(block: BlockAnalysis, ctx: DocContext, k: number, first: number, verb: number, found: MoveCandidate[]): Subject | undefined {
  const { tokens, nameAt } = block;
  let guard = 0;
  while (k >= first && guard++ < 40) {
    const t = tokens[k];
    const l = lw(t);
    if (t.word && SKIP_BEFORE_VERB.has(l) && nameAt[k] < 0) { k--; continue; }
    if (t.word && isTimeWord(t) && nameAt[k] < 0) { k--; continue; }
    if (!t.word && l === ')') {
      let q = k - 1;
      while (q >= first && q > k - 10 && lw(tokens[q]) !== '(') q--;
      if (lw(tokens[q]) !== '(') return undefined;
      k = q - 1;
      continue;
    }
    if (!t.word && l === ',') {
      // An aside: ", which makes smartphones," / ", the owner of Old Navy," / ", whose shares"
      let q = k - 1;
      while (q >= first && q > k - 30 && lw(tokens[q]) !== ',') q--;
      if (q < first || lw(tokens[q]) !== ',') return undefined;
      const opener = lw(tokens[q + 1]);
      if (ASIDE_OPENERS.has(opener) || tokens[q + 1]?.poss) {
        k = q - 1;
        continue;
      }
      return undefined;
    }
    // "X, which fell", "X, whose shares edged up"
    if (l === 'which' || l === 'that' || (l === 'shares' && lw(tokens[k - 1]) === 'whose')) {
      const q = l === 'shares' ? k - 2 : k - 1;
      if (lw(tokens[q]) === ',' || l === 'that') {
        const sub = subjectBefore(block, ctx, q - (lw(tokens[q]) === ',' ? 1 : 0), first, verb, found);
        if (sub && l === 'shares') sub.hasShares = true;
        return sub;
      }
      return undefined;
    }
    if (l === 'it' || l === 'they') {
      const prevMove = found.at(-1);
      if (prevMove) return { text: prevMove.subject, kind: prevMove.kind, start: t.start, end: t.end, company: prevMove.company, companyText: prevMove.companyText, hasShares: true, tok: k };
      return undefined;
    }
    // "against the dollar" / "against major peers": skip back over it.
    for (let q = k; q >= first && q > k - 5; q--) {
      if (lw(tokens[q]) === 'against' || lw(tokens[q]) === 'versus') { k = q - 1; break; }
    }
    if (k < first) return undefined;
    return subjectEndingAt(block, ctx, k, first, found);
  }
  return undefined;
}

/** The subject whose last token is k: a name, a market phrase, or "its shares". */
function subjectEndingAt(block: BlockAnalysis, ctx: DocContext, k: number, first: number, found: MoveCandidate[]): Subject | undefined {
  const { tokens, nameAt, names } = block;
  let t = tokens[k];
  let l = lw(t);
  // Names: companies and indices.
  if (nameAt[k] >= 0) {
    const n = names[nameAt[k]];
    if (n.kind === 'index') return npFrom(block, k, n, 'index');
    if (n.kind === 'asset') return npFrom(block, k, n, 'commodity');
    if (n.kind === 'other') {
      if (n.person) {
        // A person does not rise 3%; a name read as a person only from a given name is a company here.
        return undefined;
      }
      const hasShares = ['shares', 'stock'].includes(lw(tokenAt(tokens, n.s - 2))) && ['of', 'in'].includes(lw(tokenAt(tokens, n.s - 1)));
      return { text: n.text, kind: 'company', start: hasShares ? tokens[n.s - 2].start : n.start, end: n.end, company: nameAt[k], hasShares, tok: n.s };
    }
    // Places and dates before the verb: look further left ("the CSI 300 Index of companies listed in Shanghai and Shenzhen rose").
    return scanLeft(block, ctx, n.s - 1, first, found);
  }
  if (!t.word) return undefined;
  // "Alibaba's shares", "Wells Fargo shares", "Shares of X", "its shares", "the stock"
  if (l === 'shares' || l === 'stock' || l === 'share' || l === 'adrs' || l === 'price') {
    // "Meta Platforms Inc. (META.O) stock": look past the ticker.
    let b = k - 1;
    if (lw(tokens[b]) === ')') { while (b > first && b > k - 8 && lw(tokens[b]) !== '(') b--; b--; }
    const p = tokens[b];
    const pn = b >= first ? nameAt[b] : -1;
    if (pn >= 0 && names[pn].kind === 'other' && !names[pn].person) {
      const n = names[pn];
      return { text: n.text, kind: 'company', start: n.start, end: t.end, company: pn, hasShares: true, tok: n.s };
    }
    if (p && ['its', 'the', 'their', 'his', 'her'].includes(lw(p)) || (p && p.poss && ['company', 'group', 'firm', 'bank', 'retailer', 'carmaker', 'chipmaker', 'lender'].includes(lw(p)))) {
      const c = companyBefore(block, ctx, k - 1, first);
      if (c) return { ...c, start: p.start, end: t.end, hasShares: true, tok: k - 1 };
      return undefined;
    }
    if (pn >= 0) return undefined;
  }
  if (FUNDAMENTALS.has(l)) return undefined;
  // "the index", "the benchmark": the index named last.
  if ((l === 'index' || l === 'benchmark' || l === 'gauge') && lw(tokens[k - 1]) === 'the' && nameAt[k - 1] < 0) {
    for (let q = k - 2; q >= 0 && q > k - 60; q--) {
      const ni = nameAt[q];
      if (ni >= 0 && names[ni].kind === 'index') return { text: names[ni].text, kind: 'index', start: tokens[k - 1].start, end: t.end, hasShares: false, tok: k - 1 };
    }
  }
  if (l === 'company' || l === 'group' || l === 'carmaker' || l === 'chipmaker' || l === 'retailer' || l === 'lender' || l === 'firm') {
    return undefined;
  }
  // Market phrases: "Brent crude futures", "the 10-year Treasury yield", "the yen", "iron ore prices".
  if (isMarketWord(t)) {
    const np = npFrom(block, k, undefined, 'group');
    return np;
  }
  if (!t.cap) {
    // A lower-case word we do not know heads the subject: not a market move.
    void l;
    return undefined;
  }
  t = tokens[k];
  l = t.lower;
  return undefined;
}

/** From a place or date before the verb, the nearest index or company further left in the clause. */
function scanLeft(block: BlockAnalysis, ctx: DocContext, k: number, first: number, found: MoveCandidate[]): Subject | undefined {
  const { tokens, nameAt, names } = block;
  for (let q = k; q >= first && q > k - 14; q--) {
    const t = tokens[q];
    if (!t.word) {
      if (t.text === ',' || t.text === ';' || t.text === ':') return undefined;
      continue;
    }
    if (FUNDAMENTALS.has(t.lower)) return undefined;
    if (nameAt[q] >= 0) {
      const n = names[nameAt[q]];
      if (n.kind === 'index' || n.kind === 'asset' || (n.kind === 'other' && !n.person)) return subjectEndingAt(block, ctx, n.e - 1, first, found);
      q = n.s;
      continue;
    }
    if (isMarketWord(t)) return npFrom(block, q, undefined, 'group');
  }
  return undefined;
}

function isMarketWord(t: Token): boolean {
  const l = t.lower;
  return COMMODITIES.has(l) || CURRENCIES.has(l) || MARKET_NOUNS.has(l) || GROUP_NOUNS.has(l) || l === 'sub-index' || l === 'sub-indices';
}

/** Builds the market phrase that ends at token k, leftwards, and says what it is. */
function npFrom(block: BlockAnalysis, k: number, name: NameSpan | undefined, fallback: SubjectKind): Subject | undefined {
  const { tokens, nameAt, names } = block;
  let s = name ? name.s : k;
  const words: string[] = [];
  for (let q = s; q <= k; q++) if (tokens[q].word) words.push(tokens[q].lower);
  let q = s - 1;
  while (q >= 0) {
    const t = tokens[q];
    const l = lw(t);
    if (nameAt[q] >= 0) {
      const n = names[nameAt[q]];
      if (n.kind === 'place' || n.kind === 'index' || n.kind === 'asset' || n.kind === 'institution' || (n.kind === 'other' && !n.person)) { s = n.s; q = n.s - 1; words.push(...n.text.toLowerCase().split(' ')); continue; }
      break;
    }
    if (l === ')') { // "(WTI)" inside the phrase
      let p = q - 1;
      while (p >= 0 && p > q - 5 && lw(tokens[p]) !== '(') p--;
      if (lw(tokens[p]) !== '(') break;
      s = p;
      q = p - 1;
      continue;
    }
    if (!t.word) break;
    if ((l === 'on' || l === 'of') && q - 1 >= 0 && (isMarketWord(tokens[q - 1]) || tokens[q - 1].lower === 'yield')) { s = q; q--; continue; }
    if (t.poss && PLACES.has(l)) { s = q; q--; words.push(l); continue; }
    if (NP_WORDS.has(l) || isMarketWord(t) || (/\d/.test(l) && l.includes('-')) || (t.cap && !t.poss && q > 0 && !tokens[q - 1].word === false && PLACES.has(l) === false && t.text === t.text.toUpperCase() && t.text.length <= 4)) {
      if (FUNDAMENTALS.has(l)) return undefined;
      words.push(l);
      s = q;
      q--;
      continue;
    }
    break;
  }
  // Trim a leading article other than "the".
  while (s < k && OBJECT_DETERMINERS.has(lw(tokens[s]))) s++;
  const start = tokens[s].start;
  const end = name ? name.end : tokens[k].end;
  const text = block.text.slice(start, end);
  let kind: SubjectKind = fallback;
  if (name?.kind === 'index' || words.some((w) => w === 'index' || w === 'indices' || w === 'sub-index' || w === 'composite' || w === 'average')) kind = 'index';
  else if (words.some((w) => w === 'yield' || w === 'yields' || w === 'rate' || w === 'rates' || w === 'note' || w === 'gilt' || w === 'bund' || w === 'treasury')) kind = 'rate';
  else if (words.some((w) => COMMODITIES.has(w))) kind = 'commodity';
  else if (words.some((w) => CURRENCIES.has(w))) kind = 'currency';
  else if (words.some((w) => GROUP_NOUNS.has(w) || w === 'value' || w === 'capitalisation' || w === 'capitalization')) kind = 'group';
  return { text, kind, start, end, hasShares: false, tok: s };
}

/** The company that "its"/"the stock" points to: nearest company earlier in the sentence, else the first of the previous sentence, else the previous block's. */
function companyBefore(block: BlockAnalysis, ctx: DocContext, k: number, first: number): Subject | undefined {
  const { nameAt, names, tokens } = block;
  for (let q = k - 1; q >= first && q >= k - COMPANY_LOOKBACK; q--) {
    const ni = nameAt[q];
    if (ni >= 0 && isCompanyish(names[ni])) return { text: names[ni].text, kind: 'company', start: names[ni].start, end: names[ni].end, company: ni, hasShares: true, tok: q };
  }
  const at = first > 0 ? firstCompanyOfSentenceBefore(block, first) : -1;
  if (at >= 0) {
    const ni = nameAt[at];
    return { text: names[ni].text, kind: 'company', start: tokens[k].start, end: tokens[k].end, company: ni, hasShares: true, tok: at };
  }
  if (ctx.lastCompany) return { text: ctx.lastCompany, kind: 'company', start: tokens[k].start, end: tokens[k].end, companyText: ctx.lastCompany, hasShares: true, tok: k };
  return undefined;
}
/**
 * How far back "its shares" looks for its company in the same sentence, in tokens: further than any real
 * sentence, and a bound, since page text can be one endless sentence of "its shares fell 2%" with no company
 * in it, which made each lookup walk back to its start (quadratic; 2.2 s for 512 KB of it).
 */
const COMPANY_LOOKBACK = 200;

/**
 * The token where the first company-like name of the sentence before the one starting at token `first` is, or
 * -1. Worked out once per sentence (a sentence can ask many times; findMoves forgets it at each new sentence):
 * that sentence's names no longer change, as moves are read in order and only a move's own sentence can make a
 * name a company.
 */
function firstCompanyOfSentenceBefore(block: BlockAnalysis, first: number): number {
  if (prevSentenceCompany !== UNKNOWN) return prevSentenceCompany;
  const { nameAt, names, sentOf } = block;
  const prevSentence = sentOf[first - 1];
  let p = first - 1;
  while (p > 0 && sentOf[p - 1] === prevSentence) p--;
  let found = -1;
  for (let q = p; q < first && found < 0; q++) if (nameAt[q] >= 0 && isCompanyish(names[nameAt[q]])) found = q;
  return (prevSentenceCompany = found);
}
const UNKNOWN = -2;
let prevSentenceCompany = UNKNOWN;

interface Obj { text: string; start: number; end: number; startTok: number; endTok: number }

/** The noun phrase right after a verb ("the federal funds rate", "Europe's energy sector index (.SXEP)"). */
function objectAfter(block: BlockAnalysis, k: number, last: number, allowNames = false): Obj | undefined {
  const { tokens, nameAt, names, figAt } = block;
  const s = k;
  let e = k;
  while (e < last) {
    const t = tokens[e];
    const l = lw(t);
    if (figAt[e] >= 0) break;
    if (nameAt[e] >= 0 && allowNames) { e = names[nameAt[e]].e; continue; }
    if (l === '(') {
      let p = e + 1;
      while (p < last && p < e + 6 && lw(tokens[p]) !== ')') p++;
      if (lw(tokens[p]) !== ')') break;
      e = p + 1;
      continue;
    }
    if (!t.word) break;
    // "dragged the retail index down 1.8%": the adverb and size are not part of the object.
    if (e > s && (l === 'up' || l === 'down' || l === 'higher' || l === 'lower') && e + 1 < last && figAt[e + 1] >= 0) break;
    if (OBJECT_STOPS.has(l) && e > s) {
      if ((l === 'on' || l === 'of') && isMarketWord(tokens[e - 1])) { e++; continue; }
      break;
    }
    if (FUNDAMENTALS.has(l) || l === 'forecast' || l === 'target' || l === 'estimate' || l === 'outlook' || l === 'guidance' || l === 'stake' || l === 'offer' || l === 'bid' || l === 'prices' && false) return undefined;
    e++;
    if (e - s > 10) return undefined;
  }
  if (e <= s) return undefined;
  let endTok = e;
  while (endTok > s && !tokens[endTok - 1].word && tokens[endTok - 1].text !== ')') endTok--;
  if (endTok <= s) return undefined;
  let st = s;
  while (st < endTok && ['a', 'an'].includes(lw(tokens[st]))) st++;
  const start = tokens[st].start;
  const end = tokens[endTok - 1].end;
  return { text: block.text.slice(start, end), start, end, startTok: st, endTok: e };
}

function classifyObject(block: BlockAnalysis, obj: Obj): Subject | undefined {
  const { tokens, nameAt, names } = block;
  // Last word of the object (before a parenthesis) decides.
  let k = obj.endTok - 1;
  while (k > obj.startTok && !tokens[k].word) {
    if (lw(tokens[k]) === ')') { while (k > obj.startTok && lw(tokens[k]) !== '(') k--; }
    k--;
  }
  const ni = nameAt[k];
  if (ni >= 0 && names[ni].kind === 'other' && !names[ni].person) return { text: names[ni].text, kind: 'company', start: names[ni].start, end: names[ni].end, company: ni, hasShares: false, tok: names[ni].s };
  const words = tokens.slice(obj.startTok, obj.endTok).filter((t) => t.word).map((t) => t.lower);
  let kind: SubjectKind | undefined;
  if (ni >= 0 && names[ni].kind === 'index' || words.includes('index') || words.includes('indices')) kind = 'index';
  else if (words.some((w) => COMMODITIES.has(w))) kind = 'commodity';
  else if (words.some((w) => CURRENCIES.has(w))) kind = 'currency';
  else if (words.some((w) => w === 'yield' || w === 'yields' || w === 'rate' || w === 'rates')) kind = 'rate';
  if (!kind) return undefined;
  return { text: obj.text, kind, start: obj.start, end: obj.end, hasShares: false, tok: obj.startTok };
}

/** "to its market capitalisation", "off Nvidia's market value", "from world markets": whose value moved. */
function valueOwner(block: BlockAnalysis, ctx: DocContext, obj: Obj, first: number, found: MoveCandidate[]): Subject | undefined {
  void found;
  const { tokens, nameAt, names } = block;
  const lower = obj.text.toLowerCase();
  if (!/(?:market|value|valuation|capitali[sz]ation|cap|markets|stocks|shares|equities)$/.test(lower.replace(/[^a-z ]/g, '').trim())) return undefined;
  const firstTok = tokens[obj.startTok];
  if (['its', 'their'].includes(firstTok.lower)) return companyBefore(block, ctx, obj.startTok, first);
  const ni = nameAt[obj.startTok];
  if (ni >= 0 && names[ni].kind === 'other') return { text: names[ni].text, kind: 'company', start: names[ni].start, end: names[ni].end, company: ni, hasShares: true, tok: names[ni].s };
  return { text: obj.text, kind: 'group', start: obj.start, end: obj.end, hasShares: false, tok: obj.startTok };
}

/** "D.R. Horton and Lennar", "Exxon Mobil (XOM.N) and Chevron (CVX.N)": the subjects in order. */
function coordinated(block: BlockAnalysis, last: Subject): Subject[] {
  const { tokens, nameAt, names } = block;
  const list: Subject[] = [last];
  let k = last.tok - 1;
  while (k >= 0) {
    let q = k;
    if (lw(tokens[q]) !== 'and' && lw(tokens[q]) !== ',') break;
    q--;
    if (lw(tokens[q]) === ')') { while (q > 0 && lw(tokens[q]) !== '(') q--; q--; }
    const ni = q >= 0 ? nameAt[q] : -1;
    if (ni < 0 || names[ni].kind !== 'other') break;
    const n = names[ni];
    list.unshift({ text: n.text, kind: 'company', start: n.start, end: n.end, company: ni, hasShares: false, tok: n.s });
    k = n.s - 1;
  }
  return list;
}

/** "SoftBank Group bucked the trend, falling 4.1%": the sentence's first company or index. */
function firstSubjectOfSentence(block: BlockAnalysis, first: number, verb: number): Subject | undefined {
  const { nameAt, names } = block;
  for (let q = first; q < verb; q++) {
    const ni = nameAt[q];
    if (ni < 0) continue;
    const n = names[ni];
    if (n.kind === 'index' || n.kind === 'asset') return npFrom(block, n.e - 1, n, n.kind === 'index' ? 'index' : 'commodity');
    if (n.kind === 'other' && !n.person) return { text: n.text, kind: 'company', start: n.start, end: n.end, company: ni, hasShares: false, tok: n.s };
    q = n.e - 1;
  }
  return undefined;
}
