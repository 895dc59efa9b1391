// The content script end to end, in headless Chromium and Firefox ESR, on the
// bundled demo article served from 127.0.0.1: the right mentions land in
// CSS.highlights (read from the page's own world), boilerplate stays plain,
// the page's DOM is untouched apart from our one host element, later content
// is highlighted, pushState starts a new summary, the card opens by pointer
// and keyboard, toggles work, a busy page does not make us spin, and notes
// are described from a selection and anchored back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, repoRoot, serveFolder, waitFor, type Served } from './browsers.ts';
import { launchDriver, readHighlights, type Driver, type Engine, type HighlightDump } from './drive.ts';

const PORT = 8111;
const demoDir = join(repoRoot, 'test/demo');
const demo = readFileSync(join(demoDir, 'article.html'), 'utf8');
/** The demo without its live clock (so the DOM can be compared) and with the bench hook on. */
const staticDemo = demo.replace(/<script>\s*\/\/ A live clock[\s\S]*?<\/script>/, '').replace('<meta charset="utf-8">', '<meta charset="utf-8"><meta name="newsmark-bench" content="1">');

const listing = `<!doctype html><html><head><meta charset="utf-8"><title>Markets | The Harbour Ledger</title></head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<main><h1>Markets</h1><ul>
${Array.from({ length: 12 }, (_, i) => `<li><a href="/story/${i}">Alibaba and Tencent lead Hong Kong higher as Hang Seng gains ${i + 1} percent</a></li>`).join('\n')}
</ul></main></body></html>`;

const busyTicker = staticDemo.replace('</body>', `<script>
  // A live ticker: replaces its text every 50 ms, forever.
  let n = 0;
  setInterval(() => { document.getElementById('ticker-clock').textContent = 'HSI ' + (20000 + (n++ % 500)) + ' pts, ' + 'Tencent ' + (300 + (n % 7)) + ' HKD, Alibaba ' + (80 + (n % 5)) + ' HKD'; }, 50);
</script></body>`);

/** The demo with a standfirst that names a company the body never names. */
const standfirstDemo = staticDemo.replace(/<p class="standfirst">[^<]*<\/p>/, '<p class="standfirst">Naspers unit Prosus rose 2.4 percent in Amsterdam as investors piled back into Chinese technology stocks.</p>');

/**
 * A page too long to paint at once (2,500 paragraphs; the content script paints such pages near the
 * viewport only): one person is named only in the last paragraph.
 */
const longPage = (() => {
  const cos = ['Alibaba', 'Tencent', 'HSBC', 'Toyota Motor', 'Rio Tinto'];
  const paras = Array.from({ length: 2500 }, (_, i) => `<p>${cos[i % 5]} shares rose ${(i % 9) + 1}.${i % 10} percent on Tuesday as investors weighed the outlook for demand, while ${cos[(i + 2) % 5]} fell ${(i % 4) + 1} percent.</p>`);
  paras.push('<p>Chief executive Jane Holloway said the company would keep investing through the downturn, and HSBC shares fell 2 percent.</p>');
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="newsmark-bench" content="1"><title>Markets wrap: the longest day</title></head><body><article><h1>Markets wrap: the longest day</h1>\n${paras.join('\n')}\n</article></body></html>`;
})();

/** 400 paragraphs, all painted (under the near-viewport limit), each with a company of its own number. */
const windowPage = (() => {
  const paras = Array.from({ length: 400 }, (_, i) => `<p>Shares of Kivaro${i} Holdings rose ${(i % 9) + 1} percent on Tuesday as investors weighed the outlook for demand and the company said orders grew.</p>`);
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="newsmark-bench" content="1"><title>Markets wrap: four hundred movers</title></head><body><article><h1>Markets wrap: four hundred movers</h1>\n${paras.join('\n')}\n</article></body></html>`;
})();

const hasText = (list: { text: string }[] | null, needle: string) => !!list?.some((r) => r.text.includes(needle));

