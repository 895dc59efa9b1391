// The store's figures in a real browser: headless Chromium with the built
// extension, driven from an extension page through runtime messages, so each
// figure includes validation, routing and real IndexedDB in the service worker.
// The library is 1,000 pages built from the gold summaries of ../shared/corpus.
//
//   npx tsx test/bench/store-browser.ts [--pages N]     (after `npm run build`, or NEWSMARK_DIST=...)
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/browsers.ts';

const CORPUS = resolve(fileURLToPath(import.meta.url), '../../../../shared/corpus');
const arg = process.argv.indexOf('--pages');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 1000;

const summaries = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.gold.json'))
  .map((f) => {
    const g = JSON.parse(readFileSync(join(CORPUS, f), 'utf8'));
    return {
      title: g.title ?? f,
      companies: (g.companies ?? []).map((c: object) => ({ aliases: [], mentions: 1, ...c })),
      people: (g.people ?? []).map((p: object) => ({ aliases: [], mentions: 1, ...p })),
      figures: (g.figures ?? []).map((x: object) => ({ mentions: 1, ...x })),
      moves: g.moves ?? [],
      keySentences: (g.moves ?? []).slice(0, 3).map((m: { text: string }) => m.text),
      words: 800,
    };
  });

const PAGE_CODE = `async ({ n, summaries }) => {
      const send = (m) => globalThis.chrome.runtime.sendMessage(m);
      const t = () => performance.now();
      const out = {};
      let t0 = t();
      for (let i = 0; i < n; i++) {
        const url = \`https://news\${i % 7}.example.com/story/\${i}\`;
        const summary = summaries[i % summaries.length];
        const r = await send({ type: 'page/save', page: { url, canonicalUrl: url, title: \`\${summary.title} #\${i}\`, site: \`news\${i % 7}.example.com\`, isArticle: true, reason: 'bench' }, summary });
        if (!r.ok) throw new Error(r.error);
      }
      out.saveAll = t() - t0;
      t0 = t();
      await Promise.all(Array.from({ length: 100 }, (_, i) => send({ type: 'page/save', page: { url: \`https://news0.example.com/story/\${i % 10}\`, canonicalUrl: \`https://news0.example.com/story/\${i % 10}\`, title: 'x', site: 'news0.example.com', isArticle: true, reason: 'bench' }, summary: summaries[(i + 3) % summaries.length] })));
      out.concurrent100 = t() - t0;
      t0 = t();
      await send({ type: 'library/list', limit: 100 });
      out.list100 = t() - t0;
      t0 = t();
      await send({ type: 'library/list', limit: 1000 });
      out.list1000 = t() - t0;
      t0 = t();
      await send({ type: 'library/company', name: 'Tencent Holdings' });
      out.company = t() - t0;
      t0 = t();
      await send({ type: 'library/list', text: 'shares', limit: 50 });
      out.searchFirst = t() - t0;
      const queries = ['oil price', 'bank', 'percent', 'takeover bid', 'billion'];
      t0 = t();
      for (const q of queries) await send({ type: 'library/list', text: q, limit: 50 });
      out.searchWarm = (t() - t0) / queries.length;
      for (const format of ['markdown', 'csv', 'json']) {
        t0 = t();
        const r = await send({ type: 'data/export', format });
        out[\`export_\${format}\`] = t() - t0;
        out[\`export_\${format}_MB\`] = r.value.text.length / 1e6;
      }
      const backup = (await send({ type: 'data/export', format: 'json' })).value.text;
      t0 = t();
      await send({ type: 'data/import', text: backup });
      out.reimport = t() - t0;
      return out;
    }`;

const run = await launchChromium();
try {
  const page = await run.openExtensionPage('src/ui/popup/index.html');
  // Page code goes in as a string: tsx's helpers (__name) do not exist in the page.
  const code = `(${PAGE_CODE})(${JSON.stringify({ n: N, summaries })})`;
  const figures = (await page.evaluate(code)) as Record<string, number>;
  console.log(`Store in headless Chromium through runtime messages, ${N} pages:`);
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(20)} ${v.toFixed(k.endsWith('MB') ? 1 : 1)}${k.endsWith('MB') ? ' MB' : ' ms'}`);
  console.log(`  per save             ${(figures.saveAll / N).toFixed(2)} ms`);
} finally {
  await run.close();
}
