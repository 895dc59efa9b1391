import { describe, expect, it, vi } from 'vitest';
import type { SavedPage } from '../messages.ts';
import { handle } from './router.ts';
import { company, fromPanel, fromTab, pageInfo, routerDeps, summaryOf } from './test-helpers.ts';

const URL1 = 'https://news.example.com/markets/alibaba-surges';

describe('router: settings, saving, listing', () => {
  it('answers settings/get with defaults from a content script and an extension page', async () => {
    const deps = await routerDeps();
    for (const sender of [fromTab(URL1), fromPanel]) {
      const reply = await handle({ type: 'settings/get' }, sender, deps);
      expect(reply).toEqual({
        ok: true,
        value: { saveMode: 'auto', categories: { company: true, person: true, figure: true, move: true }, disabledSites: [], savePrivate: false },
      });
    }
  });

  it('saves an article on page/update and lists it', async () => {
    const deps = await routerDeps();
    const summary = summaryOf({ companies: [company('Alibaba Group Holding', 3)] });
    const reply = await handle({ type: 'page/update', page: pageInfo(`${URL1}?utm_source=x#top`), summary }, fromTab(URL1), deps);
    expect(reply).toEqual({ ok: true, value: { saved: true, reason: 'saved' } });
    const list = await handle({ type: 'library/list' }, fromPanel, deps);
    expect(list.ok && list.value).toMatchObject([{ canonicalUrl: URL1, summary: { companies: [{ name: 'Alibaba Group Holding', mentions: 3 }] } }]);
  });

  it('refuses library/list from a web page and page/update from an extension page', async () => {
    const deps = await routerDeps();
    const a = await handle({ type: 'library/list' }, fromTab(URL1), deps);
    expect(a).toMatchObject({ ok: false, code: 'forbidden' });
    const b = await handle({ type: 'page/update', page: pageInfo(URL1), summary: summaryOf() }, fromPanel, deps);
    expect(b).toMatchObject({ ok: false, code: 'forbidden' });
    const c = await handle({ type: 'settings/get' }, { ...fromPanel, id: 'someone-else' }, deps);
    expect(c).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('rejects malformed messages with a clear error instead of throwing', async () => {
    const deps = await routerDeps();
    for (const bad of [null, 42, 'page/update', { type: 'nope' }, { type: 'page/update', page: { url: 'javascript:alert(1)' }, summary: {} }]) {
      const reply = await handle(bad, fromTab(URL1), deps);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.code).toBe('invalid');
    }
    const reply = await handle({ type: 'page/update', page: pageInfo(URL1), summary: summaryOf({ companies: [{ name: 5 }] as never }) }, fromTab(URL1), deps);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('summary.companies[0].name') });
  });
});

