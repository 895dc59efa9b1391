import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { companyKey } from './company-key.ts';
import { listPages } from './library.ts';
import { listNotes } from './notes.ts';
import { openNewsmarkDb } from './open-db.ts';
import { DB_VERSION } from './schema.ts';
import { getSettings } from './settings.ts';
import { company, summaryOf, uniqueName } from './test-helpers.ts';

/** A v1 record as version 1 wrote it: no companyKeys. */
function v1Page(i: number) {
  const url = `https://example.com/news/${i}`;
  return {
    url,
    canonicalUrl: url,
    id: url,
    title: `Story ${i}`,
    site: 'example.com',
    isArticle: true,
    reason: 'article',
    readAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
    savedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
    summary: summaryOf({ companies: [company(i % 2 ? 'Alibaba Group Holding Ltd.' : 'Tencent Holdings', i + 1)] }),
  };
}

describe('schema migrations', () => {
  it('upgrades a filled v1 database to the current version and finds every record', async () => {
    const name = uniqueName();
    const v1 = await openNewsmarkDb(name, 1);
    expect(v1.objectStoreNames.contains('meta')).toBe(false);
    for (let i = 0; i < 30; i++) await v1.put('pages', v1Page(i) as never);
    await v1.put('notes', {
      id: 'n1',
      pageUrl: 'https://example.com/news/3',
      quote: { type: 'TextQuoteSelector', exact: 'surged', prefix: 'shares ', suffix: ' 15%' },
      body: 'remember this',
      created: '2026-01-05T00:00:00.000Z',
      updated: '2026-01-05T00:00:00.000Z',
    });
    await v1.put('settings', { saveMode: 'ask', categories: { company: true, person: false, figure: true, move: true }, disabledSites: [], savePrivate: false }, 'settings');
    v1.close();

    const db = await openNewsmarkDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('pages')).toBe(30);
    // Every old page carries its company keys and is found through the new index.
    const alibaba = await db.getAllFromIndex('pages', 'companies', companyKey('Alibaba Group Holding'));
    const tencent = await db.getAllFromIndex('pages', 'companies', 'tencent holdings');
    expect(alibaba).toHaveLength(15);
    expect(tencent).toHaveLength(15);
    expect((await listPages(db, { company: 'alibaba group holding limited', limit: 1000 })).length).toBe(15);
    expect(await listNotes(db, 'https://example.com/news/3')).toMatchObject([{ id: 'n1', body: 'remember this' }]);
    expect((await getSettings(db)).saveMode).toBe('ask');
    expect(db.objectStoreNames.contains('meta')).toBe(true);
    db.close();
  });

  it('keeps the v1 data when a migration fails', async () => {
    const name = uniqueName();
    const v1 = await openNewsmarkDb(name, 1);
    await v1.put('pages', v1Page(1) as never);
    // A record the backfill cannot read (summary of the wrong type) makes the upgrade throw.
    await v1.put('pages', { ...v1Page(2), summary: { companies: 5 } } as never);
    v1.close();
    await expect(openNewsmarkDb(name)).rejects.toThrow();
    const still = await openDB(name);
    expect(still.version).toBe(1);
    expect(await still.count('pages')).toBe(2);
    still.close();
  });
});
