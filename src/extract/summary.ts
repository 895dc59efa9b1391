// Assembles the page summary and the per-block mentions from the blocks'
// candidates and the document-level resolution: companies and people with
// their aliases and counts, figures de-duplicated by kind, value and
// currency, moves told twice (headline and body, or a recap) reported once.
import type { BlockAnalysis } from './block.ts';
import type { MoveCandidate } from './moves.ts';
import { subjectKey } from './normalise.ts';
import { remembered } from './remembered.ts';
import { displayName, type CompanyEntity, type Resolution } from './resolve.ts';
import { stepEnds } from './steps.ts';
import type { CompanyEntry, CompanyMention, FigureEntry, Magnitude, Mention, Move, PageSummary, PersonEntry, PersonMention } from './types.ts';

export interface PlacedMove {
  block: number;
  cand: MoveCandidate;
  move: Move;
}

const sameMagnitude = (a?: Magnitude, b?: Magnitude) =>
  !!a && !!b && a.unit === b.unit && Math.abs(a.value - b.value) <= 0.005 * Math.max(Math.abs(a.value), Math.abs(b.value));

/** A subject's last kept move, and the direction and size of each of its kept moves once it has two. */
interface SubjectMoves { last: PlacedMove; told: Set<string> | undefined }

/** Direction and size of a sized move; sizes within 0.5% are the same size: rounded to 3 significant digits. */
const sizeKey = (m: { direction: string; magnitude?: Magnitude }) => `${m.direction}|${m.magnitude!.value.toPrecision(3)}${m.magnitude!.unit}`;

/** subjectKey(), remembered: pages name the same few markets and companies in move after move. Bounded. */
const subjectKeyOf = remembered(subjectKey);

function sentenceText(block: BlockAnalysis, s: number): string {
  const span = block.sentences[s];
  return span ? block.text.slice(span.start, span.end) : block.text;
}

/** Blocks (or moves) per step of the *Steps generators (see resolveSteps). */
const STEP_BLOCKS = 64;
const STEP_MOVES = 256;
const pause = (b: number) => stepEnds(b, STEP_BLOCKS);

/** A move candidate with its subject resolved: the Move itself is made only for the candidates kept. */
interface Candidate { block: number; cand: MoveCandidate; key: string; entity?: CompanyEntity }

/**
 * All moves of the page, resolved and de-duplicated; blocks[0] is the title. In steps, like resolveSteps().
 * One pass, and a Move (with its sentence's text) only for a candidate kept: a long page tells the same few
 * subjects' moves thousands of times, and on a 5 MB page a Move per candidate, all alive until the pass
 * ended, was 10 MB that every young-generation collection in the pass copied.
 */
export function* placeMovesSteps(blocks: BlockAnalysis[], res: Resolution): Generator<void, PlacedMove[]> {
  const companyKeys: string[] = [];
  const resolved = (b: number, cand: MoveCandidate): Candidate => {
    let entity = cand.company !== undefined ? res.companyAt[b][cand.company] : undefined;
    if (!entity && cand.companyText) entity = res.companyByKey.get(subjectKeyOf(cand.companyText));
    const key = entity ? (companyKeys[entity.id] ??= `c${entity.id}`) : subjectKeyOf(cand.subject);
    return { block: b, cand, entity, key };
  };
  // A headline move is the body's move told first: kept only when the body never tells it.
  const title = blocks[0].moves.map((cand) => resolved(0, cand));
  const toldInBody = title.map(() => false);
  const kept: PlacedMove[] = [];
  const keptOf = new Map<string, SubjectMoves>();
  let n = 0;
  for (let b = 1; b < blocks.length; b++) {
    if (pause(b)) yield;
    const { moves } = blocks[b];
    for (let i = 0; i < moves.length; i++) {
      if (stepEnds(++n, STEP_MOVES)) yield;
      const c = resolved(b, moves[i]);
      const { cand } = c;
      for (let t = 0; t < title.length; t++) {
        if (!toldInBody[t] && cand.direction === title[t].cand.direction && (related(c, title[t]) || sameMagnitude(cand.magnitude, title[t].cand.magnitude))) toldInBody[t] = true;
      }
      const same = keptOf.get(c.key);
      // "Target fell 14%. ... The slide wiped $10bn off Target's market value.": the company's last price move
      // told again in money, not a second move.
      if (cand.restatesValue && cand.magnitude && cand.magnitude.unit !== '%') {
        const last = same?.last;
        if (last && last.move.direction === cand.direction && last.move.magnitude?.unit === '%' && !last.move.magnitude_alt) {
          last.move.magnitude_alt = cand.magnitude;
          continue;
        }
      }
      // The same subject, direction and size is told once; a move without a size always counts. Most subjects
      // move once on a page: sizes are keyed only when a second move of the subject comes.
      if (same) {
        if (!same.told) {
          same.told = new Set();
          if (same.last.move.magnitude) same.told.add(sizeKey(same.last.move));
        }
        if (cand.magnitude) {
          const key = sizeKey(cand);
          if (same.told.has(key)) continue;
          same.told.add(key);
        }
      }
      const p = placed(blocks, c);
      if (same) same.last = p;
      else keptOf.set(c.key, { last: p, told: undefined });
      kept.push(p);
    }
  }
  const headline = title.filter((_, t) => !toldInBody[t]).map((t) => placed(blocks, t));
  return [...headline, ...kept];
}

