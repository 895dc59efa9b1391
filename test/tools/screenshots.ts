// Screenshots of the popup, each side-panel tab and the options page, light and
// dark (Chromium's emulated colour scheme), into test/screenshots/*.png for the
// README. The demo article is read live by the extension; the library around it
// is a small sample imported as a JSON backup, so the Library, Company and Notes
// views have something to show.
//
//   npx tsx test/tools/screenshots.ts        (builds dist/ first if missing)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Note, SavedPage } from '../../src/messages.ts';
import type { Move, PageSummary } from '../../src/extract/types.ts';
import { buildOnce, launchChromium, repoRoot, serveFolder, waitFor } from '../e2e/browsers.ts';

const OUT = join(repoRoot, 'test/screenshots');
const PORT = 8220;

function move(subject: string, direction: 'up' | 'down', value: number, text: string): Move {
  return { subject, direction, magnitude: { value, unit: '%' }, text };
}

function page(slug: string, site: string, date: string, title: string, s: Omit<PageSummary, 'title' | 'words'>): SavedPage {
  const url = `https://${site}/${slug}`;
  return { id: url, url, canonicalUrl: url, title, site, published: `${date}T07:00:00.000Z`, isArticle: true, reason: 'sample', readAt: `${date}T09:00:00.000Z`, savedAt: `${date}T09:05:00.000Z`, summary: { title, words: 800, ...s } };
}

const alibaba = { name: 'Alibaba Group Holding', aliases: ['Alibaba'], ticker: 'BABA', exchange: 'NYSE' };
const tencent = { name: 'Tencent Holdings', aliases: ['Tencent'], ticker: '0700', exchange: 'HKEX' };

/** A fictional sample library (sites under .example). */
const samplePages: SavedPage[] = [
  page('tencent-gaming-curbs', 'wire.example', '2026-11-03', 'Tencent slides as gaming curbs return', {
    companies: [{ ...tencent, mentions: 6 }, { ...alibaba, mentions: 1 }, { name: 'NetEase', aliases: [], ticker: 'NTES', mentions: 2 }],
    people: [{ name: 'Pony Ma', aliases: ['Ma'], mentions: 1 }],
    figures: [{ kind: 'percent', text: '4.2 percent', value: 4.2, mentions: 1 }, { kind: 'money', text: 'HK$38 billion', value: 38e9, currency: 'HKD', mentions: 1 }],
    moves: [move('Tencent', 'down', 4.2, 'Tencent fell 4.2 percent after regulators proposed new limits on gaming.'), move('the Hang Seng', 'down', 1.1, 'The Hang Seng lost 1.1 percent.'), move('Alibaba', 'down', 0.8, 'Alibaba slipped 0.8 percent.')],
    keySentences: ['Tencent fell 4.2 percent after regulators proposed new limits on gaming.'],
  }),
  page('alibaba-cloud-price-cut', 'markets.example', '2026-11-07', 'Alibaba cuts cloud prices to win AI customers', {
    companies: [{ ...alibaba, mentions: 7 }, { name: 'Baidu', aliases: [], ticker: 'BIDU', mentions: 2 }],
    people: [{ name: 'Eddie Wu', aliases: ['Wu'], role: 'chief executive', mentions: 2 }],
    figures: [{ kind: 'percent', text: '55 percent', value: 55, mentions: 1 }, { kind: 'money', text: '$1.2 billion', value: 1.2e9, currency: 'USD', mentions: 1 }],
    moves: [move('Alibaba', 'down', 2.3, 'Alibaba shares fell 2.3 percent as investors weighed the hit to margins.')],
    keySentences: ['Alibaba shares fell 2.3 percent as investors weighed the hit to margins.'],
  }),
  page('hang-seng-stimulus', 'wire.example', '2026-11-12', 'Hang Seng rebounds on stimulus hopes', {
    companies: [{ ...alibaba, mentions: 2 }, { ...tencent, mentions: 2 }, { name: 'Meituan', aliases: [], ticker: '3690', mentions: 1 }],
    people: [],
    figures: [{ kind: 'percent', text: '2.4 percent', value: 2.4, mentions: 1 }, { kind: 'money', text: '1 trillion yuan', value: 1e12, currency: 'CNY', mentions: 1 }],
    moves: [move('the Hang Seng', 'up', 2.4, 'The Hang Seng rose 2.4 percent.'), move('Alibaba', 'up', 3.1, 'Alibaba gained 3.1 percent.'), move('Tencent', 'up', 1.9, 'Tencent added 1.9 percent.')],
    keySentences: ['The Hang Seng rose 2.4 percent.', 'Alibaba gained 3.1 percent.'],
  }),
  page('singles-day-sales', 'retail.example', '2026-11-14', 'JD.com and Alibaba ride Singles Day sales', {
    companies: [{ ...alibaba, mentions: 4 }, { name: 'JD.com', aliases: ['JD'], ticker: 'JD', mentions: 4 }],
    people: [{ name: 'Sandy Xu', aliases: [], mentions: 1 }],
    figures: [{ kind: 'money', text: '$156 billion', value: 156e9, currency: 'USD', mentions: 1 }],
    moves: [move('JD.com', 'up', 2.8, 'JD.com rose 2.8 percent.'), move('Alibaba', 'up', 1.4, 'Alibaba climbed 1.4 percent.')],
    keySentences: ['JD.com rose 2.8 percent.'],
  }),
];