describe('router: saving rules', () => {
  const article = (url = URL1) => ({ type: 'page/update', page: pageInfo(url), summary: summaryOf({ companies: [company('Alibaba Group Holding', 2)] }) });

  it('stores nothing from a private window unless the reader allows it', async () => {
    const deps = await routerDeps();
    expect(await handle(article(), fromTab(URL1, true), deps)).toEqual({ ok: true, value: { saved: false, reason: 'private' } });
    expect(await handle({ type: 'library/list' }, fromPanel, deps)).toEqual({ ok: true, value: [] });
    await handle({ type: 'settings/set', savePrivate: true }, fromPanel, deps);
    expect(await handle(article(), fromTab(URL1, true), deps)).toEqual({ ok: true, value: { saved: true, reason: 'saved' } });
  });

  it('ask and never modes save nothing new but keep updating a page saved by hand', async () => {
    const deps = await routerDeps();
    await handle({ type: 'settings/set', saveMode: 'ask' }, fromPanel, deps);
    expect(await handle(article(), fromTab(URL1), deps)).toEqual({ ok: true, value: { saved: false, reason: 'ask' } });
    const saved = await handle({ type: 'page/save', page: pageInfo(URL1), summary: summaryOf() }, fromPanel, deps);
    expect(saved.ok).toBe(true);
    await handle({ type: 'settings/set', saveMode: 'never' }, fromPanel, deps);
    expect(await handle(article(), fromTab(URL1), deps)).toEqual({ ok: true, value: { saved: true, reason: 'saved' } });
    const page = await handle({ type: 'page/get', canonicalUrl: URL1 }, fromPanel, deps);
    expect(page.ok && page.value).toMatchObject({ summary: { companies: [{ name: 'Alibaba Group Holding', mentions: 2 }] } });
    expect(await handle(article('https://news.example.com/other'), fromTab('https://news.example.com/other'), deps)).toEqual({ ok: true, value: { saved: false, reason: 'never' } });
  });

  it('skips non-articles and disabled sites (subdomains included)', async () => {
    const deps = await routerDeps();
    const home = { type: 'page/update', page: pageInfo('https://news.example.com/', { isArticle: false }), summary: summaryOf() };
    expect(await handle(home, fromTab('https://news.example.com/'), deps)).toEqual({ ok: true, value: { saved: false, reason: 'not-article' } });
    await handle({ type: 'settings/set', disabledSites: ['example.com'] }, fromPanel, deps);
    expect(await handle(article(), fromTab(URL1), deps)).toEqual({ ok: true, value: { saved: false, reason: 'disabled-site' } });
  });

  it('a page cannot claim another site as its canonical URL', async () => {
    const deps = await routerDeps();
    const evil = 'https://evil.example.net/fake';
    await handle({ type: 'page/update', page: pageInfo(evil, { canonicalUrl: 'https://bank.example.org/real' }), summary: summaryOf() }, fromTab(evil), deps);
    const list = await handle({ type: 'library/list' }, fromPanel, deps);
    expect(list.ok && (list.value as SavedPage[]).map((p) => p.canonicalUrl)).toEqual([evil]);
    // The same site's canonical (www vs bare, amp paths) is honoured.
    await handle({ type: 'page/update', page: pageInfo('https://amp.example.org/a?x=1', { canonicalUrl: 'https://www.example.org/a' }), summary: summaryOf() }, fromTab('https://amp.example.org/a?x=1'), deps);
    const again = await handle({ type: 'page/get', canonicalUrl: 'https://www.example.org/a' }, fromPanel, deps);
    expect(again.ok && (again.value as SavedPage).canonicalUrl).toBe('https://www.example.org/a');
  });

  it('clips a run-on "sentence" instead of refusing the page, but refuses absurd sizes', async () => {
    const deps = await routerDeps();
    const long = 'word '.repeat(3000);
    const reply = await handle({ type: 'page/update', page: pageInfo(URL1), summary: summaryOf({ keySentences: [long] }) }, fromTab(URL1), deps);
    expect(reply).toEqual({ ok: true, value: { saved: true, reason: 'saved' } });
    const page = await handle({ type: 'page/get', canonicalUrl: URL1 }, fromPanel, deps);
    expect(page.ok && (page.value as SavedPage).summary.keySentences[0]).toHaveLength(5000);
    const absurd = await handle({ type: 'page/update', page: pageInfo(URL1), summary: summaryOf({ keySentences: ['x'.repeat(2_000_000)] }) }, fromTab(URL1), deps);
    expect(absurd).toMatchObject({ ok: false, code: 'invalid', error: expect.stringContaining('summary.keySentences[0]: longer than') });
  });

  it('drops a published date that is not ISO instead of refusing the page', async () => {
    const deps = await routerDeps();
    const reply = await handle({ type: 'page/update', page: pageInfo(URL1, { published: 'Nov 20, 2026' }), summary: summaryOf() }, fromTab(URL1), deps);
    expect(reply).toEqual({ ok: true, value: { saved: true, reason: 'saved' } });
    const page = await handle({ type: 'page/get', canonicalUrl: URL1 }, fromPanel, deps);
    expect(page.ok && (page.value as SavedPage).published).toBeUndefined();
  });

  it('tells open pages the library changed, and stays quiet when a re-send changes nothing', async () => {
    const deps = await routerDeps();
    await handle(article(), fromTab(URL1), deps);
    expect(deps.events).toEqual([{ type: 'ui/library-changed', canonicalUrl: URL1 }]);
    const db = await deps.db();
    const before = await db.get('pages', URL1);
    expect(await handle(article(), fromTab(URL1), { ...deps, now: () => new Date(Date.now() + 60_000) })).toEqual({ ok: true, value: { saved: true, reason: 'saved' } });
    expect(deps.events).toHaveLength(1);
    expect(await db.get('pages', URL1)).toEqual(before);
    await handle({ ...article(), summary: summaryOf({ companies: [company('Alibaba Group Holding', 3)] }) }, fromTab(URL1), deps);
    expect(deps.events).toHaveLength(2);
  });
});

