// Benchmark of the extraction engine (issue 2): throughput in ms per 1,000
// words on the corpus texts (../shared/corpus, HTML through the same body
// detection as the CLI), side by side in the same run with the `compromise`
// NLP library doing .organizations() .people() .money() .percentages() on
// the same texts. Each engine runs in its own process: a cold round, warm-up, then rounds
// interleaved with the other engines'; the median round counts, in wall time
// and in the process's CPU time (on a shared, overloaded box wall time mostly
// measures waiting for a core). Also the heap a scanned document keeps (all
// corpus documents held at once, after the engine's one-off tables are built).
//
//   npx tsx test/bench/extract.ts [--rounds N] [--warm N]     (also run by `npm run bench`)
import { type ChildProcess, fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import nlp from 'compromise';
import { parseHTML } from 'linkedom';
import { blockText, detectArticle } from '../../src/article/index.ts';
import { findDictionaryCompanies } from '../../src/extract/company-dictionary.ts';
import { findFigures } from '../../src/extract/figures.ts';
import { createDocument, warmUpSteps } from '../../src/extract/index.ts';
import { drain } from '../../src/extract/steps.ts';

const CORPUS = resolve(fileURLToPath(import.meta.url), '../../../../shared/corpus');

interface Doc { name: string; title: string; blocks: string[]; words: number }

export function loadCorpus(): Doc[] {
  return readdirSync(CORPUS).filter((f) => /\.(html|txt)$/.test(f)).sort().map((f) => {
    const raw = readFileSync(join(CORPUS, f), 'utf8');
    let title = '';
    let blocks: string[];
    if (f.endsWith('.html')) {
      const { document } = parseHTML(raw);
      const a = detectArticle(document as unknown as Document);
      title = a.title;
      blocks = a.blocks.map(blockText).filter(Boolean);
    } else {
      blocks = raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    }
    const words = [title, ...blocks].join(' ').split(/\s+/).filter(Boolean).length;
    return { name: f, title, blocks, words };
  });
}

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

type Engine = 'ours' | 'theirs' | 'dictionary' | 'figures';
const ENGINES: Record<Engine, (d: Doc) => number> = { ours, theirs, dictionary: dictionaryOnly, figures: figuresOnly };
interface Round { wall: number; cpu: number }

/**
 * Each engine runs in its own node process, so that neither pays for the other's garbage or
 * heap growth, and its CPU time is its own (process.cpuUsage of that process: JIT and GC helper
 * threads included). Rounds are interleaved (one round of each engine in turn), so that both see
 * the same machine load on a shared box. Each process first runs one cold round (one engine at
 * a time: fresh code, the dictionary's lazy index, compromise's lexicon), reported apart; then
 * warms up (JIT tiers) until a round costs what the next one does: about 30 rounds of this
 * corpus for our engine (measured: rounds 10-20 still cost 1.5-4x a steady round when run
 * back to back). The median steady round is the throughput the issue asks for; the cold round
 * (after each engine's one-time set-up) is closer to the first page a fresh tab scans.
 */
async function timeRounds(engines: Engine[], rounds: number, warm: number): Promise<{ cold: Round[]; steady: Round[][] }> {
  const kids = engines.map((e) => fork(fileURLToPath(import.meta.url), ['--engine', e], { execArgv: ['--import', 'tsx'] }));
  const ask = (k: ChildProcess, msg: object) => new Promise<Round>((done, fail) => {
    k.once('message', (m) => done(m as Round));
    k.once('error', fail);
    k.send(msg);
  });
  try {
    const cold: Round[] = [];
    for (const k of kids) cold.push(await ask(k, { round: true }));
    await Promise.all(kids.map((k) => ask(k, { warm })));
    const steady: Round[][] = engines.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < kids.length; i++) steady[i].push(await ask(kids[i], { round: true }));
    }
    return { cold, steady };
  } finally {
    for (const k of kids) k.kill();
  }
}

