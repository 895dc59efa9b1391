// Benchmark of article-body detection (issue 7): on every saved page of
// ../shared/pages, our detectArticle against Mozilla Readability on the same
// DOM implementation (linkedom), side by side: time per page and body F1 with
// the metric of ../shared/tools/body-score.mjs (word 4-gram shingles, per-page
// normalised tp/fp/fn, precision and recall averaged over pages).
//
//   npx tsx test/bench/article.ts [--quick] [--verbose]     (also run by `npm run bench`)
//
// Parsing is timed separately and excluded from both. Readability mutates the
// document it reads, so it gets a fresh clone each run; the clone time is
// reported on its own and included in its total (the content script could not
// run it without one).
//
// Second table (issue 3, no main-thread task over 16 ms): detectArticleSteps,
// the steppable detection the content script runs in slices. Per page, and on
// the generated articles of browser.ts (50,000 words, and 700,000 words: a
// 5 MB page): detectArticle (the generator drained at once, as the CLI runs it)
// against the sum of the steps of detectArticleSteps (as the content script
// runs it, with the checks for a page changed between steps), the number of
// steps, and the largest work between two yields, as the median over runs of
// each run's largest step and as the largest of each step's fastest run
// (steady work, without garbage collection or machine load).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { blockText, detectArticle, detectArticleSteps } from '../../src/article/index.ts';
import { generateArticle } from './browser.ts';

const PAGES = resolve(fileURLToPath(import.meta.url), '../../../../shared/pages');

const tokens = (s: string): string[] => s.match(/[\p{L}\p{N}_]+/gu) ?? [];

function shingles(text: string, n = 4): Map<string, number> {
  const t = tokens(text);
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, t.length - n + 1); i++) {
    const key = t.slice(i, i + n).join('\u0001');
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Normalised [tp, fp, fn] of one page, as body-score.mjs computes it. */
export function compare(truth: string, pred: string): [number, number, number] {
  const a = shingles(truth), b = shingles(pred);
  let tp = 0, fp = 0, fn = 0;
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key) ?? 0, y = b.get(key) ?? 0;
    tp += Math.min(x, y); fp += Math.max(0, y - x); fn += Math.max(0, x - y);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

const precision = ([tp, fp, fn]: number[]) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
const recall = ([tp, fp, fn]: number[]) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Corpus F1 of body-score.mjs from per-page [tp, fp, fn]. */
export function corpusF1(cs: [number, number, number][]): { p: number; r: number; f1: number } {
  const p = mean(cs.filter((c) => c[0] + c[1] > 0).map(precision));
  const r = mean(cs.filter((c) => c[0] + c[2] > 0).map(recall));
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** The body as the CLI prints it: one paragraph per line of each block, blank lines between. */
export function bodyOf(doc: Document): string {
  return detectArticle(doc).blocks.flatMap((b) => blockText(b).split('\n')).filter(Boolean).join('\n\n');
}

const timed = (fn: () => void): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const runs = quick ? 1 : 7;
  const names = readdirSync(PAGES).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, '')).sort();
  const rows: string[] = [];
  const ours: [number, number, number][] = [];
  const theirs: [number, number, number][] = [];
  let tParse = 0, tOurs = 0, tClone = 0, tTheirs = 0;
  for (const name of names) {
    const html = readFileSync(join(PAGES, `${name}.html`), 'utf8');
    const truth = readFileSync(join(PAGES, `${name}.expected.txt`), 'utf8');
    const t0 = performance.now();
    const doc = parseHTML(html).document as unknown as Document;
    const parse = performance.now() - t0;
    let body = '';
    let text = '';
    // Interleaved runs, so a burst of load on the machine hits both sides alike.
    const t: number[][] = [[], [], []];
    for (let r = 0; r < runs; r++) {
      t[0].push(timed(() => { body = bodyOf(doc); }));
      t[1].push(timed(() => { doc.cloneNode(true); }));
      t[2].push(timed(() => { text = new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? ''; }));
    }
    const [mine, clone, readability] = t.map(median);
    const c1 = compare(truth, body), c2 = compare(truth, text);
    ours.push(c1); theirs.push(c2);
    tParse += parse; tOurs += mine; tClone += clone; tTheirs += readability;
    rows.push([name.padEnd(18), parse.toFixed(1).padStart(7), mine.toFixed(2).padStart(7), clone.toFixed(1).padStart(7),
      readability.toFixed(1).padStart(8), (readability / mine).toFixed(1).padStart(6),
      `${precision(c1).toFixed(3)}/${recall(c1).toFixed(3)}`.padStart(12), `${precision(c2).toFixed(3)}/${recall(c2).toFixed(3)}`.padStart(12)].join(' '));
  }
  const a = corpusF1(ours), b = corpusF1(theirs);
  console.log('article body detection vs @mozilla/readability, linkedom, ms per page (median of %d runs)', runs);
  console.log(['page'.padEnd(18), 'parse'.padStart(7), 'ours'.padStart(7), 'clone'.padStart(7), 'readab.'.padStart(8), 'ratio'.padStart(6), 'ours P/R'.padStart(12), 'read. P/R'.padStart(12)].join(' '));
  for (const r of rows) console.log(r);
  console.log(`total: parse ${tParse.toFixed(0)} ms, ours ${tOurs.toFixed(1)} ms, Readability ${tTheirs.toFixed(0)} ms (of which clone ${tClone.toFixed(0)} ms)`);
  console.log(`speed: ours is ${(tTheirs / tOurs).toFixed(1)}x faster than Readability with its clone, ${((tTheirs - tClone) / tOurs).toFixed(1)}x without`);
  console.log(`F1: ours ${a.f1.toFixed(3)} (P ${a.p.toFixed(3)} R ${a.r.toFixed(3)}), Readability ${b.f1.toFixed(3)} (P ${b.p.toFixed(3)} R ${b.r.toFixed(3)})`);
  runSteps(names, quick ? 3 : 15);
}

