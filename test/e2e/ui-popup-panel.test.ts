// The popup and the side panel in real browsers: read the demo article, then
// the popup (opened as a tab, pinned to the article's tab with ?tab=ID) shows
// the summary the content script holds, and the side panel shows it live and
// lists the saved page in the Library. Also logs the popup's time to summary
// (performance mark 'newsmark:summary', from navigation start): a figure for
// the report, not an assertion (speed is measured in benchmarks).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, repoRoot, serveFolder, waitFor, type Served } from './browsers.ts';
import { clickButton, contentSummary, ext, launch, tabIdOf, textOf, waitForText, type AnyPage, type Ext } from './ui-helpers.ts';

const TITLE = 'Alibaba shares surge as cloud growth beats forecasts';
const PORTS = { chrome: 8210, firefox: 8211 };

/** A link list, not an article: Newsmark leaves it alone until asked. */
const INDEX_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Markets: latest</title></head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/tech">Tech</a></nav>
<h1>Latest markets headlines</h1>
<ul>
<li><a href="/a1">Apple shares rose 3 percent after record iPhone sales</a></li>
<li><a href="/a2">Microsoft slips 2 percent as cloud growth slows</a></li>
<li><a href="/a3">Oil climbs as OPEC cuts output</a></li>
<li><a href="/a4">Gold steady ahead of jobs data</a></li>
</ul></body></html>`;

beforeAll(() => buildOnce());

describe.each((process.env.NEWSMARK_BROWSERS ?? 'chrome,firefox').split(',') as ('chrome' | 'firefox')[])('%s: popup and side panel', (name) => {
  let browser: Ext;
  let served: Served;
  let control: AnyPage;
  let tabId: number;
  let live: NonNullable<Awaited<ReturnType<typeof contentSummary>>>;

  beforeAll(async () => {
    served = await serveFolder(join(repoRoot, 'test/demo'), PORTS[name]);
    browser = await launch(name);
    await browser.openPage(`${served.origin}/article.html`);
    control = await browser.openExtensionPage('src/ui/options/index.html', 'main');
    tabId = await tabIdOf(control, `${served.origin}/article.html`);
    // Wait until the content script has read the page (the page is saved in the default 'auto' mode) and its
    // summary has stopped growing: it reads in slices, and a summary asked for mid-scan is a partial one.
    let previous = '';
    live = (await waitFor(async () => {
      const s = await contentSummary(control, tabId);
      const saved = s && (await ext(control, { type: 'page/get', canonicalUrl: s.page.canonicalUrl }));
      const now = saved ? JSON.stringify(s.summary) : '';
      const stable = now !== '' && now === previous;
      previous = now;
      return stable ? s : null;
    }, { timeout: 20_000, interval: 300, message: 'content script never summarised and saved the demo article' }))!;
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('popup shows the page summary the content script holds', async () => {
    const popup = await browser.openExtensionPage(`src/ui/popup/index.html?tab=${tabId}`, 'main');
    await waitFor(() => popup.evaluate(() => !document.querySelector('[aria-busy=true]')), { message: 'popup stayed busy' });
    expect(await textOf(popup, 'h1')).toBe(TITLE);
    const text = await popup.evaluate(() => document.body.innerText);
    for (const c of live.summary.companies.slice(0, 8)) expect(text).toContain(c.name);
    for (const p of live.summary.people.slice(0, 8)) expect(text).toContain(p.name);
    expect(await popup.evaluate(() => document.querySelectorAll('.cat-move .entry').length)).toBe(Math.min(8, live.summary.moves.length));
    // the actions are there and reflect the saved state
    await waitForText(popup, 'Forget this page');
    expect(text).toContain('Open side panel');
    const [start, mark] = await popup.evaluate(() => ['newsmark:popup-start', 'newsmark:summary'].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? -1));
    expect(mark).toBeGreaterThan(start);
    console.log(`[${name}] popup: script start ${start.toFixed(0)} ms, summary ${mark.toFixed(0)} ms after navigation start (ours: ${(mark - start).toFixed(0)} ms)`);
    await popup.close();
  });

  it('popup shows the demo article’s companies, moves and people', async () => {
    const popup = await browser.openExtensionPage(`src/ui/popup/index.html?tab=${tabId}`, 'main');
    await waitFor(() => textOf(popup, 'section.cat-company'), { message: 'no companies in the popup' });
    expect(await textOf(popup, 'section.cat-company')).toContain('Alibaba');
    expect(await textOf(popup, 'section.cat-person')).toContain('Eddie Wu');
    expect(await popup.evaluate(() => document.querySelectorAll('.mark.up').length)).toBeGreaterThan(0);
    await popup.close();
  });

  it('popup: "Scan this page" reads a page that is not an article', async () => {
    served.routes.set('/index.html', INDEX_PAGE);
    await browser.openPage(`${served.origin}/index.html`);
    const id = await tabIdOf(control, `${served.origin}/index.html`);
    // The content script answers, with null: it is there but not reading a non-article.
    await waitFor(() => control.evaluate(async (tabId) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      const r = await api.tabs.sendMessage(tabId, { type: 'content/summary' }).catch(() => undefined);
      return r?.ok === true && r.value === null;
    }, id), { message: 'content script did not answer on the index page' });
    const popup = await browser.openExtensionPage(`src/ui/popup/index.html?tab=${id}`, 'main');
    await waitForText(popup, 'This page does not look like an article.');
    expect(await textOf(popup, 'section.cat-company')).toBeNull();
    await clickButton(popup, 'Scan this page');
    await waitFor(() => textOf(popup, 'section.cat-company'), { timeout: 15_000, message: 'no companies after the scan' });
    expect(await textOf(popup, 'section.cat-company')).toMatch(/Apple/);
    expect(await textOf(popup, 'section.cat-company')).toMatch(/Microsoft/);
    await popup.close();
  });

  it('side panel: This page shows the live summary; Library lists the saved page', async () => {
    const panel = await browser.openExtensionPage(`src/ui/sidepanel/index.html?tab=${tabId}`, '[role=tablist]');
    await waitFor(() => textOf(panel, '[role=tabpanel] h1').then((t) => t === TITLE), { message: 'This page tab never showed the title' });
    expect(await panel.evaluate(() => document.querySelector('[role=tab][aria-selected=true]')?.textContent)).toBe('This page');
    await panel.evaluate(() => (document.querySelector('#tab-library') as HTMLElement).click());
    await waitFor(() => panel.evaluate((t) => [...document.querySelectorAll('.card.page h3')].some((h) => h.textContent === t), TITLE), { message: 'Library never listed the page' });
    const pages = await ext<{ canonicalUrl: string }[]>(panel, { type: 'library/list' });
    expect(pages.map((p) => p.canonicalUrl)).toContain(live.page.canonicalUrl);
    // search goes through the background: a word of the title finds it, nonsense finds nothing
    await panel.evaluate(() => {
      const input = document.querySelector('input[type=search]') as HTMLInputElement;
      input.value = 'zzqqxx';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitForText(panel, 'No saved page matches.');
    await panel.evaluate(() => {
      const input = document.querySelector('input[type=search]') as HTMLInputElement;
      input.value = 'cloud growth';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitFor(() => panel.evaluate((t) => [...document.querySelectorAll('.card.page h3')].map((h) => h.textContent).join('|') === t, TITLE), { message: 'search did not find the page' });
    await panel.close();
  });
});