let server: Served;
beforeAll(async () => {
  buildOnce();
  server = await serveFolder(demoDir, PORT);
  server.routes.set('/static.html', staticDemo);
  server.routes.set('/listing.html', listing);
  server.routes.set('/busy.html', busyTicker);
  server.routes.set('/standfirst.html', standfirstDemo);
  server.routes.set('/long.html', longPage);
  server.routes.set('/window.html', windowPage);
  // A strict Content-Security-Policy: no inline styles or scripts from the page's point of view.
  server.routes.set('/csp.html', { body: staticDemo.replace(/<style>[\s\S]*?<\/style>/, ''), headers: { 'content-security-policy': "default-src 'self'; style-src 'self'; script-src 'self'" } });
});
afterAll(async () => {
  await server?.close();
});

describe.each<Engine>(['chromium', 'firefox'])('content script in %s', (engine) => {
  let d: Driver;
  const url = (path: string) => `${server.origin}${path}`;
  const highlights = () => d.eval<HighlightDump>(readHighlights);
  const waitHighlighted = () => waitFor(async () => ((await highlights()).company?.length ?? 0) > 0, { message: 'no company highlighted' });

  beforeAll(async () => {
    d = await launchDriver(engine, { origin: server.origin });
  });
  afterAll(async () => {
    await d?.close();
  });

  it('highlights the article\'s companies, people, figures and moves, and nothing in boilerplate', async () => {
    await d.goto(url('/static.html'));
    await waitHighlighted();
    await waitFor(async () => (await d.eval<number>(`performance.getEntriesByName('newsmark:settled').length`)) > 0);
    const h = await highlights();
    expect(hasText(h.company, 'Alibaba')).toBe(true);
    expect(hasText(h.company, 'Tencent')).toBe(true);
    expect(hasText(h.person, 'Eddie Wu')).toBe(true);
    expect(hasText(h.figure, '15 percent')).toBe(true);
    expect(hasText(h.figure, 'US$34.8 billion')).toBe(true);
    expect(hasText(h.move, '3.8 percent')).toBe(true);
    // Boilerplate mentions (ticker, newsletter, most read, footer, cookie banner, code) stay plain.
    const all = [...(h.company ?? []), ...(h.person ?? []), ...(h.figure ?? []), ...(h.move ?? [])];
    expect(all.filter((r) => r.boiler)).toEqual([]);
    expect(hasText(h.company, 'Meta')).toBe(false);
    expect(hasText(h.person, 'Elon Musk')).toBe(false);
  });

  it('reads the standfirst as article text, as the CLI does', async () => {
    expect(standfirstDemo).toContain('Prosus');
    await d.goto(url('/standfirst.html'));
    await waitHighlighted();
    await waitFor(async () => (await d.eval<number>(`performance.getEntriesByName('newsmark:settled').length`)) > 0);
    const h = await highlights();
    expect(hasText(h.company, 'Prosus')).toBe(true);
    expect(hasText(h.figure, '2.4 percent')).toBe(true);
  });

  it('leaves the page\'s DOM byte for byte as it was, apart from the card host', async () => {
    await d.goto(url('/static.html'), {
      beforeLoad: `document.addEventListener('DOMContentLoaded', () => { window.__before = document.documentElement.outerHTML; });`,
    });
    await waitHighlighted();
    // Open a card so the host element exists, then compare.
    const rect = await d.eval<{ x: number; y: number }>(`(() => { const r = [...CSS.highlights.get('newsmark-company')][0]; const rg = document.createRange(); rg.setStart(r.startContainer, r.startOffset); rg.setEnd(r.endContainer, r.endOffset); const b = rg.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; })()`);
    await d.mouseMove(rect.x, rect.y);
    await waitFor(() => d.eval<boolean>(`!!document.querySelector('newsmark-card')`), { message: 'card host not created' });
    const same = await d.eval<{ same: boolean; hosts: number; shadowOpen: boolean; parent: string }>(`(() => {
      const host = document.querySelector('newsmark-card');
      const after = document.documentElement.outerHTML.replace(/<newsmark-card[^>]*><\\/newsmark-card>/g, '');
      return { same: after === window.__before, hosts: document.querySelectorAll('newsmark-card').length, shadowOpen: host.shadowRoot !== null, parent: host.parentNode.localName };
    })()`);
    expect(same).toEqual({ same: true, hosts: 1, shadowOpen: false, parent: 'html' });
  });

  it('opens the card on hover over a mention', async () => {
    await d.goto(url('/static.html'));
    await waitHighlighted();
    const box = await d.eval<{ x: number; y: number; bottom: number }>(`(() => { const r = [...CSS.highlights.get('newsmark-person')][0]; const rg = document.createRange(); rg.setStart(r.startContainer, r.startOffset); rg.setEnd(r.endContainer, r.endOffset); rg.startContainer.parentElement.scrollIntoView({ block: 'center' }); const b = rg.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2, bottom: b.bottom }; })()`);
    await d.mouseMove(box.x - 2, box.y);
    await d.mouseMove(box.x, box.y);
    // The card sits just below the mention: hit-testing there finds our host (the closed shadow retargets to it).
    await waitFor(() => d.eval<boolean>(`document.elementFromPoint(${box.x + 20}, ${box.bottom + 30})?.localName === 'newsmark-card'`), { message: 'card not under the mention' });
    if (d.accessibleTexts) {
      // What the card says (read through the accessibility tree: the shadow root is closed to page scripts).
      const texts = await d.accessibleTexts();
      expect(texts.some((t) => /^Person: /.test(t))).toBe(true);
      expect(texts.some((t) => /Mentioned (once|\d+ times) on this page/.test(t))).toBe(true);
      expect(texts).toEqual(expect.arrayContaining(['Show in side panel', 'Add a note', 'Hide people']));
    }
    // Moving away closes it.
    await d.mouseMove(5, 5);
    await waitFor(() => d.eval<boolean>(`document.elementFromPoint(${box.x + 20}, ${box.bottom + 30})?.localName !== 'newsmark-card'`), { message: 'card did not close' });
  });

  it('shows a working card under a strict Content-Security-Policy', async () => {
    await d.goto(url('/csp.html'));
    await waitHighlighted();
    const box = await d.eval<{ x: number; y: number; bottom: number }>(`(() => { const r = [...CSS.highlights.get('newsmark-company')][0]; const rg = document.createRange(); rg.setStart(r.startContainer, r.startOffset); rg.setEnd(r.endContainer, r.endOffset); rg.startContainer.parentElement.scrollIntoView({ block: 'center' }); const b = rg.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2, bottom: b.bottom }; })()`);
    await d.mouseMove(box.x - 2, box.y);
    await d.mouseMove(box.x, box.y);
    // Only a styled (position: fixed) card sits under the mention; an unstyled one would trail the page.
    await waitFor(() => d.eval<boolean>(`document.elementFromPoint(${box.x + 20}, ${box.bottom + 30})?.localName === 'newsmark-card'`), { message: 'card not shown (styles blocked by CSP?)' });
  });

  it('steps through mentions with Alt+Shift+ArrowDown and focuses the card; Escape returns', async () => {
    await d.goto(url('/static.html'));
    await waitHighlighted();
    await waitFor(async () => (await d.eval<number>(`performance.getEntriesByName('newsmark:settled').length`)) > 0);
    await d.eval(`document.body.focus()`);
    await d.press(['Alt', 'Shift', 'ArrowDown']);
    await waitFor(() => d.eval<boolean>(`document.activeElement?.localName === 'newsmark-card'`), { message: 'card did not take focus' });
    const first = (await highlights()).current;
    expect(first).toHaveLength(1);
    await d.press(['Alt', 'Shift', 'ArrowDown']);
    await waitFor(async () => (await highlights()).current?.[0]?.text !== first![0].text, { message: 'did not move to the next mention' });
    await d.press(['Escape']);
    await waitFor(() => d.eval<boolean>(`document.activeElement?.localName !== 'newsmark-card'`), { message: 'Escape did not close the card' });
  });

  it('hides a category from the card, using only the keyboard', async () => {
    await d.goto(url('/static.html'));
    await waitHighlighted();
    await waitFor(async () => (await d.eval<number>(`performance.getEntriesByName('newsmark:settled').length`)) > 0);
    const keys = () => d.eval<string[]>(`[...CSS.highlights.keys()].filter((k) => /^newsmark-(company|person|figure|move)$/.test(k)).sort()`);
    const before = await keys();
    expect(before.length).toBe(4);
    await d.eval(`document.body.focus()`);
    await d.press(['Alt', 'Shift', 'ArrowDown']);
    await waitFor(() => d.eval<boolean>(`document.activeElement?.localName === 'newsmark-card'`), { message: 'card did not take focus' });
    // Focus starts on "Show in side panel"; Tab, Tab reaches "Hide <category>".
    await d.press(['Tab']);
    await d.press(['Tab']);
    await d.press(['Enter']);
    await waitFor(async () => (await keys()).length === 3, { message: 'no category was hidden' });
    expect(await d.eval<boolean>(`document.activeElement?.localName === 'newsmark-card'`)).toBe(false);
  });

  it('highlights content added later (load more / live blog)', async () => {
    await d.goto(url('/static.html'));
    await waitHighlighted();
    expect(hasText((await highlights()).company, 'Meituan')).toBe(false);
    await d.eval(`(() => {
      const p = document.createElement('p');
      p.textContent = 'Update 10:42: Meituan shares jumped 7 percent after the food delivery group said orders grew faster than expected in the third quarter.';
      document.querySelector('.article-body').appendChild(p);
    })()`);
    // Read at once wherever it is (the summary has it); on the page once the reader is near it (only blocks
    // near the viewport are registered in CSS.highlights: src/page/page-session.ts, WINDOW_MARGIN).
    await waitFor(async () => {
      const s = unwrap(await d.askContent({ type: 'content/summary' })) as { summary: { companies: { name: string }[] } };
      return s.summary.companies.some((c) => c.name === 'Meituan');
    }, { message: 'appended paragraph not read', timeout: 8000 });
    await d.eval(`document.querySelector('.article-body').lastElementChild.scrollIntoView({ block: 'center' })`);
    await waitFor(async () => hasText((await highlights()).company, 'Meituan'), { message: 'appended paragraph not highlighted', timeout: 8000 });
  });

  it('starts a new page summary after history.pushState', async () => {
    await d.goto(url('/static.html'));
    await waitHighlighted();
    const before = unwrap(await d.askContent({ type: 'content/summary' })) as { page: { url: string; title: string }; summary: { words: number } };
    expect(before.page.url).toBe(url('/static.html'));
    expect(before.summary.words).toBeGreaterThan(300);
    await d.eval(`(() => {
      const body = document.querySelector('.article-body');
      // What a single-page news site does: new headline, title and metadata, new body, new URL.
      document.querySelector('h1').textContent = 'Toyota lifts profit forecast on weaker yen';
      document.title = 'Toyota lifts profit forecast on weaker yen | The Harbour Ledger';
      document.querySelector('script[type="application/ld+json"]').textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Toyota lifts profit forecast on weaker yen' });
      body.replaceChildren(...Array.from({ length: 6 }, (_, i) => { const p = document.createElement('p'); p.textContent = 'Toyota Motor raised its full-year operating profit forecast by ' + (i + 2) + ' percent on Tuesday, saying the weaker yen would add about 300 billion yen to earnings this year, while sales in North America held up.'; return p; }));
      history.pushState({}, '', '/markets/toyota-forecast');
    })()`);
    const after = await waitFor(async () => {
      const s = unwrap(await d.askContent({ type: 'content/summary' })) as typeof before | null;
      return s && s.page.url.endsWith('/markets/toyota-forecast') && s.summary.words > 0 ? s : null;
    }, { message: 'no new summary after pushState', timeout: 8000 });
    expect(after.page.title).toContain('Toyota');
    // The canonical link was not updated by the app: the new page must not be keyed as the old one.
    expect((after.page as { canonicalUrl?: string }).canonicalUrl).not.toBe('http://127.0.0.1/markets/asia/alibaba-cloud-results');
    expect(after.summary.words).toBeLessThan(before.summary.words);
    await waitFor(async () => {
      const h = await highlights();
      return hasText(h.company, 'Toyota') && !hasText(h.company, 'Alibaba');
    }, { message: 'highlights not renewed after navigation' });
  });

  it('toggles all highlights and single categories on request', async () => {
    await d.goto(url('/static.html'));
    await waitHighlighted();
    const keys = () => d.eval<string[]>(`[...CSS.highlights.keys()].filter((k) => k.startsWith('newsmark-')).sort()`);
    const off = unwrap(await d.askContent({ type: 'content/highlights', categories: { figure: false } })) as { enabled: boolean; categories: Record<string, boolean> };
    expect(off.categories.figure).toBe(false);
    expect(await keys()).not.toContain('newsmark-figure');
    expect(await keys()).toContain('newsmark-company');
    await d.askContent({ type: 'content/highlights', toggle: true });
    expect((await keys()).filter((k) => k !== 'newsmark-note')).toEqual([]);
    const on = unwrap(await d.askContent({ type: 'content/highlights', enabled: true, categories: { figure: true } })) as { enabled: boolean };
    expect(on.enabled).toBe(true);
    expect(await keys()).toEqual(expect.arrayContaining(['newsmark-company', 'newsmark-figure', 'newsmark-move', 'newsmark-person']));
  });

  it('does nothing on a page that is not an article until asked to scan it', async () => {
    await d.goto(url('/listing.html'));
    await new Promise((r) => setTimeout(r, 800));
    expect((await highlights()).company).toBeNull();
    const scanned = unwrap(await d.askContent({ type: 'content/scan' })) as { page: { isArticle: boolean }; summary: { words: number } };
    expect(scanned.page.isArticle).toBe(false);
    expect(scanned.summary.words).toBeGreaterThan(50);
    await waitFor(async () => hasText((await highlights()).company, 'Alibaba'), { message: 'scan did not highlight' });
  });

  it('does not spin on a page whose ticker mutates every 50 ms', async () => {
    await d.goto(url('/busy.html'));
    await waitHighlighted();
    await waitFor(async () => (await d.eval<number>(`performance.getEntriesByName('newsmark:settled').length`)) > 0);
    const slices = () => d.eval<number>(`performance.getEntriesByName('newsmark:slice').length`);
    const start = await slices();
    await new Promise((r) => setTimeout(r, 3000));
    // ~60 ticker mutations happened; none of them is article content, so no scanning work follows.
    expect((await slices()) - start).toBeLessThanOrEqual(2);
  });

  it('sends the page summary to the background, which stores it', async () => {
    await d.goto(url('/static.html'));
    await waitHighlighted();
    const saved = await waitFor(async () => {
      const r = unwrap(await d.askBackground({ type: 'page/get', canonicalUrl: 'http://127.0.0.1/markets/asia/alibaba-cloud-results' })) as { title: string; summary: { words: number } } | null;
      return r && r.summary.words > 300 ? r : null;
    }, { message: 'background never received page/update', timeout: 8000 });
    expect(saved.title).toBe('Alibaba shares surge as cloud growth beats forecasts');
  });

  it('scrolls to a mention on request (side panel "show on page")', async () => {
    await d.goto(url('/static.html'));
    await waitHighlighted();
    await waitFor(async () => (await d.eval<number>(`performance.getEntriesByName('newsmark:settled').length`)) > 0);
    const person = await d.eval<string>(`(() => { const r = [...CSS.highlights.get('newsmark-person')].at(-1); const rg = document.createRange(); rg.setStart(r.startContainer, r.startOffset); rg.setEnd(r.endContainer, r.endOffset); return rg.toString(); })()`);
    const summary = unwrap(await d.askContent({ type: 'content/summary' })) as { summary: { people: { name: string; aliases: string[] }[] } };
    const entry = summary.summary.people.find((p) => p.name === person || p.aliases?.includes(person)) ?? { name: person };
    const res = unwrap(await d.askContent({ type: 'content/scroll-to', category: 'person', name: entry.name })) as { found: boolean };
    expect(res.found).toBe(true);
    const current = (await highlights()).current;
    expect(current?.length).toBeGreaterThan(0);
    expect(await d.eval<boolean>(`(() => { const r = [...CSS.highlights.get('newsmark-current')][0]; const b = new Range(); b.setStart(r.startContainer, r.startOffset); b.setEnd(r.endContainer, r.endOffset); const rect = b.getBoundingClientRect(); return rect.top >= 0 && rect.bottom <= innerHeight; })()`)).toBe(true);
    expect((unwrap(await d.askContent({ type: 'content/scroll-to', category: 'company', name: 'No Such Company' })) as { found: boolean }).found).toBe(false);
  });

  it('on a page too long to paint at once, paints near the viewport and still reaches a mention at the far end', async () => {
    await d.goto(url('/long.html'));
    await waitHighlighted();
    await waitFor(async () => (await d.eval<number>(`performance.getEntriesByName('newsmark:settled').length`)) > 0, { timeout: 30_000 });
    // 2,501 paragraphs, two companies each: only those near the top are painted.
    expect((await highlights()).company!.length).toBeLessThan(200);
    expect((await highlights()).person ?? []).toEqual([]);
    // The side panel's "show on page" finds the one person at the end: painted on demand, scrolled to.
    const res = unwrap(await d.askContent({ type: 'content/scroll-to', category: 'person', name: 'Jane Holloway' })) as { found: boolean };
    expect(res.found).toBe(true);
    expect((await highlights()).current?.map((r) => r.text)).toEqual(['Jane Holloway']);
    const onScreen = `(() => { const r = [...CSS.highlights.get('newsmark-current')][0]; const b = new Range(); b.setStart(r.startContainer, r.startOffset); b.setEnd(r.endContainer, r.endOffset); const rect = b.getBoundingClientRect(); return rect.top >= 0 && rect.bottom <= innerHeight; })()`;
    expect(await d.eval<boolean>(onScreen)).toBe(true);
    expect(await d.eval<number>('scrollY')).toBeGreaterThan(await d.eval<number>('document.documentElement.scrollHeight / 2'));
    // Stepping on from the last paragraph's mentions wraps round to the first mention at the top of the page.
    await d.eval(`document.body.focus()`);
    for (let i = 0; i < 3 && (await d.eval<number>('scrollY')) > 1000; i++) {
      await d.press(['Alt', 'Shift', 'ArrowDown']);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await d.eval<number>('scrollY')).toBeLessThan(1000);
    expect(await d.eval<boolean>(onScreen)).toBe(true);
  });

  it('registers only the blocks near the viewport in CSS.highlights, and the rest as the reader scrolls', async () => {
    await d.goto(url('/window.html'));
    await waitHighlighted();
    await waitFor(async () => (await d.eval<number>(`performance.getEntriesByName('newsmark:settled').length`)) > 0, { timeout: 30_000 });
    // Every paragraph is read: the summary has all 400 companies.
    const s = unwrap(await d.askContent({ type: 'content/summary' })) as { summary: { companies: { name: string }[] } };
    expect(s.summary.companies.length).toBe(400);
    // On the page: the first paragraphs, not the last (a changed highlight costs a frame time in every registered range).
    const top = (await highlights()).company!;
    expect(hasText(top, 'Kivaro0 ')).toBe(true);
    expect(hasText(top, 'Kivaro399')).toBe(false);
    expect(top.length).toBeLessThan(200);
    await d.eval(`document.querySelector('article').lastElementChild.scrollIntoView({ block: 'center' })`);
    await waitFor(async () => hasText((await highlights()).company, 'Kivaro399'), { message: 'scrolled-to block not highlighted' });
    await waitFor(async () => !hasText((await highlights()).company, 'Kivaro0 '), { message: 'far block still registered' });
    // Printing shows every mention, and afterwards only the window again.
    await d.eval(`dispatchEvent(new Event('beforeprint'))`);
    expect((await highlights()).company!.length).toBe(400);
    await d.eval(`dispatchEvent(new Event('afterprint'))`);
    await waitFor(async () => {
      const h = (await highlights()).company;
      return !hasText(h, 'Kivaro0 ') && hasText(h, 'Kivaro399');
    }, { message: 'not back to the window after printing' });
  });

  it('stays off on a site the reader turned off (Settings.disabledSites)', async () => {
    const before = unwrap(await d.askBackground({ type: 'settings/get' })) as { disabledSites: string[] };
    await d.askBackground({ type: 'settings/set', disabledSites: [...before.disabledSites, '127.0.0.1'] });
    try {
      await d.goto(url('/static.html'));
      await new Promise((r) => setTimeout(r, 1000));
      expect((await highlights()).company).toBeNull();
      expect(unwrap(await d.askContent({ type: 'content/summary' }))).toBeNull();
    } finally {
      await d.askBackground({ type: 'settings/set', disabledSites: before.disabledSites });
    }
  });

  it('describes the selection as quote + position selectors and anchors notes from the background', async () => {
    await d.goto(url('/static.html'));
    await waitHighlighted();
    await waitFor(async () => (await d.eval<number>(`performance.getEntriesByName('newsmark:settled').length`)) > 0);
    await d.eval(`(() => {
      const p = [...document.querySelectorAll('.article-body p')].find((el) => el.textContent.includes('Competition') || el.textContent.includes('Not everyone'));
      const t = p.firstChild;
      const i = t.data.indexOf('margins in the cloud business');
      const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 'margins in the cloud business remain thin'.length);
      const s = getSelection(); s.removeAllRanges(); s.addRange(r);
    })()`);
    const sel = unwrap(await d.askContent({ type: 'content/note-from-selection' })) as { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number }; canonicalUrl: string };
    expect(sel.quote.exact).toBe('margins in the cloud business remain thin');
    expect(sel.quote.prefix.endsWith('cautioned that ')).toBe(true);
    expect(sel.quote.suffix.startsWith(', and that a price war')).toBe(true);
    expect(sel.position.end - sel.position.start).toBe(sel.quote.exact.length);
    expect(sel.canonicalUrl).toBe('http://127.0.0.1/markets/asia/alibaba-cloud-results');

    // Save it through the background, then tell the page its notes changed.
    const added = await d.askBackground({ type: 'note/add', pageUrl: sel.canonicalUrl, quote: sel.quote, position: sel.position, body: 'Watch the margin.' });
    expect(added).toMatchObject({ ok: true });
    await d.askContent({ type: 'content/notes-changed', canonicalUrl: sel.canonicalUrl });
    await waitFor(async () => hasText((await highlights()).note, 'margins in the cloud business remain thin'), { message: 'note not anchored' });
  });

  it('reports a note whose quote is gone as detached, and keeps it', async () => {
    await d.goto(url('/static.html'));
    await waitHighlighted();
    const pageUrl = 'http://127.0.0.1/markets/asia/alibaba-cloud-results';
    const gone = unwrap(await d.askBackground({ type: 'note/add', pageUrl, body: 'From an older version of the story',
      quote: { type: 'TextQuoteSelector', exact: 'the board approved a special dividend of 50 cents', prefix: 'On Wednesday ', suffix: ', payable in' },
      position: { type: 'TextPositionSelector', start: 900, end: 949 } })) as { id: string };
    await d.askContent({ type: 'content/notes-changed', canonicalUrl: pageUrl });
    const note = await waitFor(async () => {
      const list = unwrap(await d.askBackground({ type: 'note/list', canonicalUrl: pageUrl })) as { id: string; detached?: boolean }[];
      return list.find((n) => n.id === gone.id && n.detached === true);
    }, { message: 'note never reported detached' });
    expect(note.detached).toBe(true);
  });
});

function unwrap(reply: unknown): unknown {
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    const r = reply as { ok: boolean; value?: unknown; error?: string };
    if (!r.ok) throw new Error(r.error);
    return r.value;
  }
  return reply;
}
