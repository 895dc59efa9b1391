// Benchmark of the library store (issue 4) in fake-indexeddb: saving, listing,
// searching, the company view, export and import of a 1,000-page library built
// from the gold summaries of ../shared/corpus (each used under many URLs).
// Each figure stands beside a baseline run the same way in the same process:
//   save      read-merge-write transaction  vs  a blind put (what we refuse to do: it loses mentions)
//   list      readAt cursor, newest 100     vs  getAll + sort
//   company   multiEntry index              vs  getAll + filter on summaries
//   search    MiniSearch (warm)             vs  lowercase substring scan over every record
//
//   npx tsx test/bench/store.ts [--pages N]
// fake-indexeddb is far slower than a browser's IndexedDB; read the ratios, not the absolute times.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageSummary } from '../../src/extract/types.ts';
import { companyKey, companyKeys } from '../../src/store/company-key.ts';
import { exportLibrary } from '../../src/store/export-library.ts';
import { importBackup } from '../../src/store/import-backup.ts';
import { companyView, listPages } from '../../src/store/library.ts';
import { openNewsmarkDb } from '../../src/store/open-db.ts';
import { savePage } from '../../src/store/pages.ts';
import { createLibrarySearch } from '../../src/store/search-index.ts';

const CORPUS = resolve(fileURLToPath(import.meta.url), '../../../../shared/corpus');
const arg = process.argv.indexOf('--pages');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 1000;

function summaries(): PageSummary[] {
  const out: PageSummary[] = [];
  for (const f of readdirSync(CORPUS).filter((f) => f.endsWith('.gold.json'))) {
    const g = JSON.parse(readFileSync(join(CORPUS, f), 'utf8'));
    out.push({
      title: g.title ?? f,
      companies: (g.companies ?? []).map((c: { name: string; aliases?: string[]; mentions?: number; ticker?: string }) => ({ aliases: [], mentions: 1, ...c })),
      people: (g.people ?? []).map((p: { name: string }) => ({ aliases: [], mentions: 1, ...p })),
      figures: (g.figures ?? []).map((x: object) => ({ mentions: 1, ...x })),
      moves: g.moves ?? [],
      keySentences: (g.moves ?? []).slice(0, 3).map((m: { text: string }) => m.text),
      words: 800,
    });
  }
  return out;
}

const ms = (t: number) => `${t.toFixed(1)} ms`;
async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}
function row(what: string, ours: number, base: number | null, note = '') {
  const ratio = base === null ? '' : `  ratio ${(ours / base).toFixed(2)}`;
  console.log(`${what.padEnd(44)} ${ms(ours).padStart(11)}${base === null ? '' : `  baseline ${ms(base).padStart(11)}`}${ratio}  ${note}`);
}

const all = summaries();
const pageOf = (i: number) => {
  const url = `https://news${i % 7}.example.com/story/${i}`;
  return { url, canonicalUrl: url, title: `${all[i % all.length].title} #${i}`, site: `news${i % 7}.example.com`, isArticle: true, reason: 'bench' };
};
const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 3_600_000);

console.log(`Store benchmark: ${N} pages, ${all.length} distinct gold summaries, fake-indexeddb`);
const db = await openNewsmarkDb(`bench-${Date.now()}`);
const base = await openNewsmarkDb(`bench-base-${Date.now()}`);

const [tSave] = await time(async () => {
  for (let i = 0; i < N; i++) await savePage(db, pageOf(i), all[i % all.length], day(i));
});
const [tPut] = await time(async () => {
  for (let i = 0; i < N; i++) {
    const p = pageOf(i);
    const s = all[i % all.length];
    await base.put('pages', { ...p, id: p.canonicalUrl, readAt: day(i).toISOString(), savedAt: day(i).toISOString(), summary: s, companyKeys: companyKeys(s.companies) });
  }
});
row(`save ${N} pages, one after another`, tSave, tPut, `(${(tSave / N).toFixed(2)} ms per save)`);

const [tUpd] = await time(() => Promise.all(Array.from({ length: 100 }, (_, i) => savePage(db, pageOf(i % 10), all[(i + 3) % all.length], day(N + i)))));
row('100 concurrent updates of 10 pages', tUpd, null);

const [tList, first] = await time(() => listPages(db, { limit: 100 }));
const [tListBase] = await time(async () => (await db.getAll('pages')).sort((a, b) => (a.readAt < b.readAt ? 1 : -1)).slice(0, 100));
row('list newest 100', tList, tListBase, `(${first.length} pages)`);
const [tListAll] = await time(() => listPages(db, { limit: 1000 }));
row('list newest 1000', tListAll, null);

const name = all.flatMap((s) => s.companies).find(Boolean)?.name ?? 'Alibaba';
const key = companyKey(name);
const [tCo, view] = await time(() => companyView(db, name));
const [tCoBase] = await time(async () => (await db.getAll('pages')).filter((p) => p.summary.companies.some((c) => companyKey(c.name) === key)));
row(`company view "${name}"`, tCo, tCoBase, `(${view.pages.length} pages, ${view.moves.length} moves)`);

const search = createLibrarySearch();
const [tBuild] = await time(() => search.search(db, 'shares'));
row('search: first query (builds the index)', tBuild, null);
const queries = ['shares', 'oil price', 'bank', 'percent', 'takeover bid', 'billion'];
let tWarm = 0;
let tScan = 0;
let hits = 0;
for (const q of queries) {
  const [t, ids] = await time(() => listPages(db, { text: q, limit: 50 }, search));
  tWarm += t;
  hits += ids.length;
  const [s] = await time(async () => {
    const words = q.toLowerCase().split(' ');
    return (await db.getAll('pages')).filter((p) => {
      const text = `${p.title} ${JSON.stringify(p.summary)}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
  });
  tScan += s;
}
let tIndexOnly = 0;
for (const q of queries) tIndexOnly += (await time(() => search.search(db, q)))[0];
row('search: MiniSearch alone, per query (warm)', tIndexOnly / queries.length, null);
row(`search: ${queries.length} queries, top 50 each (warm)`, tWarm / queries.length, tScan / queries.length, `(per query; ${hits} results)`);
search.touch(pageOf(1).canonicalUrl);
const [tPatch] = await time(() => search.search(db, 'shares'));
row('search after one page changed (patch + query)', tPatch, null);

for (const format of ['markdown', 'csv', 'json'] as const) {
  const [t, out] = await time(() => exportLibrary(db, format, undefined, new Date()));
  row(`export ${format}`, t, null, `(${(out.text.length / 1e6).toFixed(1)} MB)`);
}
const backup = (await exportLibrary(db, 'json', undefined, new Date())).text;
const fresh = await openNewsmarkDb(`bench-import-${Date.now()}`);
const [tImp] = await time(() => importBackup(fresh, backup));
const [tImp2, again] = await time(() => importBackup(fresh, backup));
row('import backup into an empty library', tImp, null);
row('import the same backup again (merge)', tImp2, null, `(${again.newPages} new pages)`);