/** The child's side: load the corpus, then answer { warm: n } and { round } messages with one timed round. */
function serve(engine: Engine): void {
  const fn = ENGINES[engine];
  const docs = loadCorpus();
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
  process.on('message', (m: { warm?: number; round?: boolean }) => {
    if (m.warm !== undefined) for (let i = 0; i < m.warm; i++) once();
    process.send!(once());
  });
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function gcFn(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

/**
 * Heap kept by scanned documents (summaries computed), all corpus documents held at once.
 * The engine is warmed up first (one scan of the corpus), so that what the engine builds once
 * per process (the dictionary's lazily built index, its lookup caches) is not counted as kept
 * by the documents.
 */
function retainedHeap(docs: Doc[]): number | undefined {
  const gc = gcFn();
  if (!gc) return undefined;
  for (const d of docs) ours(d);
  gc(); gc();
  const before = process.memoryUsage().heapUsed;
  const held = docs.map((d) => {
    const doc = createDocument({ title: d.title });
    for (const b of d.blocks) doc.addBlock(b);
    doc.summary();
    return doc;
  });
  gc(); gc();
  const after = process.memoryUsage().heapUsed;
  if (held.length < 0) console.log(held); // keep them alive until measured
  return after - before;
}

export async function run(): Promise<void> {
  const arg = process.argv.indexOf('--rounds');
  const rounds = arg > 0 ? Number(process.argv[arg + 1]) : 15;
  const warmArg = process.argv.indexOf('--warm');
  const warm = warmArg > 0 ? Number(process.argv[warmArg + 1]) : 40;
  const docs = loadCorpus();
  const words = docs.reduce((a, d) => a + d.words, 0);
  const { cold, steady } = await timeRounds(['ours', 'theirs', 'dictionary', 'figures'], rounds, warm);
  const [a, b, dict, figs] = steady.map((rs) => ({ wall: rs.map((r) => r.wall), cpu: rs.map((r) => r.cpu) }));
  const perK = (ms: number) => (ms / words) * 1000;
  const oursK = perK(median(a.wall));
  const theirsK = perK(median(b.wall));
  const oursCpuK = perK(median(a.cpu));
  const theirsCpuK = perK(median(b.cpu));
  const heap = retainedHeap(docs);
  console.log(`\nExtraction: ${docs.length} corpus documents, ${words} words; each engine in its own process, median of ${rounds} interleaved rounds after ${warm} warm-up rounds`);
  console.log('engine                         ms/1,000 words   words/s      total ms/round   CPU ms/1,000 words');
  const row = (name: string, r: { wall: number[]; cpu: number[] }) => {
    const k = perK(median(r.wall));
    console.log(`${name.padEnd(30)} ${k.toFixed(3).padStart(14)}   ${Math.round(1000 * 1000 / k).toLocaleString('en').padStart(10)}   ${median(r.wall).toFixed(1).padStart(14)}   ${perK(median(r.cpu)).toFixed(3).padStart(18)}`);
  };
  row('newsmark (createDocument)', a);
  row('  of which: company dictionary', dict);
  row('  of which: figures', figs);
  row('compromise (orgs/people/$/%)', b);
  console.log(`speed ratio: newsmark is ${(theirsK / oursK).toFixed(1)}x faster than compromise in wall time, ${(theirsCpuK / oursCpuK).toFixed(1)}x in CPU time (target >= 50x)`);
  console.log(`cold (each engine's first round after its one-time set-up, in a fresh process, one engine at a time): newsmark ${perK(cold[0].wall).toFixed(2)} ms/1,000 words, compromise ${perK(cold[1].wall).toFixed(2)}: ${(cold[1].wall / cold[0].wall).toFixed(1)}x`);
  if (heap !== undefined) console.log(`heap kept by ${docs.length} scanned documents: ${(heap / 1024).toFixed(0)} KiB (${(heap / words).toFixed(0)} bytes per word)`);
}

const child = process.argv.indexOf('--engine');
if (child > 0 && process.send) serve(process.argv[child + 1] as Engine);
else if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void run();