describe('router: notes', () => {
  const quote = { type: 'TextQuoteSelector', exact: 'surged 15 percent', prefix: 'shares ', suffix: ' on' };

  it('creates, lists (to the content script too), edits, detaches and deletes notes', async () => {
    const deps = await routerDeps();
    const added = await handle({ type: 'note/add', pageUrl: `${URL1}#x`, quote, position: { type: 'TextPositionSelector', start: 10, end: 27 }, body: 'hmm' }, fromPanel, deps);
    expect(added).toMatchObject({ ok: true, value: { pageUrl: URL1, body: 'hmm' } });
    const id = added.ok ? (added.value as { id: string }).id : '';
    expect(deps.changedNotes).toEqual([URL1]);
    const forPage = await handle({ type: 'page/notes', canonicalUrl: URL1 }, fromTab(URL1), deps);
    expect(forPage.ok && forPage.value).toHaveLength(1);
    expect(await handle({ type: 'note/anchored', id, detached: true }, fromTab(URL1), deps)).toEqual({ ok: true, value: { ok: true } });
    // Another site may not flip this page's notes.
    expect(await handle({ type: 'note/anchored', id, detached: false }, fromTab('https://evil.example.net/'), deps)).toMatchObject({ ok: false, code: 'forbidden' });
    const listed = await handle({ type: 'note/list' }, fromPanel, deps);
    expect(listed.ok && listed.value).toMatchObject([{ id, detached: true }]);
    expect(await handle({ type: 'note/update', id, body: 'better' }, fromPanel, deps)).toMatchObject({ ok: true, value: { body: 'better', detached: true } });
    expect(await handle({ type: 'note/delete', id }, fromPanel, deps)).toEqual({ ok: true, value: { ok: true } });
    expect(await handle({ type: 'note/update', id, body: 'x' }, fromPanel, deps)).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('rejects a note without a proper quote selector', async () => {
    const deps = await routerDeps();
    const reply = await handle({ type: 'note/add', pageUrl: URL1, quote: { exact: 'x' }, body: '' }, fromPanel, deps);
    expect(reply).toMatchObject({ ok: false, code: 'invalid', error: expect.stringContaining('quote.type') });
  });
});

describe('router: errors reach the reader', () => {
  it('a full disk answers an error, keeps the old record and shows in status/get until cleared', async () => {
    const deps = await routerDeps({ now: () => new Date('2026-11-25T10:00:00Z') });
    await handle({ type: 'page/update', page: pageInfo(URL1), summary: summaryOf({ companies: [company('Alibaba', 1)] }) }, fromTab(URL1), deps);
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const reply = await handle({ type: 'page/update', page: pageInfo(URL1), summary: summaryOf({ companies: [company('Tencent', 1)] }) }, fromTab(URL1), deps);
    spy.mockRestore();
    expect(reply).toMatchObject({ ok: false, code: 'quota', error: expect.stringContaining('Storage is full') });
    const page = await handle({ type: 'page/get', canonicalUrl: URL1 }, fromPanel, deps);
    expect(page.ok && (page.value as SavedPage).summary.companies.map((c) => c.name)).toEqual(['Alibaba']);
    const status = await handle({ type: 'status/get' }, fromPanel, deps);
    expect(status).toMatchObject({ ok: true, value: { pages: 1, notes: 0, lastError: { code: 'quota', request: 'page/update', at: '2026-11-25T10:00:00.000Z' } } });
    await handle({ type: 'status/clear-error' }, fromPanel, deps);
    expect(await handle({ type: 'status/get' }, fromPanel, deps)).toMatchObject({ ok: true, value: { lastError: null } });
  });

  it('a database that cannot open is an error reply, not an exception', async () => {
    const deps = await routerDeps({ db: () => Promise.reject(new Error('boom')) });
    expect(await handle({ type: 'settings/get' }, fromPanel, deps)).toMatchObject({ ok: false, code: 'storage', error: expect.stringContaining('boom') });
  });

  it('import errors and export answer through the router', async () => {
    const deps = await routerDeps();
    expect(await handle({ type: 'data/import', text: '{"format":"other"}' }, fromPanel, deps)).toMatchObject({ ok: false, code: 'invalid', error: expect.stringContaining('not a Newsmark backup') });
    await handle({ type: 'page/update', page: pageInfo(URL1), summary: summaryOf() }, fromTab(URL1), deps);
    const exported = await handle({ type: 'data/export', format: 'json' }, fromPanel, deps);
    expect(exported.ok).toBe(true);
    const text = exported.ok ? (exported.value as { text: string }).text : '';
    expect(await handle({ type: 'data/delete-all', confirm: true }, fromPanel, deps)).toEqual({ ok: true, value: { ok: true } });
    expect(await handle({ type: 'data/import', text }, fromPanel, deps)).toEqual({ ok: true, value: { pages: 1, notes: 0, newPages: 1, newNotes: 0 } });
    expect(await handle({ type: 'data/delete-all' }, fromPanel, deps)).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('router: panel/open', () => {
  it('opens the panel synchronously, then hands the focus over once', async () => {
    const opened: unknown[] = [];
    const deps = await routerDeps({ openPanel: (tab) => (opened.push(tab?.id), true) });
    const pending = handle({ type: 'panel/open', focus: { category: 'company', name: 'Alibaba Group Holding' } }, fromTab(URL1), deps);
    expect(opened).toEqual([7]);
    expect(await pending).toEqual({ ok: true, value: { opened: true } });
    expect(deps.events).toContainEqual({ type: 'ui/focus', focus: { category: 'company', name: 'Alibaba Group Holding' } });
    expect(await handle({ type: 'panel/focus' }, fromPanel, deps)).toEqual({ ok: true, value: { category: 'company', name: 'Alibaba Group Holding' } });
    expect(await handle({ type: 'panel/focus' }, fromPanel, deps)).toEqual({ ok: true, value: null });
    expect(await handle({ type: 'panel/open', focus: { category: 'weather', name: 'x' } }, fromTab(URL1), deps)).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('router: settings', () => {
  it('merges partial updates, including highlight colours, and refuses what is not a hex colour', async () => {
    const deps = await routerDeps();
    await handle({ type: 'settings/set', colors: { company: '#00a3bf' } }, fromPanel, deps);
    await handle({ type: 'settings/set', colors: { move: '#e0483e' }, categories: { person: false } }, fromPanel, deps);
    const got = await handle({ type: 'settings/get' }, fromTab(URL1), deps);
    expect(got).toMatchObject({ ok: true, value: { colors: { company: '#00a3bf', move: '#e0483e' }, categories: { company: true, person: false } } });
    const bad = await handle({ type: 'settings/set', colors: { company: 'red;} body{display:none' } }, fromPanel, deps);
    expect(bad).toMatchObject({ ok: false, code: 'invalid', error: expect.stringContaining('settings.colors.company') });
    expect(await handle({ type: 'settings/set', saveMode: 'sometimes' }, fromPanel, deps)).toMatchObject({ ok: false, code: 'invalid' });
  });
});
