// Page text that looks like markup or script stays text everywhere Newsmark
// shows it (issue 5, hardening). A local article carries, as visible text, an
// <img onerror>, a <script>, a javascript: link, a javascript: canonical URL,
// a 300-letter word, emoji and zero-width characters, in its title, its
// sentences and its company names. Then the popup and the side panel (This
// page and Library) show that page, and in Chromium the in-page card opens on
// a mention. In every context window.__pwned must stay undefined (each payload
// would set it if it ran), no element the payload names may appear, and the
// literal text must be visible. (Extension pages' CSP would block an inline
// onerror even if markup got parsed: there the element count and the literal
// text are what catch it; on the article page, where the card lives, __pwned does.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page as PwPage } from 'playwright-core';
import { buildOnce, serveFolder, waitFor, type ChromiumRun, type Served } from './browsers.ts';
import { contentSummary, ext, launch, tabIdOf, type AnyPage, type Ext } from './ui-helpers.ts';

const PORTS = { chrome: 8403, firefox: 8404 };

const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=2</script>';
const LONG = `Megacorporation${'x'.repeat(300)}`;
const TITLE = `${SCRIPT} Acme shares jump 7 percent ${IMG}`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const PARAS = [
  `Shares of Acme${IMG} Corp jumped 7 percent on Tuesday after the company said quarterly revenue rose 12 percent to $4.2 billion, beating forecasts.`,
  `"We will keep growing ${SCRIPT}," said chief executive Jane Doe, adding that Zero\u200bWidth Corp shares rose 4 percent 📈 in Hong Kong trading.`,
  `${LONG} Inc shares fell 3 percent, while Rocket Ltd 🚀 slumped 9 percent after a profit warning; see javascript:window.__pwned=5 for nothing.`,
  'Analysts at Example Securities said the market had priced in a 10 percent rise in sales, and that the shares could gain another 5 percent this year.',
  'Acme Corp, which employs 12,000 people, said it would buy back $500 million of its shares over the next two years, sending its stock up 2 percent.',
];

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(TITLE)}</title>
<link rel="canonical" href="javascript:window.__pwned=6"><meta property="og:url" content="javascript:window.__pwned=7">
<meta property="og:site_name" content="${esc(IMG)} Ledger"></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>${esc(TITLE)}</h1>
${PARAS.map((p, i) => `<p>${esc(p)}${i === 0 ? ' <a href="javascript:window.__pwned=8">Read more about Acme Corp</a>' : ''}</p>`).join('\n')}
</article></body></html>`;

/** Page-world check: the payloads did not run and left no element behind. */
const CLEAN = () => ({
  pwned: (window as any).__pwned,
  planted: document.querySelectorAll('img[onerror], script:not([src]):not([type="application/ld+json"]), [onerror]').length,
});

beforeAll(() => buildOnce());

describe.each((process.env.NEWSMARK_BROWSERS ?? 'chrome,firefox').split(',') as ('chrome' | 'firefox')[])('%s: page text that looks like markup', (name) => {
  let browser: Ext;
  let served: Served;
  let control: AnyPage;
  let article: AnyPage;
  let tabId: number;
  const url = () => `${served.origin}/hostile-markup.html`;

  beforeAll(async () => {
    served = await serveFolder('/nonexistent-newsmark-folder', PORTS[name]);
    served.routes.set('/hostile-markup.html', ARTICLE);
    browser = await launch(name);
    article = await browser.openPage(url());
    control = await browser.openExtensionPage('src/ui/options/index.html', 'main');
    tabId = await tabIdOf(control, url());
    await waitFor(async () => {
      const s = await contentSummary(control, tabId);
      return s && s.summary.moves.length > 0 && (await ext(control, { type: 'page/get', canonicalUrl: s.page.canonicalUrl })) ? s : null;
    }, { timeout: 20_000, message: 'the article was never summarised and saved' });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('the extractor took the strings in (so the UI has them to show)', async () => {
    const s = (await contentSummary(control, tabId))!;
    expect(s.page.title).toContain(IMG);
    expect(s.page.canonicalUrl).toMatch(/^http:\/\/127\.0\.0\.1/);
    const names = s.summary.companies.map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Zero\u200bWidth Corp', `${LONG} Inc`]));
    const sentences: string[] = [...s.summary.moves.map((m: { text: string }) => m.text), ...s.summary.keySentences];
    expect(sentences.some((t) => t.includes(IMG) || t.includes(SCRIPT)), JSON.stringify(sentences)).toBe(true);
  });

  it('popup shows the title and names as text, and runs nothing', async () => {
    const popup = await browser.openExtensionPage(`src/ui/popup/index.html?tab=${tabId}`, 'main');
    await waitFor(() => popup.evaluate(() => !document.querySelector('[aria-busy=true]') && !!document.querySelector('section.cat-company')), { message: 'popup never showed companies' });
    const text = await popup.evaluate(() => document.body.innerText);
    expect(text).toContain(TITLE);
    expect(text).toContain('Zero\u200bWidth Corp');
    expect(text).toContain(`${LONG} Inc`);
    await new Promise((r) => setTimeout(r, 300)); // an onerror would fire within a tick of the failed image load
    expect(await popup.evaluate(CLEAN)).toEqual({ pwned: undefined, planted: 0 });
    await popup.close();
  });

  it('side panel (This page and Library) shows the strings as text, and runs nothing', async () => {
    const panel = await browser.openExtensionPage(`src/ui/sidepanel/index.html?tab=${tabId}`, '[role=tablist]');
    await waitFor(() => panel.evaluate((t) => document.querySelector('[role=tabpanel] h1')?.textContent === t, TITLE), { message: 'This page never showed the title as text' });
    const thisPage = await panel.evaluate(() => document.body.innerText);
    expect(thisPage).toContain('Zero\u200bWidth Corp');
    // The sentences (moves, key sentences) carry the payloads verbatim.
    expect(thisPage.includes(IMG) || thisPage.includes(SCRIPT)).toBe(true);
    await panel.evaluate(() => (document.querySelector('#tab-library') as HTMLElement).click());
    await waitFor(() => panel.evaluate((t) => [...document.querySelectorAll('.card.page h3')].some((h) => h.textContent === t), TITLE), { message: 'Library never listed the page by its literal title' });
    // No link the panel draws may run script.
    expect(await panel.evaluate(() => [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href')!)).length)).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(await panel.evaluate(CLEAN)).toEqual({ pwned: undefined, planted: 0 });
    await panel.close();
  });

  it('the article page itself is untouched: nothing ran there either', async () => {
    expect(await article.evaluate(CLEAN)).toEqual({ pwned: undefined, planted: 0 });
  });

  it.runIf(name === 'chrome')('in-page card shows the long and zero-width names as text, and runs nothing', async () => {
    const page = article as unknown as PwPage;
    const context = (browser.raw as ChromiumRun).context as BrowserContext;
    await page.bringToFront();
    for (const want of ['Zero\u200bWidth Corp', `${LONG} Inc`]) {
      const box = await page.evaluate((w) => {
        for (const r of CSS.highlights.get('newsmark-company') ?? []) {
          const rg = document.createRange();
          rg.setStart(r.startContainer, r.startOffset);
          rg.setEnd(r.endContainer, r.endOffset);
          if (rg.toString() !== w) continue;
          (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
          const b = rg.getClientRects()[0];
          return { x: b.left + Math.min(20, b.width / 2), y: b.top + b.height / 2 };
        }
        return null;
      }, want);
      expect(box, `no highlight for ${want.slice(0, 30)}`).not.toBeNull();
      await page.mouse.move(box!.x - 3, box!.y);
      await page.mouse.move(box!.x, box!.y);
      // The card lives in a closed shadow root: read it through the accessibility tree.
      const texts = await waitFor(async () => {
        const cdp = await context.newCDPSession(page);
        try {
          const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: unknown }; ignored?: boolean }[] };
          const all = nodes.filter((n) => !n.ignored).map((n) => String(n.name?.value ?? ''));
          return all.some((t) => /^Company: /.test(t)) && all.some((t) => t.includes(want)) ? all : null;
        } finally {
          await cdp.detach();
        }
      }, { message: `card for ${want.slice(0, 30)} never showed its name` });
      expect(texts.some((t) => t.includes(want))).toBe(true);
      await page.mouse.move(5, 5);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.evaluate(CLEAN)).toEqual({ pwned: undefined, planted: 0 });
  });
});