function placed(blocks: BlockAnalysis[], c: Candidate): PlacedMove {
  const { cand } = c;
  const move: Move = { subject: cand.subject, direction: cand.direction, text: sentenceText(blocks[c.block], cand.sentence) };
  if (cand.magnitude) move.magnitude = cand.magnitude;
  if (cand.magnitude_alt) move.magnitude_alt = cand.magnitude_alt;
  return { block: c.block, cand, move };
}

/** Two moves about the same subject, or (neither a known company) one subject naming the other. */
function related(a: Candidate, b: Candidate): boolean {
  return a.key === b.key || (!a.entity && !b.entity && (a.key.includes(b.key) || b.key.includes(a.key)));
}

/** The page summary; `moves` from placeMovesSteps(). In steps, like resolveSteps(). */
export function* summarySteps(title: string, blocks: BlockAnalysis[], res: Resolution, placed: PlacedMove[], words: number): Generator<void, PageSummary> {
  // Entries built field by field, in the summary format's key order: object spreads cost several times more.
  const companies = res.companies.map((e) => {
    const { name, aliases } = displayName(e);
    const c = { name, aliases } as CompanyEntry;
    if (e.ticker) c.ticker = e.ticker;
    if (e.exchange) c.exchange = e.exchange;
    c.mentions = e.mentions;
    return c;
  });
  const people = res.people.map((p) => {
    const aliases = [...p.forms.keys()].filter((f) => f !== p.name);
    const entry = { name: p.name, aliases } as PersonEntry;
    if (p.role) entry.role = p.role;
    entry.mentions = p.mentions;
    return entry;
  });
  return { title, companies, people, figures: yield* figureEntries(blocks), moves: placed.map((p) => p.move), keySentences: yield* keySentences(blocks), words };
}

/**
 * The page's figures, one entry per kind, value and currency, in order of first mention. Looked up by the
 * number itself, then kind and currency among the few figures of that value: a string key made of the
 * number cost more than all the rest of the summary.
 */
function* figureEntries(blocks: BlockAnalysis[]): Generator<void, FigureEntry[]> {
  const entries: FigureEntry[] = [];
  const byValue = new Map<number, FigureEntry[]>();
  for (let b = 0; b < blocks.length; b++) {
    if (pause(b)) yield;
    const { figures } = blocks[b];
    for (let i = 0; i < figures.length; i++) {
      const f = figures[i].figure;
      let same = byValue.get(f.value);
      let seen: FigureEntry | undefined;
      if (same) for (let k = 0; k < same.length && !seen; k++) if (same[k].kind === f.kind && same[k].currency === f.currency) seen = same[k];
      if (seen) { seen.mentions++; continue; }
      // Fields added one by one, as a figure's own are (figures.ts). Made as one literal each way, with or
      // without a currency, entries and figures were built two ways with the same first fields, and once warm
      // V8 turned thousands of them into dictionaries of 440 bytes each (a heap snapshot of the bench).
      const entry = { kind: f.kind, text: f.text, value: f.value } as FigureEntry;
      if (f.currency !== undefined) entry.currency = f.currency;
      entry.mentions = 1;
      entries.push(entry);
      if (same) same.push(entry); else byValue.set(f.value, same = [entry]);
    }
  }
  return entries;
}

