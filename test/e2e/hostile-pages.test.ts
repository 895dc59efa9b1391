// Hostile and broken pages, end to end in headless Chromium and Firefox ESR
// (issue 5, hardening): a 5 MB page, a 10,000-level DOM, 50,000 tiny text
// nodes, a ticker that mutates every 5 ms, a page that swaps its <body>, open
// shadow roots, a same-origin iframe, right-to-left text, a strict CSP header,
// and a page that redefines our names and the built-ins we use. On each page
// Newsmark must: never throw into the page's console, leave the page's DOM as
// the page made it (apart from our one card host), keep the page's own script
// working, and keep its own main-thread slices short.
//
// Bounds asserted (they hold on a quiet machine with room to spare):
// - every slice the content script reports through its bench hook
//   (src/page/bench-hook.ts: one measure per slice; detection, warm-up,
//   reading, the extractor's page-level pass and painting all run in slices
//   of about 3 ms) is under SLICE_BOUND_MS = 50 ms (the longtask threshold),
//   and the detection and extractor warm-up slices under ONCE_BOUND_MS;
//   seen here with the load average at 4-5: 6-25 ms on ordinary pages.
//   The biggest pages carry a looser bound (wall-clock slices there also
//   hold the garbage collector's pauses over a heap of tens of MB) and say so;
// - no slice takes CPU_BOUND_MS of CPU time: the wall-clock figure also holds
//   the time the thread was descheduled, which on 2 cores is often most of a
//   long slice. Chromium's CPU time comes from a trace taken in each tab
//   (slice-cpu.ts); Firefox's from the Gecko profiler, run from the browser's
//   start and written when it shuts down (gecko-slice-cpu.ts), so the Firefox
//   block's last test closes the browser, reads the profile and finds each
//   page's slices by the URL its test loaded. In both, the CPU figures must
//   cover at least 90% (less two) of the slices the page timed, or the bound
//   would say nothing;
// - in Chromium, no animation frame after our start spends RENDER_BOUND_MS
//   rendering (the Long Animation Frames API): highlights are painted by the
//   browser, and how many ranges we register decides what that costs;
// - no error, console error or uncaught exception whose source is the
//   extension (chrome-extension:// or moz-extension://) or names Newsmark.
// Figures that are mostly noise on a shared machine (Chromium's longtask
// entries after our script started, the page's own timer lag) are printed,
// not asserted.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { buildOnce, launchChromium, launchFirefox, waitFor, type ChromiumRun, type FirefoxRun } from './browsers.ts';
import { geckoProfilerEnv, geckoSliceCpu } from './gecko-slice-cpu.ts';
import { traceSliceCpu } from './slice-cpu.ts';

const PORT = 8401;
const SLICE_BOUND_MS = 50;
/**
 * The CPU time of a slice (Chromium: test/e2e/slice-cpu.ts; Firefox: test/e2e/gecko-slice-cpu.ts): what is
 * left of a long wall-clock slice once the time the thread was descheduled is taken out. It holds our work
 * and the collections it triggers, on every page alike. Seen on 2 cores at load 1-2.5 in Chromium: 3-13 ms,
 * the most on the 5 MB and spans pages (16 ms once, in an extractor warm-up step that compiles the engine's
 * code). In Firefox (the Gecko profiler), six runs at load 1.3-4: 2-11 ms on every page but the spans page's
 * 6-17 ms (wall tops 4-18 ms); the top slice of the 5 MB page holds a major GC slice of 5-7 ms, those of the
 * deep and spans pages most often a minor collection of 4-9 ms. The bound leaves room for a slower CI machine.
 */
const CPU_BOUND_MS = 30;
const ONCE_BOUND_MS = 150;
/**
 * Rendering is work we cause too: Chromium re-derives every range in CSS.highlights in each frame
 * where a highlight changed. With all 6,200 mentions of the 50,000-span page registered, frames after
 * our start spent up to 154 ms rendering (long animation frames); with only the blocks near the
 * viewport registered (src/page/page-session.ts, WINDOW_MARGIN), no frame reaches 50 ms.
 */
const RENDER_BOUND_MS = 50;

// ---------------------------------------------------------------- pages

const COS = ['Alibaba', 'Tencent', 'HSBC', 'Toyota Motor', 'Microsoft', 'Apple', 'Nvidia', 'Rio Tinto'];
/** One realistic markets paragraph (~330 characters); i varies names and figures. */
function para(i: number): string {
  const a = COS[i % COS.length];
  const b = COS[(i * 3 + 1) % COS.length];
  return `${a} shares rose ${(i % 9) + 1}.${i % 10} percent on Tuesday after the company said quarterly revenue grew to $${(i % 9000) / 10 + 1} million, beating analysts' forecasts, while ${b} fell ${(i % 5) + 1} percent as investors weighed the outlook for demand and chief executives warned that costs would keep rising next year.`;
}