const sampleNotes: Note[] = [
  { id: 'sample-note-1', pageUrl: samplePages[1].canonicalUrl, quote: { type: 'TextQuoteSelector', exact: 'weighed the hit to margins', prefix: 'investors ', suffix: '.' }, body: 'Price war risk: compare with Baidu’s cuts next quarter.', created: '2026-11-07T09:10:00.000Z', updated: '2026-11-07T09:10:00.000Z' },
  { id: 'sample-note-2', pageUrl: samplePages[0].canonicalUrl, quote: { type: 'TextQuoteSelector', exact: 'proposed new limits on gaming', prefix: 'regulators ', suffix: '.' }, body: 'Second time this year.', created: '2026-11-03T09:20:00.000Z', updated: '2026-11-03T09:20:00.000Z', detached: true },
];

async function send(p: Page, msg: Record<string, unknown>) {
  const r = await p.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), msg);
  if (!r?.ok) throw new Error(`${msg.type}: ${r?.error}`);
  return r.value;
}

async function shot(p: Page, name: string, scheme: 'light' | 'dark', width: number) {
  await p.emulateMedia({ colorScheme: scheme });
  await p.setViewportSize({ width, height: 300 });
  await p.evaluate(() => document.fonts.ready);
  await p.waitForTimeout(150);
  const file = join(OUT, `${name}-${scheme}.png`);
  await p.screenshot({ path: file, fullPage: true });
  console.log('wrote', file);
}

async function main() {
  buildOnce();
  mkdirSync(OUT, { recursive: true });
  const served = await serveFolder(join(repoRoot, 'test/demo'), PORT);
  const run = await launchChromium();
  try {
    const article = await run.context.newPage();
    await article.goto(`${served.origin}/article.html`);
    const control = await run.openExtensionPage('src/ui/options/index.html');
    await send(control, { type: 'data/import', text: JSON.stringify({ format: 'newsmark-backup', version: 1, exportedAt: new Date().toISOString(), pages: samplePages, notes: sampleNotes }) });
    const tabId = await waitFor(() => control.evaluate(async (u) => (await (globalThis as any).chrome.tabs.query({ url: u }))[0]?.id ?? 0, `${served.origin}/article.html`));
    await waitFor(async () => (await send(control, { type: 'library/list', limit: 1000 })).length > samplePages.length, { timeout: 20_000, message: 'the demo article was not saved' });
    // One note on the demo article, so "This page" shows the page's notes.
    const live = await control.evaluate(async (id) => (await (globalThis as any).chrome.tabs.sendMessage(id, { type: 'content/summary' }))?.value, tabId);
    await send(control, {
      type: 'note/add',
      pageUrl: live.page.canonicalUrl,
      quote: { type: 'TextQuoteSelector', exact: 'the fastest pace in three years', prefix: 'September quarter, ', suffix: ', as demand' },
      body: 'Cloud is re-accelerating: check the margin next quarter.',
    });
    await article.bringToFront();

    for (const scheme of ['light', 'dark'] as const) {
      const popup = await run.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.goto(run.extensionUrl(`src/ui/popup/index.html?tab=${tabId}`));
      await popup.waitForSelector('main:not([aria-busy=true])');
      await shot(popup, 'popup', scheme, 380);
      await popup.close();

      const views: [string, string][] = [
        ['sidepanel-page', ''],
        ['sidepanel-library', '#tab=library'],
        ['sidepanel-company', `#tab=company&company=${encodeURIComponent(alibaba.name)}`],
        ['sidepanel-notes', '#tab=notes'],
        ['sidepanel-export', '#tab=export'],
      ];
      for (const [name, hash] of views) {
        const panel = await run.context.newPage();
        await panel.emulateMedia({ colorScheme: scheme });
        await panel.goto(run.extensionUrl(`src/ui/sidepanel/index.html?tab=${tabId}${hash}`));
        await panel.waitForSelector('[role=tabpanel] > *');
        await panel.waitForTimeout(400);
        await shot(panel, name, scheme, 400);
        await panel.close();
      }

      const options = await run.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(run.extensionUrl('src/ui/options/index.html'));
      await options.waitForSelector('main fieldset');
      await shot(options, 'options', scheme, 720);
      await options.close();
    }
  } finally {
    await run.close();
    await served.close();
  }
}

await main();