/** How many key sentences a summary gives. */
const KEY_SENTENCES = 3;

/** The sentences carrying the most moves and figures (body only), in page order; ties go to the earlier one. */
function* keySentences(blocks: BlockAnalysis[]): Generator<void, string[]> {
  // The best few so far, best first: a long page has tens of thousands of candidates, none sorted.
  const top: { block: BlockAnalysis; start: number; end: number; score: number; order: number }[] = [];
  let order = 0;
  for (let b = 1; b < blocks.length; b++) {
    if (pause(b)) yield;
    const block = blocks[b];
    const { moves, figures, sentences } = block;
    // Most blocks have neither: none of their sentences can score.
    if (moves.length === 0 && figures.length === 0) continue;
    const movesIn = moves.length ? countBySentence(moves) : undefined;
    let f = 0;
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i];
      let figs = 0;
      while (f < figures.length && figures[f].start < s.end) { if (figures[f].start >= s.start) figs++; f++; }
      const score = (movesIn?.[i] ?? 0) * 3 + figs;
      if (score <= 0) continue;
      // A later sentence beats an earlier one only with a higher score.
      if (top.length === KEY_SENTENCES && score <= top[KEY_SENTENCES - 1].score) { order++; continue; }
      const cand = { block, start: s.start, end: s.end, score, order: order++ };
      let at = top.length;
      while (at > 0 && top[at - 1].score < score) at--;
      top.splice(at, 0, cand);
      if (top.length > KEY_SENTENCES) top.pop();
    }
  }
  return top.sort((a, b) => a.order - b.order).map((s) => s.block.text.slice(s.start, s.end));
}

/** How many of the block's moves each sentence tells, by sentence index. */
function countBySentence(moves: MoveCandidate[]): number[] {
  const n: number[] = [];
  for (const m of moves) n[m.sentence] = (n[m.sentence] ?? 0) + 1;
  return n;
}

/** Sorts a block's mentions by start, longer first at the same start; stable, as the order they were added breaks ties. */
const byPosition = (a: Mention, b: Mention) => a.start - b.start || b.end - a.end;

/** The mentions of one block, offsets into its text; `moves` are that block's moves. */
export function blockMentions(blocks: BlockAnalysis[], b: number, res: Resolution, moves: PlacedMove[]): Mention[] {
  const block = blocks[b];
  const out: Mention[] = [];
  // Mentions built field by field in a fixed key order, without spreads of optional fields.
  const companyAt = res.companyAt[b];
  for (let j = 0; j < companyAt.length; j++) {
    const e = companyAt[j];
    if (!e) continue;
    const n = block.names[j];
    const c = { category: 'company', start: n.start, end: n.end, text: n.text, name: displayName(e).name } as CompanyMention;
    if (e.ticker) c.ticker = e.ticker;
    out.push(c);
  }
  const personAt = res.personAt[b];
  const people = personAt.length ? new Map(block.people.map((p) => [p.name, p])) : undefined;
  for (let j = 0; j < personAt.length; j++) {
    const p = personAt[j];
    if (!p) continue;
    const n = block.names[j];
    const cand = people!.get(j);
    const start = cand ? cand.start : n.start;
    const m = { category: 'person', start, end: n.end, text: block.text.slice(start, n.end), name: p.name } as PersonMention;
    if (p.role) m.role = p.role;
    out.push(m);
  }
  for (const f of block.figures) out.push({ category: 'figure', start: f.start, end: f.end, text: f.text, figure: f.figure });
  for (const m of moves) {
    out.push({ category: 'move', start: m.cand.start, end: m.cand.end, text: block.text.slice(m.cand.start, m.cand.end), move: m.move });
  }
  return sortMentions(out);
}

/**
 * Stable sort by byPosition. A block has a handful of mentions, mostly in order already: an insertion sort
 * does that in a pass, where Array.prototype.sort costs more than the comparisons. Long lists go to it.
 */
function sortMentions(list: Mention[]): Mention[] {
  if (list.length > 32) return list.sort(byPosition);
  for (let i = 1; i < list.length; i++) {
    const m = list[i];
    let k = i;
    // Strictly greater only: equal mentions keep the order they were added in, as a stable sort does.
    while (k > 0 && byPosition(list[k - 1], m) > 0) { list[k] = list[k - 1]; k--; }
    list[k] = m;
  }
  return list;
}