const BENCH = '<meta name="newsmark-bench" content="1">';
const head = (title: string, extra = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">${BENCH}<title>${title}</title>${extra}</head>`;
const article = (title: string, paras: string[]) => `<article><h1>${title}</h1>\n${paras.map((p) => `<p>${p}</p>`).join('\n')}\n</article>`;
const nav = '<header><nav><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/tech">Tech</a></nav></header>';
const foot = '<footer><p>© The Test Ledger. Tencent and Alibaba are mentioned here only in the footer.</p></footer>';
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

interface Case {
  /** Route on the test server. */
  path: string;
  html: () => string;
  headers?: Record<string, string>;
  /** Wait for 'newsmark:settled' (article pages) or only for the detection mark. */
  settles: boolean;
  /** Check the DOM against the page's own snapshot (pages that keep mutating cannot). */
  domUnchanged: boolean;
  /** Company names that must be highlighted. */
  expectCompanies: string[];
  timeoutMs?: number;
  /**
   * A looser bound where one unsliced step is known to take longer (see the
   * case): still asserted, so a hang or a regression fails, and reported.
   */
  sliceBoundMs?: number;
  /** Only wait for the first highlight and then this many ms, not for the whole page to be scanned. */
  watchMs?: number;
}

const CASES: Record<string, Case> = {
  'huge page (5 MB of text)': {
    path: '/huge.html',
    html: () => `${head('Markets wrap: a very long day')}<body>${nav}${article('Markets wrap: a very long day', range(15_500).map(para))}${foot}</body></html>`,
    settles: false,
    watchMs: 8000,
    domUnchanged: true,
    expectCompanies: ['Alibaba', 'Tencent'],
    timeoutMs: 60_000,
    // Everything is sliced, and only the blocks near the viewport are painted. Longest slice seen at load
    // average 1-2.5: 7-18 ms in Chromium (5-12 ms of CPU), 8-26 ms in Firefox (a collection, or the thread
    // descheduled, inside one slice in ~800; 7-11 ms of CPU in six runs at load 1.3-4, half of it a minor
    // collection or a major GC slice); 48-60 ms at load average 6. A looser bound than ordinary pages
    // for a noisy CI machine.
    sliceBoundMs: 150,
  },
  'deeply nested DOM (10,000 levels)': {
    path: '/deep.html',
    // The HTML parser caps nesting at a few hundred levels, so the page builds its DOM itself.
    // The levels are display: contents: Chromium's renderer crashes laying out ~3,000 nested
    // boxes even without any extension (seen here), and the DOM depth is what we test.
    html: () => `${head('Deep page: Alibaba and Tencent lead gains', '<style>.nest { display: contents }</style>')}<body>${nav}<div id="root"></div>
<script>
  let el = document.getElementById('root');
  for (let i = 0; i < 10000; i++) { const d = document.createElement('div'); d.className = 'nest l' + (i % 7); el.appendChild(d); el = d; }
  const a = document.createElement('article');
  a.innerHTML = ${JSON.stringify(article('Alibaba and Tencent lead gains', range(12).map(para)))};
  el.appendChild(a);
</script>${foot}</body></html>`,
    settles: true,
    domUnchanged: true,
    expectCompanies: ['Alibaba', 'Tencent'],
    // Detection steps no longer grow with the depth: seen 8-15 ms at load average 1.2-1.6, 21-33 ms at 6
    // (was 140-250 ms in one step, then 25-54 ms).
    sliceBoundMs: 150,
  },
  'thousands of tiny text nodes (50,000 spans)': {
    path: '/spans.html',
    html: () => {
      // 200 paragraphs of 250 one-word <span>s each: every word its own element and text node.
      const words = range(200).map((i) => para(i).split(' ').slice(0, 50));
      const paras = words.map((w) => range(250).map((k) => `<span>${w[k % w.length]}</span>`).join(' '));
      return `${head('Tiny nodes: Alibaba shares rise')}<body>${nav}${article('Tiny nodes: Alibaba shares rise', paras)}${foot}</body></html>`;
    },
    settles: true,
    domUnchanged: true,
    expectCompanies: ['Alibaba'],
    // Seen 8-20 ms at load average 1.5-2.8 (17-48 ms before plain paragraphs were read through a TreeWalker,
    // only blocks near the viewport registered and slices cut to 3 ms; 76-84 ms at load average 6): collections
    // made long by the DOM wrappers of an isolated world (README, Speed); a looser bound than ordinary pages
    // for a noisy CI machine.
    sliceBoundMs: 150,
  },
  'page that mutates every 5 ms': {
    path: '/ticker.html',
    html: () => `${head('Ticker page: Tencent shares climb')}<body>${nav}
<div class="ticker" id="ticker">HSI 20000</div><div id="count">0</div>
${article('Ticker page: Tencent shares climb', range(14).map(para))}${foot}
<script>
  window.__count = 0;
  setInterval(() => {
    const n = ++window.__count;
    document.getElementById('count').textContent = String(n);
    document.getElementById('ticker').textContent = 'HSI ' + (20000 + n % 500) + ' pts, Tencent ' + (300 + n % 7) + ' HKD, Alibaba rose ' + (n % 9) + ' percent, HSBC fell 2 percent';
  }, 5);
</script></body></html>`,
    settles: true,
    domUnchanged: false,
    expectCompanies: ['Tencent', 'Alibaba'],
  },
  'page that replaces document.body after load': {
    path: '/replace-body.html',
    html: () => `${head('Replaced body: Barclays shares slide')}<body>${nav}${article('Old story: Alibaba shares rise', range(10).map(para))}${foot}
<script>
  addEventListener('load', () => setTimeout(() => {
    const b = document.createElement('body');
    b.innerHTML = ${JSON.stringify(`${nav}${article('Barclays shares slide', range(10).map((i) => `Barclays shares fell ${i + 2} percent on Wednesday after the bank said bad loans rose to £${i + 1} billion, and chief executive C. S. Venkatakrishnan warned that margins would shrink.`))}`)};
    document.body = b;
    window.__snap?.();
  }, 1200));
</script></body></html>`,
    settles: true,
    domUnchanged: true,
    // What is highlighted after the swap is the known bug below.
    expectCompanies: [],
  },
  'open shadow roots holding the article': {
    path: '/shadow.html',
    html: () => `${head('Shadow story: HSBC profit climbs')}<body>${nav}<news-story id="story"></news-story>${foot}
<script>
  const host = document.getElementById('story');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = ${JSON.stringify(article('HSBC profit climbs', range(12).map(para)))};
</script></body></html>`,
    settles: false,
    domUnchanged: true,
    expectCompanies: [],
  },
  'same-origin iframe': {
    path: '/iframe.html',
    html: () => `${head('Framed: Rio Tinto shares jump')}<body>${nav}${article('Rio Tinto shares jump', range(10).map(para))}
<iframe id="frame" src="/deep-frame.html" width="600" height="400"></iframe>${foot}</body></html>`,
    settles: true,
    domUnchanged: true,
    expectCompanies: ['Alibaba'],
  },
  'right-to-left and mixed scripts': {
    path: '/rtl.html',
    html: () => {
      const paras = range(12).map((i) => i % 2
        ? `ارتفعت أسهم ${COS[i % COS.length]} بنسبة ${i + 1} percent يوم الثلاثاء بعد أن أعلنت الشركة عن نتائج فصلية قوية، بينما تراجعت أسهم Tencent بنسبة 2 percent في هونغ كونغ وسط مخاوف المستثمرين بشأن الطلب.`
        : `מניות ${COS[i % COS.length]} עלו ${i + 1} percent ביום שלישי לאחר שהחברה דיווחה על הכנסות של $${i + 2} billion, בעוד ש-HSBC ירדה 3 percent בבורסה של הונג קונג בעקבות חששות המשקיעים.`);
      return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">${BENCH}<title>أسواق: Alibaba و Tencent</title></head><body>${nav}${article('أسواق: Alibaba و Tencent', paras)}${foot}</body></html>`;
    },
    settles: true,
    domUnchanged: true,
    expectCompanies: ['Tencent', 'HSBC', 'Alibaba'],
  },
  'strict Content-Security-Policy header': {
    path: '/csp.html',
    headers: { 'content-security-policy': "default-src 'none'; style-src 'self'" },
    html: () => `${head('CSP page: Microsoft shares gain')}<body>${nav}${article('Microsoft shares gain', range(12).map(para))}${foot}</body></html>`,
    settles: true,
    domUnchanged: true,
    expectCompanies: ['Microsoft', 'Alibaba'],
  },
  'page that redefines our names and the built-ins we use': {
    path: '/globals.html',
    html: () => `${head('Hostile globals: Apple shares fall', `<script>
  // Names like ours, and a fake extension API.
  window.newsmark = 'page'; window.__newsmark = { hijacked: true }; window.Newsmark = function () { throw new Error('page Newsmark'); };
  window.browser = { runtime: { sendMessage() { throw new Error('page browser.runtime'); }, onMessage: null } };
  window.chrome = { runtime: { id: 'fake', sendMessage() { throw new Error('page chrome.runtime'); } } };
  // Built-ins replaced by wrappers that record who called them (an extension frame in the stack would mean our code runs page code).
  window.__calledFromExtension = [];
  const spy = (obj, key) => { const orig = obj[key]; obj[key] = function (...args) { const st = new Error().stack || ''; if (/(chrome|moz)-extension:/.test(st)) window.__calledFromExtension.push(key); return orig.apply(this, args); }; };
  spy(Array.prototype, 'map'); spy(Promise.prototype, 'then'); spy(JSON, 'stringify'); spy(Element.prototype, 'attachShadow');
  spy(Array.prototype, 'filter'); spy(String.prototype, 'slice'); spy(document, 'createElement'); spy(Node.prototype, 'appendChild');
  // Our card's tag name, taken first by the page.
  customElements.define('newsmark-card', class extends HTMLElement {
    constructor() { super(); window.__hostUpgraded = true; }
    attachShadow(init) { const r = super.attachShadow(init); window.__stolenShadow = r; return r; }
  });
</script>`)}<body>${nav}${article('Apple shares fall', range(12).map(para))}${foot}</body></html>`,
    settles: true,
    domUnchanged: true,
    expectCompanies: ['Apple', 'Alibaba'],
  },
};

const EXTRA_ROUTES: Record<string, () => string> = {
  '/deep-frame.html': () => `${head('Inside the frame: HSBC shares rise')}<body>${article('Framed story: HSBC shares rise', range(8).map(para))}</body></html>`,
};

// ---------------------------------------------------------------- server

let server: Server;
const origin = `http://127.0.0.1:${PORT}`;
const built = new Map<string, string>();
function page(path: string): string | undefined {
  if (!built.has(path)) {
    const c = Object.values(CASES).find((x) => x.path === path);
    const make = c?.html ?? EXTRA_ROUTES[path];
    if (!make) return undefined;
    built.set(path, make());
  }
  return built.get(path);
}

// ---------------------------------------------------------------- page-world probe

/**
 * Runs in the page's own world before its scripts: keeps the page's DOM as the
 * page made it (at DOMContentLoaded, or when the page calls __snap after its
 * own change), Chromium's longtask entries and the page's own timer lag.
 */
const PROBE = `(() => {
  const P = window.__probe = { longtasks: [], lag: 0, errors: [] };
  window.__snap = () => { P.before = document.documentElement.outerHTML; };
  document.addEventListener('DOMContentLoaded', () => window.__snap());
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) P.longtasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); } catch {}
  P.frames = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) P.frames.push([e.startTime, e.duration, e.renderStart]); }).observe({ type: 'long-animation-frame', buffered: true }); } catch {}
  addEventListener('load', () => { let last = performance.now(); setInterval(() => { const now = performance.now(); P.lag = Math.max(P.lag, now - last - 20); last = now; }, 20); });
})()`;

/** Page-world code: our numbers and what we highlighted (plain loops: the page may have replaced Array methods). */
/** Is a company highlight inside the viewport? */
const COMPANY_ON_SCREEN = `(() => {
  const h = CSS.highlights.get('newsmark-company');
  if (h) for (const r of h) {
    const rg = document.createRange();
    rg.setStart(r.startContainer, r.startOffset);
    rg.setEnd(r.endContainer, r.endOffset);
    const b = rg.getBoundingClientRect();
    if (b.height > 0 && b.top >= 0 && b.bottom <= innerHeight) return true;
  }
  return false;
})()`;

const READ = `(() => {
  const P = window.__probe;
  const marks = performance.getEntriesByType('mark');
  let startAt = -1, detected = '', errorMark = '';
  for (let i = 0; i < marks.length; i++) {
    const n = marks[i].name;
    if (n === 'newsmark:start' && startAt < 0) startAt = marks[i].startTime;
    if (n.indexOf('newsmark:detected:') === 0) detected = n;
    if (n.indexOf('newsmark:error') === 0) errorMark = n;
  }
  const slices = performance.getEntriesByName('newsmark:slice');
  let maxSlice = 0, maxWhat = '', total = 0, maxSteady = 0, maxOnce = 0, timedSlices = 0;
  const all = [];
  for (let i = 0; i < slices.length; i++) {
    const d = slices[i].duration, what = String(slices[i].detail);
    all.push(d); total += d;
    if (d > 0) timedSlices++;
    if (d > maxSlice) { maxSlice = d; maxWhat = what; }
    if (what === 'detect' || what === 'extractor-init' || what === 'session-init') maxOnce = Math.max(maxOnce, d); else maxSteady = Math.max(maxSteady, d);
  }
  all.sort((a, b) => b - a);
  const top = all.slice(0, 5);
  let maxLong = 0, longAfter = 0;
  for (let i = 0; i < P.longtasks.length; i++) { const t = P.longtasks[i]; if (startAt >= 0 && t[0] + t[1] >= startAt) { longAfter++; if (t[1] > maxLong) maxLong = t[1]; } }
  // Long animation frames (Chromium): the rendering part of each (from renderStart), after our start.
  let framesAfter = 0, maxRender = 0;
  for (let i = 0; i < P.frames.length; i++) { const f = P.frames[i]; if (startAt >= 0 && f[0] >= startAt) { framesAfter++; if (f[2] > 0 && f[0] + f[1] - f[2] > maxRender) maxRender = f[0] + f[1] - f[2]; } }
  const hl = {};
  const outside = [];
  for (const name of ['company', 'person', 'figure', 'move']) {
    const h = CSS.highlights.get('newsmark-' + name);
    const texts = [];
    if (h) for (const r of h) {
      const rg = document.createRange();
      try { rg.setStart(r.startContainer, r.startOffset); rg.setEnd(r.endContainer, r.endOffset); } catch { texts.push('<bad range>'); continue; }
      texts.push(rg.toString());
      const el = r.startContainer.parentElement;
      if (r.startContainer.isConnected && !(el && el.closest('article'))) outside.push(name + ':' + rg.toString());
    }
    hl[name] = texts;
  }
  return { startAt, detected, errorMark, settled: performance.getEntriesByName('newsmark:settled').length > 0,
    slices: slices.length, timedSlices, top, maxSlice, maxSteady, maxOnce, maxWhat, sliceTotal: total, maxLong, longAfter, framesAfter, maxRender, lag: P.lag, hl, outside };
})()`;

/** Page-world code: is the DOM what the page made, our card host aside? */
const DOM_SAME = `(() => {
  const now = document.documentElement.outerHTML.replace(/<newsmark-card[^>]*><\\/newsmark-card>/g, '');
  const before = window.__probe.before;
  if (now === before) return 'same';
  let i = 0; while (i < now.length && now[i] === before[i]) i++;
  return 'differs at ' + i + ': before ' + JSON.stringify(before.slice(i - 40, i + 80)) + ' now ' + JSON.stringify(now.slice(i - 40, i + 80));
})()`;

interface Read {
  startAt: number; detected: string; errorMark: string; settled: boolean;
  slices: number; timedSlices: number; top: number[]; maxSlice: number; maxSteady: number; maxOnce: number; maxWhat: string; sliceTotal: number; maxLong: number; longAfter: number; framesAfter: number; maxRender: number; lag: number;
  hl: Record<string, string[]>; outside: string[];
}

// ---------------------------------------------------------------- one tab in either browser

interface Tab {
  eval<T>(expr: string): Promise<T>;
  /** Chromium: evaluates in the content script's isolated world (to check that its errors are seen). */
  evalInExtensionWorld?(expr: string): Promise<void>;
  hover(x: number, y: number): Promise<void>;
  /** Errors seen so far: [source, text]. */
  errors: [string, string][];
  /** Chromium: the CPU time of each of our slices so far, largest first (test/e2e/slice-cpu.ts); ends the trace. */
  sliceCpu?(): Promise<number[]>;
  close(): Promise<void>;
}

const ours = ([src, text]: [string, string]) => /(chrome|moz)-extension:|newsmark/i.test(`${src} ${text}`);

async function openChromium(run: ChromiumRun, url: string): Promise<Tab> {
  const p: PwPage = await run.context.newPage();
  const errors: Tab['errors'] = [];
  // CDP sees every world of the tab, the content script's isolated world included.
  const cdp = await run.context.newCDPSession(p);
  // Each error is tagged with the origin of the world it came from (the content script's is chrome-extension://ID).
  const worlds = new Map<number, string>();
  const worldOf = (id: unknown) => worlds.get(id as number) ?? '';
  cdp.on('Runtime.executionContextCreated', (e: any) => worlds.set(e.context.id, e.context.origin ?? ''));
  cdp.on('Runtime.exceptionThrown', (e: any) => {
    const d = e.exceptionDetails ?? {};
    errors.push([`${worldOf(d.executionContextId)} ${d.url ?? ''} ${JSON.stringify(d.stackTrace?.callFrames?.[0] ?? {})}`, d.exception?.description ?? d.text ?? '']);
  });
  cdp.on('Runtime.consoleAPICalled', (e: any) => {
    if (e.type === 'error' || e.type === 'assert') errors.push([`${worldOf(e.executionContextId)} ${JSON.stringify(e.stackTrace?.callFrames?.[0] ?? {})}`, (e.args ?? []).map((a: any) => a.value ?? a.description ?? '').join(' ')]);
  });
  cdp.on('Log.entryAdded', (e: any) => {
    if (e.entry.level === 'error') errors.push([`${e.entry.source} ${e.entry.url ?? ''}`, e.entry.text]);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  p.on('pageerror', (e) => errors.push(['pageerror', `${e.message} ${e.stack ?? ''}`]));
  await p.addInitScript(PROBE);
  let stopTrace: (() => Promise<number[]>) | undefined = await traceSliceCpu(cdp);
  const sliceCpu = async () => {
    const stop = stopTrace;
    stopTrace = undefined;
    return stop ? stop() : [];
  };
  await p.goto(url);
  return {
    sliceCpu,
    eval: (expr) => p.evaluate(expr),
    async evalInExtensionWorld(expr) {
      const world = [...worlds].reverse().find(([, o]) => o.startsWith('chrome-extension://'));
      if (!world) throw new Error('no content-script world in this tab');
      await cdp.send('Runtime.evaluate', { expression: expr, contextId: world[0] });
    },
    hover: (x, y) => p.mouse.move(x, y),
    errors,
    close: async () => {
      await sliceCpu().catch(() => {});
      await cdp.detach().catch(() => {});
      await p.close();
    },
  };
}

async function openFirefox(run: FirefoxRun, url: string): Promise<Tab> {
  const p: PpPage = await run.newPage();
  const errors: Tab['errors'] = [];
  p.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'assert') errors.push([JSON.stringify(m.location()), m.text()]);
  });
  p.on('pageerror', (e) => errors.push(['pageerror', `${(e as Error).message} ${(e as Error).stack ?? ''}`]));
  await p.evaluateOnNewDocument(PROBE);
  await p.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return {
    eval: (expr) => p.evaluate(expr) as Promise<never>,
    hover: (x, y) => p.mouse.move(x, y),
    errors,
    close: () => p.close(),
  };
}

