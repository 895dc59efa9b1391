// The engines the extraction bench times (test/bench/extract.ts), and the
// child process that times one of them. The bench bundles this file with
// esbuild, as the extension's build does, and runs the bundle in plain node:
// timed through tsx, every closure our engine creates paid for tsx's
// keepNames wrapper, which the shipped extension does not have.
import nlp from 'compromise';
import { findDictionaryCompanies } from '../../src/extract/company-dictionary.ts';
import { findFigures } from '../../src/extract/figures.ts';
import { createDocument, warmUpSteps } from '../../src/extract/index.ts';
import { drain } from '../../src/extract/steps.ts';

export interface Doc { name: string; title: string; blocks: string[]; words: number }
export interface Round { wall: number; cpu: number }
export type Engine = 'ours' | 'theirs' | 'dictionary' | 'figures';

/** Our engine as the content script uses it: block by block, then every block's mentions and the summary. */
export function ours(d: Doc): number {
  const doc = createDocument({ title: d.title });
  const ids = d.blocks.map((b) => doc.addBlock(b));
  let n = doc.titleMentions().length;
  for (const i of ids) n += doc.mentions(i).length;
  const s = doc.summary();
  return n + s.companies.length + s.people.length + s.figures.length + s.moves.length;
}

/** The two recognisers the engine calls on every block, alone: where the engine's time goes. */
function dictionaryOnly(d: Doc): number {
  let n = findDictionaryCompanies(d.title).length;
  for (const b of d.blocks) n += findDictionaryCompanies(b).length;
  return n;
}
function figuresOnly(d: Doc): number {
  let n = findFigures(d.title).length;
  for (const b of d.blocks) n += findFigures(b).length;
  return n;
}

function theirs(d: Doc): number {
  const text = [d.title, ...d.blocks].join('\n\n');
  const doc = nlp(text);
  return doc.organizations().out('array').length + doc.people().out('array').length +
    doc.money().out('array').length + doc.percentages().out('array').length;
}

const ENGINES: Record<Engine, (d: Doc) => number> = { ours, theirs, dictionary: dictionaryOnly, figures: figuresOnly };

/**
 * Heap kept per scanned document (summaries computed), HELD_COPIES copies of each held at once, after one
 * scan of them (what the engine builds once per process is not the documents'). The copies make what the
 * documents keep large against the heap's own noise (one copy of the corpus keeps ~100 KB, and the
 * measure of it varied by as much). Needs --expose-gc.
 */
const HELD_COPIES = 20;
function retainedHeap(docs: Doc[]): number {
  const gc = (globalThis as { gc?: () => void }).gc!;
  for (const d of docs) ours(d);
  gc(); gc();
  const before = process.memoryUsage().heapUsed;
  const held = Array.from({ length: HELD_COPIES }, () => docs).flat().map((d) => {
    const doc = createDocument({ title: d.title });
    for (const b of d.blocks) doc.addBlock(b);
    doc.summary();
    return doc;
  });
  gc(); gc();
  const after = process.memoryUsage().heapUsed;
  if (held.length < 0) console.log(held); // keep them alive until measured
  return (after - before) / HELD_COPIES;
}

/**
 * The child's side: answers { round } with one timed round over the documents, { turnMs } with
 * the mean of rounds back to back for that long ({ primed } first runs one untimed), { warm: n }
 * with n rounds then one timed, { heap } with the heap the documents keep.
 */
export function serve(engine: Engine, docs: Doc[]): void {
  const fn = ENGINES[engine];
  // What each engine does once before its first page (our content script runs the same warm-up while it
  // waits for its settings; compromise builds its lexicon on first use), so the cold round is a first page.
  if (engine === 'theirs') theirs({ name: '', title: 'Apple rose 2%', blocks: ['Jane Doe said Apple made $4bn.'], words: 7 });
  else drain(warmUpSteps());
  const once = (): Round => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const d of docs) fn(d);
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return { wall, cpu: (c.user + c.system) / 1000 };
  };
  /** Rounds back to back until `ms` have passed: their mean (each engine's turn lasts about as long). */
  const turn = (ms: number): Round => {
    const sum = { wall: 0, cpu: 0 };
    let n = 0;
    while (sum.wall < ms) {
      const r = once();
      sum.wall += r.wall;
      sum.cpu += r.cpu;
      n++;
    }
    return { wall: sum.wall / n, cpu: sum.cpu / n };
  };
  process.on('message', (m: { warm?: number; round?: boolean; primed?: boolean; turnMs?: number; heap?: boolean }) => {
    if (m.heap) return void process.send!({ heap: retainedHeap(docs) });
    if (m.warm !== undefined) for (let i = 0; i < m.warm; i++) once();
    // A primed round follows an untimed one of the same engine: the processes take turns, and an engine
    // timed right after another process's turn ran on caches that process had flushed (measured: 25% slower
    // for both engines after a 450 ms gap; ours waits longer for its turn than compromise does).
    if (m.primed) once();
    process.send!(m.turnMs ? turn(m.turnMs) : once());
  });
}

// Run as a child of the bench (bundled): node engines.mjs --engine ours --corpus docs.json
const at = process.argv.indexOf('--engine');
if (at > 0 && process.send) {
  const corpus = process.argv[process.argv.indexOf('--corpus') + 1];
  void import('node:fs').then(({ readFileSync }) => serve(process.argv[at + 1] as Engine, JSON.parse(readFileSync(corpus, 'utf8')) as Doc[]));
}