/** Times each step of one run: [time of each next() call]. */
function stepTimes(doc: Document): number[] {
  const steps = detectArticleSteps(doc);
  const times: number[] = [];
  for (;;) {
    const t0 = performance.now();
    const r = steps.next();
    times.push(performance.now() - t0);
    if (r.done) return times;
  }
}

function runSteps(names: string[], runs: number): void {
  const pages = names.map((name) => [name, readFileSync(join(PAGES, `${name}.html`), 'utf8')]);
  pages.push(['generated-50k-words', generateArticle(50_000).html], ['generated-700k-words', generateArticle(700_000).html]);
  console.log('\ndetectArticleSteps on linkedom, ms (median of %d runs): detectArticle vs the sum of the steps', runs);
  console.log(['page'.padEnd(20), 'detect'.padStart(8), 'stepped'.padStart(9), 'ratio'.padStart(6), 'steps'.padStart(6), 'largest step'.padStart(13), 'steady'.padStart(7)].join(' '));
  let tDrained = 0, tStepped = 0, worst = 0, worstSteady = 0, worstPage = '';
  for (const [name, html] of pages) {
    const doc = parseHTML(html).document as unknown as Document;
    const drained: number[] = [], stepped: number[] = [], largest: number[] = [];
    let fastest: number[] = [];
    for (let r = 0; r < runs; r++) {
      drained.push(timed(() => detectArticle(doc)));
      const times = stepTimes(doc);
      stepped.push(times.reduce((a, b) => a + b, 0));
      largest.push(Math.max(...times));
      fastest = times.map((t, i) => Math.min(t, fastest[i] ?? Infinity));
    }
    const [d, o, l] = [drained, stepped, largest].map(median);
    const steady = Math.max(...fastest);
    tDrained += d; tStepped += o;
    if (l > worst) { worst = l; worstPage = name; }
    worstSteady = Math.max(worstSteady, steady);
    console.log([name.padEnd(20), d.toFixed(2).padStart(8), o.toFixed(2).padStart(9), (o / d).toFixed(2).padStart(6), String(fastest.length).padStart(6),
      l.toFixed(2).padStart(13), steady.toFixed(2).padStart(7)].join(' '));
  }
  console.log(`total: detectArticle ${tDrained.toFixed(1)} ms, stepped ${tStepped.toFixed(1)} ms (ratio ${(tStepped / tDrained).toFixed(3)}); largest step ${worst.toFixed(2)} ms (${worstPage}), steady ${worstSteady.toFixed(2)} ms`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void run();
