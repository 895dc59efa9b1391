// Browser part of `npm run bench`: what the content script costs a reader, in
// headless Chromium, on generated business articles of 1,000, 10,000 and
// 50,000 words. Side by side in the same run:
//   plain     the page without any extension (baseline for main-thread time)
//   newsmark  the page with the built extension
//   mark.js   the page without the extension, highlighted by mark.js wrapping
//             the same terms in <mark> elements (the classic DOM approach)
// Per run: time to first highlight, main-thread time spent (CDP TaskDuration
// minus the plain page's), and the longest task (ours from the content
// script's own slice measures; the page's from CDP tracing is not needed:
// mark.js runs as one synchronous task, so its task is its whole time).
// The content script's figures come from its test-only User Timing hook
// (src/page/bench-hook.ts), switched on by <meta name="newsmark-bench">.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { buildOnce, launchChromium, repoRoot, serveFolder } from '../e2e/browsers.ts';

const PORT = 8150;
const SIZES = [1_000, 10_000, 50_000];

// ------------------------------------------------------------ article generator

const COMPANIES = ['Alibaba', 'Tencent', 'JD.com', 'HSBC', 'Toyota', 'Meituan', 'Xiaomi', 'Nvidia', 'Apple', 'Microsoft', 'Shell', 'BP', 'Barclays', 'Sony'];
const PEOPLE = ['Eddie Wu', 'Joe Tsai', 'Jensen Huang', 'Tim Cook', 'Satya Nadella', 'Noel Quinn', 'Akio Toyoda', 'Lei Jun'];
const VERBS_UP = ['rose', 'jumped', 'climbed', 'gained', 'surged'];
const VERBS_DOWN = ['fell', 'slipped', 'dropped', 'declined', 'slumped'];
const FILLER = [
  'Analysts said the outlook for the rest of the year remained uncertain, with demand in China still uneven and costs rising across the industry.',
  'The company declined to comment on the report, which cited people familiar with the matter who asked not to be named because the talks were private.',
  'Investors have been weighing the prospect of lower interest rates against signs that consumer spending is slowing in several large economies.',
  'Executives told analysts on a conference call that they expected margins to improve as new products reached more customers next year.',
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function generateArticle(words: number, seed = 7): { html: string; terms: string[] } {
  const r = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const paras: string[] = [];
  let count = 0;
  while (count < words) {
    const c = pick(COMPANIES);
    const p = pick(PEOPLE);
    const up = r() > 0.5;
    const pct = (r() * 12).toFixed(1);
    const bn = (1 + r() * 90).toFixed(1);
    const text = `Shares of ${c} ${pick(up ? VERBS_UP : VERBS_DOWN)} ${pct} percent on ${pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])} after the group reported quarterly revenue of US$${bn} billion. ${p} said the company would keep investing. ${pick(FILLER)}`;
    paras.push(`<p>${text}</p>`);
    count += text.split(/\s+/).length;
  }
  const terms = [...COMPANIES, ...PEOPLE];
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="newsmark-bench" content="1">
<title>Markets wrap: ${words} words</title>
<meta property="og:type" content="article">
<style>body{font:17px/1.6 Georgia,serif;margin:0}main{max-width:680px;margin:24px auto}nav,footer{padding:12px;background:#eee;font:14px sans-serif}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/companies">Companies</a></nav>
<main><article><h1>Markets wrap: Asian and European stocks in a busy week</h1>
<div class="article-body">
${paras.join('\n')}
</div></article></main>
<footer>© 2026 Bench Ledger. Market data delayed.</footer>
</body></html>`;
  return { html, terms };
}

// ------------------------------------------------------------ measurements

interface Measure {
  variant: 'plain' | 'newsmark' | 'mark.js';
  words: number;
  /** ms from the script's start to the first highlight (newsmark) or to mark.js finishing. */
  firstHighlight?: number;
  /** ms from navigation start to the first highlight. */
  firstHighlightSinceNav?: number;
  /** ms from navigation start until everything is highlighted. */
  done?: number;
  /** Renderer main-thread task time (CDP TaskDuration), ms. */
  taskMs: number;
  /** Our own work: sum of slices (newsmark) or mark.js's run. */
  ownMs?: number;
  /** Longest single task of ours. */
  longestMs?: number;
  slices?: number;
  highlighted?: number;
}

const sessions = new WeakMap<Page, import('playwright-core').CDPSession>();

/** Renderer main-thread task time of the page so far (CDP Performance domain), ms. */
async function taskDuration(page: Page): Promise<number> {
  const { metrics } = (await sessions.get(page)!.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

async function openWithMetrics(context: import('playwright-core').BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  sessions.set(page, cdp);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(): Promise<Measure[]> {
  // Measure the code as it is now, not a stale build.
  buildOnce({ force: true });
  const markJs = readFileSync(join(repoRoot, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const server = await serveFolder(join(repoRoot, 'test/bench'), PORT);
  const results: Measure[] = [];
  for (const words of SIZES) {
    const { html, terms } = generateArticle(words);
    server.routes.set(`/a${words}.html`, html);
    // mark.js marks the same names and the same figures/moves (regex) the extractor finds here.
    const withMark = html.replace('</body>', `<script>${markJs}</script><script>
      const t0 = performance.now();
      const m = new Mark(document.querySelector('.article-body'));
      m.mark(${JSON.stringify(terms)}, { separateWordSearch: false, accuracy: 'exactly' });
      m.markRegExp(/(?:US\\$)?\\d+(?:\\.\\d+)? (?:percent|billion)/g);
      m.markRegExp(/(?:rose|jumped|climbed|gained|surged|fell|slipped|dropped|declined|slumped) \\d+(?:\\.\\d+)? percent/g);
      performance.measure('markjs:run', { start: t0, duration: performance.now() - t0 });
    </script></body>`);
    server.routes.set(`/m${words}.html`, withMark);
  }

  const plainRun = await launchChromium({ withExtension: false });
  const extRun = await launchChromium();
  // Warm-up: the first page after start also pays for waking the background and
  // compiling our bundle; measured separately so the table compares steady state.
  server.routes.set('/warm.html', generateArticle(300, 3).html);
  for (const r of [plainRun, extRun]) {
    const page = await r.context.newPage();
    await page.goto(`${server.origin}/warm.html`);
    await sleep(1500);
    if (r === extRun) {
      const cold = await page.evaluate<number>(`(performance.getEntriesByName('newsmark:first-highlight')[0]?.startTime ?? NaN) - (performance.getEntriesByName('newsmark:start')[0]?.startTime ?? NaN)`);
      console.log(`  cold start (first page after launch, 300 words): first highlight ${cold.toFixed(1)} ms after script start`);
    }
    await page.close();
  }
  try {
    for (const words of SIZES) {
      // Plain page, no extension.
      {
        const page = await openWithMetrics(plainRun.context, `${server.origin}/a${words}.html`);
        await sleep(1500);
        results.push({ variant: 'plain', words, taskMs: await taskDuration(page) });
        await page.close();
      }
      // mark.js wrapping the same terms.
      {
        const page = await openWithMetrics(plainRun.context, `${server.origin}/m${words}.html`);
        await sleep(1500);
        const m = await page.evaluate<{ run: number; end: number; marks: number }>(`(() => {
          const e = performance.getEntriesByName('markjs:run')[0];
          return { run: e ? e.duration : NaN, end: e ? e.startTime + e.duration : NaN, marks: document.querySelectorAll('mark').length };
        })()`);
        results.push({ variant: 'mark.js', words, taskMs: await taskDuration(page), firstHighlight: m.run, firstHighlightSinceNav: m.end, done: m.end, ownMs: m.run, longestMs: m.run, highlighted: m.marks });
        await page.close();
      }
      // Newsmark.
      {
        const page = await openWithMetrics(extRun.context, `${server.origin}/a${words}.html`);
        const deadline = Date.now() + 90_000;
        while (Date.now() < deadline) {
          const settled = await page.evaluate<boolean>(`performance.getEntriesByName('newsmark:settled').length > 0`);
          if (settled) break;
          await sleep(200);
        }
        await sleep(1000);
        // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
        const m = await page.evaluate<{ start: number; first: number; settled: number; own: number; longest: number; slices: number; over: number; top: string; highlighted: number }>(`(() => {
          const t = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
          const entries = performance.getEntriesByName('newsmark:slice');
          const slices = entries.map((e) => e.duration);
          const top = entries.slice().sort((a, b) => b.duration - a.duration).slice(0, 4).map((e) => e.detail + ' ' + e.duration.toFixed(1)).join(', ');
          const size = (n) => CSS.highlights.get(n)?.size ?? 0;
          return {
            start: t('newsmark:start'),
            first: t('newsmark:first-highlight'),
            settled: t('newsmark:settled'),
            own: slices.reduce((a, b) => a + b, 0),
            longest: Math.max(0, ...slices),
            slices: slices.length,
            over: slices.filter((d) => d > 16).length,
            top,
            highlighted: ['company', 'person', 'figure', 'move'].reduce((a, c) => a + size('newsmark-' + c), 0),
          };
        })()`);
        console.log(`  newsmark ${words} words: ${m.over} of ${m.slices} slices over 16 ms; longest: ${m.top}`);
        results.push({ variant: 'newsmark', words, taskMs: await taskDuration(page), firstHighlight: m.first - m.start, firstHighlightSinceNav: m.first, done: m.settled, ownMs: m.own, longestMs: m.longest, slices: m.slices, highlighted: m.highlighted });
        await page.close();
      }
    }
  } finally {
    await plainRun.close();
    await extRun.close();
    await server.close();
  }
  report(results);
  return results;
}

function report(results: Measure[]) {
  const f = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(1));
  console.log('\nBrowser bench (headless Chromium; ms unless noted)');
  console.log('main-thread = renderer main-thread CPU time (CDP TaskDuration, thread ticks); own-work and longest-task are');
  console.log('wall-clock User Timing of our slices (mark.js: its run), so on a loaded machine they include time the thread was descheduled.');
  console.log('words   variant    1st-hl(script)  1st-hl(nav)  all-done(nav)  main-thread  extra-vs-plain  own-work  longest-task  slices  highlighted');
  for (const words of SIZES) {
    const plain = results.find((r) => r.words === words && r.variant === 'plain')!;
    for (const r of results.filter((x) => x.words === words)) {
      console.log(`${String(words).padEnd(7)} ${r.variant.padEnd(10)} ${f(r.firstHighlight).padStart(14)}  ${f(r.firstHighlightSinceNav).padStart(11)}  ${f(r.done).padStart(13)}  ${f(r.taskMs).padStart(11)}  ${f(r.taskMs - plain.taskMs).padStart(14)}  ${f(r.ownMs).padStart(8)}  ${f(r.longestMs).padStart(12)}  ${String(r.slices ?? '—').padStart(6)}  ${String(r.highlighted ?? '—').padStart(11)}`);
    }
    const nm = results.find((r) => r.words === words && r.variant === 'newsmark')!;
    const mk = results.find((r) => r.words === words && r.variant === 'mark.js')!;
    const ratio = (a?: number, b?: number) => (a && b ? (a / b).toFixed(2) : '—');
    console.log(`        ratios newsmark/mark.js: first highlight ${ratio(nm.firstHighlight, mk.firstHighlight)}, extra main-thread ${ratio(nm.taskMs - plain.taskMs, mk.taskMs - plain.taskMs)}, longest task ${ratio(nm.longestMs, mk.longestMs)}; newsmark main-thread vs plain page ${ratio(nm.taskMs, plain.taskMs)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
