// The background and its IndexedDB store in real browsers (issue 4): the
// content script's page/update lands in the library, notes and a JSON backup
// round-trip through real IndexedDB, refusals reach the sender as error
// replies, and in Chromium the library survives the service worker being
// stopped (it keeps nothing in memory that matters).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, launchChromium, repoRoot, serveFolder, waitFor, type Served } from './browsers.ts';
import { unwrapReply } from '../../src/background/commands.ts';
import { launchDriver, type Driver, type Engine } from './drive.ts';

const PORT = 8473;
const demoDir = join(repoRoot, 'test/demo');

interface Reply<T = unknown> {
  ok: boolean;
  value: T;
  error?: string;
  code?: string;
}
interface Page {
  canonicalUrl: string;
  title: string;
  summary: { companies: { name: string }[] };
}

let server: Served;
beforeAll(async () => {
  buildOnce();
  server = await serveFolder(demoDir, PORT);
  server.routes.set('/story.html', readFileSync(join(demoDir, 'article.html'), 'utf8'));
});
afterAll(async () => {
  await server?.close();
});

describe.each<Engine>(['chromium', 'firefox'])('background in %s', (engine) => {
  let d: Driver;
  const ask = <T>(message: object) => d.askBackground<Reply<T>>(message);

  beforeAll(async () => {
    d = await launchDriver(engine, { origin: server.origin });
  });
  afterAll(async () => {
    await d?.close();
  });

  it('answers settings/get and status/get from an extension page', async () => {
    expect(await ask({ type: 'settings/get' })).toEqual({
      ok: true,
      value: { saveMode: 'auto', categories: { company: true, person: true, figure: true, move: true }, disabledSites: [], savePrivate: false },
    });
    expect(await ask({ type: 'status/get' })).toMatchObject({ ok: true, value: { schemaVersion: 2, lastError: null } });
  });

  it('refuses content-script-only and malformed messages from an extension page with an error reply', async () => {
    expect(await ask({ type: 'page/update', page: {}, summary: {} })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await ask({ type: 'page/notes', canonicalUrl: 'https://example.com/' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await ask({ type: 'no/such' })).toMatchObject({ ok: false, code: 'invalid' });
  });

  it("saves the article the content script reads (page/update) under its canonical URL", async () => {
    await d.goto(`${server.origin}/story.html?utm_source=test#top`);
    const page = await waitFor(
      async () => {
        const list = await ask<Page[]>({ type: 'library/list' });
        // The demo names http://127.0.0.1/markets/asia/alibaba-cloud-results as its canonical URL.
        return list.ok ? list.value.find((p) => p.canonicalUrl.startsWith('http://127.0.0.1')) : undefined;
      },
      { timeout: 15_000, message: 'the article never reached the library' },
    );
    expect(page.canonicalUrl).toBe('http://127.0.0.1/markets/asia/alibaba-cloud-results');
    expect(page.summary.companies.length).toBeGreaterThan(0);
  });

  it("the content script's answer to note-from-selection is what the add-note command reads", async () => {
    // The page from the previous test is still open: select a sentence of its body.
    await d.eval(`(() => { const p = [...document.querySelectorAll('p')].find((e) => e.textContent.includes('margins in the cloud business')); getSelection().selectAllChildren(p); return true; })()`);
    const reply = await d.askContent({ type: 'content/note-from-selection' });
    const selection = unwrapReply<{ quote: { type: string; exact: string }; position: { start: number; end: number }; canonicalUrl?: string }>(reply);
    expect(selection?.quote.type).toBe('TextQuoteSelector');
    expect(selection!.quote.exact.length).toBeGreaterThan(40);
    expect(selection!.quote.exact).toContain('margins in the cloud business');
    expect(selection!.position.end).toBeGreaterThan(selection!.position.start);
    expect(selection!.canonicalUrl).toBe('http://127.0.0.1/markets/asia/alibaba-cloud-results');
  });

  it('keeps notes and round-trips a JSON backup through real IndexedDB', async () => {
    const pageUrl = 'https://news.example.com/e2e-story';
    await ask({ type: 'page/save', page: { url: pageUrl, canonicalUrl: pageUrl, title: 'E2E story', site: 'news.example.com', isArticle: true, reason: 'test' }, summary: { title: 'E2E story', companies: [{ name: 'Alibaba Group Holding', aliases: [], mentions: 2 }], people: [], figures: [], moves: [], keySentences: [], words: 10 } });
    const note = await ask<{ id: string }>({ type: 'note/add', pageUrl, quote: { type: 'TextQuoteSelector', exact: 'surged', prefix: '', suffix: '' }, body: 'e2e note' });
    expect(note.ok).toBe(true);
    const backup = await ask<{ text: string; filename: string }>({ type: 'data/export', format: 'json' });
    expect(backup.value.filename).toMatch(/^newsmark-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const before = await ask<Page[]>({ type: 'library/list', limit: 1000 });
    expect(await ask({ type: 'data/delete-all', confirm: true })).toEqual({ ok: true, value: { ok: true } });
    expect(await ask({ type: 'library/list' })).toEqual({ ok: true, value: [] });
    expect(await ask({ type: 'data/import', text: backup.value.text })).toMatchObject({ ok: true, value: { pages: before.value.length, notes: 1 } });
    expect(await ask({ type: 'data/import', text: backup.value.text })).toMatchObject({ ok: true, value: { newPages: 0, newNotes: 0 } });
    expect((await ask<Page[]>({ type: 'library/list', limit: 1000 })).value).toEqual(before.value);
    const company = await ask<{ pages: Page[]; notes: { body: string }[] }>({ type: 'library/company', name: 'alibaba group holding ltd' });
    expect(company.value.pages.map((p) => p.title)).toContain('E2E story');
    expect(company.value.notes.map((n) => n.body)).toContain('e2e note');
    const found = await ask<Page[]>({ type: 'library/list', text: 'e2e note' });
    expect(found.value.map((p) => p.title)).toEqual(['E2E story']);
    expect(await ask({ type: 'data/import', text: '{"format":"newsmark-backup","version":1,"pages":[{"url":1}]}' })).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('Chromium service worker restart', () => {
  it('the library and settings survive the worker being stopped', async () => {
    const run = await launchChromium();
    try {
      const page = await run.openExtensionPage('src/ui/popup/index.html');
      const ask = (m: object) => page.evaluate((msg) => chrome.runtime.sendMessage(msg), m) as Promise<Reply>;
      const url = 'https://news.example.com/restart';
      await ask({ type: 'settings/set', saveMode: 'ask' });
      await ask({ type: 'page/save', page: { url, canonicalUrl: url, title: 'Restart', site: 'news.example.com', isArticle: true, reason: 't' }, summary: { title: 'Restart', companies: [], people: [], figures: [], moves: [], keySentences: [], words: 1 } });
      // Stop the worker the way Chrome does when it is idle, and watch it come back for the next message.
      const cdp = await run.context.newCDPSession(page);
      const states: string[] = [];
      let versionId = '';
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
        for (const v of e.versions) {
          if (!v.scriptURL.startsWith(run.extensionUrl(''))) continue;
          versionId = v.versionId;
          states.push(v.runningStatus);
        }
      });
      await cdp.send('ServiceWorker.enable');
      await waitFor(() => versionId !== '', { message: 'no service worker seen' });
      await cdp.send('ServiceWorker.stopWorker', { versionId });
      await waitFor(() => states.at(-1) === 'stopped', { message: 'the service worker did not stop' });
      expect(await ask({ type: 'settings/get' })).toMatchObject({ ok: true, value: { saveMode: 'ask' } });
      expect(await ask({ type: 'library/list', text: 'restart' })).toMatchObject({ ok: true, value: [{ canonicalUrl: url }] });
      expect(states.slice(states.lastIndexOf('stopped'))).toContain('running');
    } finally {
      await run.close();
    }
  });
});


describe('Chromium service worker stopped in the middle of an import', () => {
  it('leaves all of the import or none of it, never part', async () => {
    const run = await launchChromium();
    try {
      const page = await run.openExtensionPage('src/ui/popup/index.html');
      const ask = (m: object) => page.evaluate((msg) => chrome.runtime.sendMessage(msg), m) as Promise<Reply<{ pages: number }>>;
      const N = 4000;
      const time = '2026-11-20T10:00:00.000Z';
      const pages = Array.from({ length: N }, (_, i) => {
        const url = `https://bulk.example.com/story/${i}`;
        return { url, canonicalUrl: url, id: url, title: `Story ${i}`, site: 'bulk.example.com', isArticle: true, reason: 't', readAt: time, savedAt: time,
          summary: { title: `Story ${i}`, companies: [{ name: `Company ${i % 50}`, aliases: [], mentions: 1 }], people: [], figures: [], moves: [], keySentences: ['A sentence long enough to give the write some weight. '.repeat(4)], words: 100 } };
      });
      const text = JSON.stringify({ format: 'newsmark-backup', version: 1, exportedAt: time, pages, notes: [] });
      const cdp = await run.context.newCDPSession(page);
      let versionId = '';
      const states: string[] = [];
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
        for (const v of e.versions) if (v.scriptURL.startsWith(run.extensionUrl(''))) (versionId = v.versionId), states.push(v.runningStatus);
      });
      await cdp.send('ServiceWorker.enable');
      await waitFor(() => versionId !== '');
      // Fire the import and stop the worker while it runs.
      await page.evaluate((t) => { chrome.runtime.sendMessage({ type: 'data/import', text: t }).catch(() => undefined); }, text);
      await new Promise((r) => setTimeout(r, 300));
      await cdp.send('ServiceWorker.stopWorker', { versionId });
      await waitFor(() => states.at(-1) === 'stopped', { message: 'the service worker did not stop' });
      const status = (await ask({ type: 'status/get' })) as Reply<{ pages: number }>;
      expect(status.ok).toBe(true);
      expect([0, N]).toContain(status.value.pages);
      console.log(`worker stopped mid-import: ${status.value.pages === 0 ? 'import rolled back' : 'import had already committed'}`);
    } finally {
      await run.close();
    }
  });
});

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
