import { describe, expect, it } from 'vitest';
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