// ---------------------------------------------------------------- the tests

beforeAll(async () => {
  buildOnce();
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    const body = page(path);
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const c = Object.values(CASES).find((x) => x.path === path);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...(c?.headers ?? {}) });
    res.end(body);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(PORT, '127.0.0.1', () => ok());
  });
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((ok) => server?.close(ok));
});

const figures: string[] = [];
afterAll(() => {
  // The figures for the report (not asserted: see the header).
  console.log(`hostile pages, our slices and the page's view:\n${figures.join('\n')}`);
});

describe.each(['chromium', 'firefox'] as const)('hostile pages in %s', (engine) => {
  let chromiumRun: ChromiumRun | undefined;
  let firefoxRun: FirefoxRun | undefined;
  /** Firefox: where the Gecko profiler writes its profile when the browser shuts down (test/e2e/gecko-slice-cpu.ts). */
  let profileDir: string | undefined;
  /** Firefox: each page test that read its figures, with the URL it loaded (which names its window in the profile). */
  const ran: { name: string; url: string; timedSlices: number }[] = [];

  beforeAll(async () => {
    if (engine === 'chromium') chromiumRun = await launchChromium();
    else {
      profileDir = mkdtempSync(join(tmpdir(), 'newsmark-gecko-profile-'));
      firefoxRun = await launchFirefox({ env: geckoProfilerEnv(join(profileDir, 'profile.json')) });
    }
  });
  afterAll(async () => {
    // (The last Firefox test may have closed the browser already: it is then undefined.)
    await chromiumRun?.close();
    await firefoxRun?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  const open = (url: string) => (chromiumRun ? openChromium(chromiumRun, url) : openFirefox(firefoxRun!, url));

  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      const tab = await open(origin + c.path);
      try {
        const timeout = c.timeoutMs ?? 30_000;
        await waitFor(async () => { const x = await tab.eval<Read>(READ); return x.detected || x.errorMark; }, { timeout, message: 'the content script never decided about the page' });
        if (c.settles) await waitFor(async () => (await tab.eval<Read>(READ)).settled, { timeout, message: 'scanning never settled' }).catch(async (e) => {
          const x = await tab.eval<Read>(READ);
          console.log(`${engine} ${name}: not settled after ${timeout} ms: ${x.slices} slices, ${x.sliceTotal.toFixed(0)} ms of work, ${x.hl.company.length} company highlights, ${x.detected} ${x.errorMark}`);
          throw e;
        });
        if (c.watchMs) await waitFor(async () => (await tab.eval<Read>(READ)).hl.company.length > 0, { timeout, message: 'nothing highlighted' });
        if (c.watchMs) await new Promise((r) => setTimeout(r, c.watchMs));
        else if (c.path === '/ticker.html') await new Promise((r) => setTimeout(r, 3000));
        else await new Promise((r) => setTimeout(r, c.path === '/replace-body.html' ? 2500 : 500));
        const r = await tab.eval<Read>(READ);
        if (engine === 'firefox') ran.push({ name, url: origin + c.path, timedSlices: r.timedSlices });
        const cpuMs = tab.sliceCpu ? await tab.sliceCpu() : undefined;
        const cpu = cpuMs ? `, CPU ${cpuMs.slice(0, 5).map((x) => x.toFixed(0)).join('/')}` : '';
        console.log(figures[figures.push(`${engine.padEnd(8)} ${name.padEnd(58)} slices ${String(r.slices).padStart(5)}, longest ${r.maxSlice.toFixed(1).padStart(5)} ms (${r.maxWhat}; top ${r.top.map((x) => x.toFixed(0)).join('/')}${cpu}), total ${r.sliceTotal.toFixed(0).padStart(5)} ms; longtasks after our start ${r.longAfter}, longest ${r.maxLong.toFixed(0)} ms; long frames ${r.framesAfter}, longest rendering ${r.maxRender.toFixed(0)} ms; page timer lag ${r.lag.toFixed(0)} ms; ${r.detected}`) - 1]);

        expect(r.errorMark, 'the content script caught an error').toBe('');
        expect(tab.errors.filter(ours), 'errors from our script in the page console').toEqual([]);
        expect(r.maxSteady, 'longest scan/paint/update slice').toBeLessThan(c.sliceBoundMs ?? SLICE_BOUND_MS);
        expect(r.maxOnce, 'longest one-time step (detection, extractor start)').toBeLessThan(c.sliceBoundMs ?? ONCE_BOUND_MS);
        expect(r.maxRender, 'longest rendering of a frame after our start (Chromium)').toBeLessThan(RENDER_BOUND_MS);
        if (cpuMs) {
          // The trace must have placed nearly every slice in its task, or the bound below would say nothing. (A few
          // may fall just outside theirs: the page's clock reaches the trace coarsened; on a small page two of 16 is 12%.)
          expect(cpuMs.length, 'slices whose CPU time the trace gives (Chromium)').toBeGreaterThanOrEqual(Math.floor(r.timedSlices * 0.9) - 2);
          expect(cpuMs[0] ?? 0, 'most CPU time in one slice of ours (Chromium)').toBeLessThan(CPU_BOUND_MS);
        }
        for (const co of c.expectCompanies) expect(r.hl.company, `${co} highlighted`).toContain(co);
        expect(r.outside, 'highlights outside the article').toEqual([]);
        if (c.domUnchanged) expect(await tab.eval<string>(DOM_SAME)).toBe('same');

        if (c.path === '/ticker.html') {
          // The page's own script kept running: ~5 ms ticks for the seconds we watched.
          const a = await tab.eval<number>('window.__count');
          await new Promise((res) => setTimeout(res, 500));
          const b = await tab.eval<number>('window.__count');
          expect(b - a, 'the page\'s counter stalled').toBeGreaterThan(20);
          expect(await tab.eval<boolean>(`document.getElementById('count').textContent === String(window.__count)`), 'the page\'s counter shows its count').toBe(true);
        }
        if (c.path === '/huge.html') {
          // 15,500 paragraphs, each naming two companies: only the blocks near the viewport are painted ...
          expect(r.hl.company.length, 'company highlights painted at the top of the page').toBeGreaterThan(0);
          expect(r.hl.company.length, 'company highlights painted at the top of the page').toBeLessThan(500);
          // ... and the ones the reader scrolls to are painted then.
          await tab.eval('window.scrollTo(0, document.documentElement.scrollHeight / 2)');
          await waitFor(() => tab.eval<boolean>(COMPANY_ON_SCREEN), { timeout: 20_000, message: 'no company highlighted after scrolling to the middle of the page' });
          expect((await tab.eval<Read>(READ)).hl.company.length, 'highlights after one scroll').toBeLessThan(1000);
        }
        if (c.path === '/rtl.html') {
          // Offsets hold in bidirectional text: every company highlight is exactly a name.
          for (const t of r.hl.company) expect(COS.concat(['Tencent', 'HSBC']).some((n) => n.startsWith(t) || t === n), t).toBe(true);
          expect(r.hl.figure.some((t) => /percent/.test(t))).toBe(true);
        }
        if (c.path === '/iframe.html') {
          // The content script stays out of frames (it returns unless it is the top window).
          expect(await tab.eval<number>(`(() => { const h = document.getElementById('frame').contentWindow.CSS.highlights; let n = 0; for (const k of h.keys()) if (String(k).startsWith('newsmark-')) n++; return n; })()`)).toBe(0);
        }
        if (c.path === '/globals.html') {
          expect(await tab.eval<string[]>('window.__calledFromExtension'), 'our script called page-world functions').toEqual([]);
          // The card still opens on hover, in the page that took our tag name.
          const at = await tab.eval<{ x: number; y: number }>(`(() => { const r = CSS.highlights.get('newsmark-company').values().next().value; const rg = document.createRange(); rg.setStart(r.startContainer, r.startOffset); rg.setEnd(r.endContainer, r.endOffset); r.startContainer.parentElement.scrollIntoView({ block: 'center' }); const b = rg.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; })()`);
          await tab.hover(at.x - 2, at.y);
          await tab.hover(at.x, at.y);
          await waitFor(() => tab.eval<boolean>(`!!document.querySelector('newsmark-card')`), { message: 'no card host after hover' });
          const stolen = await tab.eval<{ upgraded: boolean; stolen: boolean }>(`({ upgraded: !!window.__hostUpgraded, stolen: !!window.__stolenShadow })`);
          figures.push(`${engine.padEnd(8)}   page-defined <newsmark-card>: upgraded by the page ${stolen.upgraded}, page got our shadow root ${stolen.stolen}`);
          expect(stolen.stolen, 'the page captured the card\'s closed shadow root').toBe(false);
          expect(tab.errors.filter(ours)).toEqual([]);
        }
      } finally {
        await tab.close();
      }
    }, (c.timeoutMs ?? 30_000) + 30_000);
  }

  // The "no errors from our script" checks above are only worth something if an error
  // thrown in the content script's world reaches the collector (Chromium: over CDP).
  it.runIf(engine === 'chromium')('the error collector sees an exception thrown in the content script\'s world', async () => {
    const tab = await open(origin + '/csp.html');
    try {
      await waitFor(async () => (await tab.eval<Read>(READ)).settled, { timeout: 30_000, message: 'never settled' });
      await tab.evalInExtensionWorld!(`setTimeout(() => { throw new Error('planted by the test'); }, 0)`);
      await waitFor(() => tab.errors.some((e) => e[1].includes('planted by the test')), { timeout: 5000, message: 'the planted error was not collected' });
      expect(tab.errors.filter(ours).length).toBeGreaterThan(0);
    } finally {
      await tab.close();
    }
  });

  // A page that swaps document.body (some SPA frameworks do) is read again, and no
  // highlight keeps the old body's nodes alive.
  it('after document.body is replaced, the new body is read and no highlight keeps the old one', async () => {
    // (A URL of its own: in Firefox's profile the URL tells this tab's slices from the page test's.)
    const tab = await open(origin + '/replace-body.html?again');
    try {
      await waitFor(async () => (await tab.eval<Read>(READ)).settled, { timeout: 30_000, message: 'never settled' });
      await waitFor(() => tab.eval<boolean>(`!!document.querySelector('h1') && document.querySelector('h1').textContent.includes('Barclays')`), { message: 'the page did not swap its body' });
      await waitFor(async () => (await tab.eval<Read>(READ)).hl.company.includes('Barclays'), { timeout: 8000, message: 'the new body was never read' });
      expect((await tab.eval<Read>(READ)).hl.company, 'the old story is still highlighted').not.toContain('Alibaba');
      expect(tab.errors.filter(ours)).toEqual([]);
      expect(await tab.eval<boolean>(`(() => { for (const h of CSS.highlights.values()) for (const r of h) if (!r.startContainer.isConnected) return false; return true; })()`), 'highlights still point into the detached body').toBe(true);
    } finally {
      await tab.close();
    }
  }, 60_000);

  // Firefox's CPU time per slice (test/e2e/gecko-slice-cpu.ts). The profiler writes its file only when the
  // browser shuts down, so this test closes the browser, and it is the describe block's last. Each page test
  // above loaded a URL of its own and noted it: the profile names the window of every slice, and the window
  // its URL, so a page's slices are those of the window with the URL its test loaded (all of them, the ones
  // after the test read its figures too).
  it.runIf(engine === 'firefox')('each slice\'s CPU time, from the Gecko profiler (closes the browser)', async () => {
    const file = join(profileDir!, 'profile.json');
    const t0 = Date.now();
    await firefoxRun!.close();
    firefoxRun = undefined;
    const closing = Date.now() - t0;
    if (!existsSync(file)) {
      throw new Error(`Firefox wrote no profile to ${file} when it shut down: a build without the Gecko profiler `
        + `(FIREFOX_PATH=${process.env.FIREFOX_PATH ?? '(unset: /usr/bin/firefox-esr)'}), or a shutdown longer than puppeteer waits (5 s) before it kills the browser`);
    }
    const t1 = Date.now();
    const windows = geckoSliceCpu(JSON.parse(readFileSync(file, 'utf8')));
    figures.push(`firefox  Gecko profile: browser closed in ${closing} ms, profile read in ${Date.now() - t1} ms`);
    const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join('/');
    const checks = ran.map((page) => {
      const mine = windows.filter((w) => w.url === page.url);
      const slices = mine.flatMap((w) => w.slices).sort((a, b) => b.cpu - a.cpu);
      const top = slices.slice(0, 5);
      const walls = slices.map((x) => x.wall).sort((a, b) => b - a).slice(0, 5);
      figures.push(`firefox  ${page.name.padEnd(58)} profile: ${String(slices.length).padStart(5)} slices (${page.timedSlices} timed, ${mine.reduce((n, w) => n + w.unplaced, 0)} unplaced), wall top ${ms(walls)}, CPU top ${ms(top.map((x) => x.cpu))} ms (minor GC ${ms(top.map((x) => x.minorGc))}, major GC slices ${ms(top.map((x) => x.gcSlice))})`);
      return { page, windows: mine.length, slices };
    });
    for (const { page, windows: n, slices } of checks) {
      expect(n, `${page.name}: windows at ${page.url} (each test loads a URL of its own)`).toBeLessThanOrEqual(1);
      // The profile must place nearly every slice the page timed, or the bound below would say nothing (slack as in Chromium's check).
      expect(slices.length, `${page.name}: slices whose CPU time the profile gives (Firefox)`).toBeGreaterThanOrEqual(Math.floor(page.timedSlices * 0.9) - 2);
      expect(slices[0]?.cpu ?? 0, `${page.name}: most CPU time in one slice of ours (Firefox)`).toBeLessThan(CPU_BOUND_MS);
    }
  }, 90_000);
});
