// Self-check of the figure recognisers alone against the corpus gold:
//   npx tsx test/tools/figures-eval.ts [corpus-dir] [--verbose] [--detector]
// For .html it takes the h1 and a Readability body (via linkedom), which keeps
// some boilerplate the real article detector would drop and may drop a little body; it measures
// the recognisers, not the engine. Matching follows the scorer: money = same
// currency and value within 0.5%, percent = value within 0.001, one-to-one,
// distinct values per document, optional gold neither right nor wrong.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { blockText, detectArticle } from '../../src/article/index.ts';
import { findFigures } from '../../src/extract/figures.ts';
import type { Figure } from '../../src/extract/types.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
/** --detector: take the body from our own src/article detector instead of Readability. */
const useDetector = args.includes('--detector');
const dir = args.find((a) => !a.startsWith('--')) ?? '../shared/corpus';

function blocks(file: string): string[] {
  const raw = readFileSync(file, 'utf8');
  if (file.endsWith('.txt')) return raw.split(/\n/);
  const { document } = parseHTML(raw);
  if (useDetector) {
    const body = detectArticle(document as unknown as Document);
    return [body.title, ...body.blocks.map((b) => blockText(b))];
  }
  // Readability stands in for the article detector: close enough to keep teasers out.

  const title = document.querySelector('h1')?.textContent ?? '';
  const article = new Readability(document as unknown as Document).parse();
  const body = parseHTML(`<html><body>${article?.content ?? ''}</body></html>`).document;
  const leaves = [...body.querySelectorAll('p, li, h2, h3, div, td')].filter((e) => !e.querySelector('p, li, div, td'));
  return [title, ...leaves.map((e) => e.textContent ?? '')];
}

const same = (a: Figure, b: Figure) =>
  a.kind === b.kind &&
  (a.kind === 'percent' ? Math.abs(a.value - b.value) <= 0.001 : a.currency === b.currency && Math.abs(a.value - b.value) <= Math.abs(b.value) * 0.005);

const totals: Record<string, { tp: number; pred: number; gold: number }> = { money: { tp: 0, pred: 0, gold: 0 }, percent: { tp: 0, pred: 0, gold: 0 } };
for (const name of readdirSync(dir).filter((f) => /\.(html|txt)$/.test(f)).sort()) {
  const gold = JSON.parse(readFileSync(join(dir, name.replace(/\.(html|txt)$/, '.gold.json')), 'utf8'));
  const goldFigs: Figure[] = gold.figures.filter((f: Figure) => f.kind === 'money' || f.kind === 'percent');
  const optional: Figure[] = gold.optional?.figures ?? [];
  const preds: Figure[] = [];
  for (const b of blocks(join(dir, name))) {
    for (const s of findFigures(b)) {
      const f = s.figure;
      const dup = preds.some((p) => p.kind === f.kind && p.currency === f.currency && p.value === f.value);
      if ((f.kind === 'money' || f.kind === 'percent') && !dup) preds.push(f);
    }
  }
  const used = new Set<number>();
  for (const kind of ['money', 'percent'] as const) {
    const ps = preds.filter((p) => p.kind === kind);
    const gs = goldFigs.filter((g) => g.kind === kind);
    let tp = 0;
    let counted = 0;
    for (const p of ps) {
      const gi = gs.findIndex((g) => !used.has(goldFigs.indexOf(g)) && same(p, g));
      if (gi >= 0) {
        used.add(goldFigs.indexOf(gs[gi]));
        tp++;
        counted++;
      } else if (optional.some((o) => same(p, o))) {
        continue;
      } else {
        counted++;
        if (verbose) console.log(`  FP ${name}: ${p.text} ${p.value} ${p.currency ?? ''}`);
      }
    }
    for (const g of gs) if (verbose && !used.has(goldFigs.indexOf(g))) console.log(`  FN ${name}: ${g.text} ${g.value} ${g.currency ?? ''}`);
    totals[kind].tp += tp;
    totals[kind].pred += counted;
    totals[kind].gold += gs.length;
  }
}
for (const [kind, t] of Object.entries(totals)) {
  const p = t.tp / t.pred;
  const r = t.tp / t.gold;
  console.log(`${kind}: P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${((2 * p * r) / (p + r)).toFixed(3)} (tp ${t.tp}, pred ${t.pred}, gold ${t.gold})`);
}
