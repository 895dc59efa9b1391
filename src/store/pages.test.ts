import { afterEach, describe, expect, it, vi } from 'vitest';
import { companyKey } from './company-key.ts';
import { describeError } from './errors.ts';
import { forgetPage, getPage, savePage, updateSavedPage } from './pages.ts';
import { addNote, listNotes } from './notes.ts';
import { company, freshDb, pageInfo, summaryOf } from './test-helpers.ts';

const URL1 = 'https://www.example.com/markets/alibaba-surges';

afterEach(() => vi.restoreAllMocks());

describe('saving pages', () => {
  it('keeps one record per canonical URL whatever tracking junk the address carries', async () => {
    const db = await freshDb();
    for (const url of [URL1, `${URL1}/`, `${URL1}?utm_source=nl&utm_medium=email`, `${URL1}#comments`, `${URL1}?fbclid=abc&gclid=x`]) {
      await savePage(db, pageInfo(url), summaryOf());
    }
    expect(await db.count('pages')).toBe(1);
    expect((await getPage(db, `${URL1}?utm_campaign=z`))?.canonicalUrl).toBe(URL1);
  });

  it('never lets a later, smaller update erase what was read', async () => {
    const db = await freshDb();
    const first = summaryOf({
      title: 'Alibaba surges',
      companies: [company('Alibaba Group Holding', 9, { aliases: ['Alibaba'], ticker: 'BABA' }), company('Tencent', 2)],
      keySentences: ['Alibaba shares surged 15 percent.'],
      words: 900,
    });
    await savePage(db, pageInfo(URL1), first, new Date('2026-11-20T10:00:00Z'));
    const smaller = summaryOf({ companies: [company('Alibaba Group Holding', 3, { aliases: ['BABA'] })], keySentences: ['Other.'], words: 200 });
    const saved = await savePage(db, pageInfo(URL1, { title: '' }), smaller, new Date('2026-11-21T10:00:00Z'));
    // An update without a title keeps the stored one.
    expect(saved.title).toBe('A page');
    expect(saved.summary.companies).toEqual([
      { name: 'Alibaba Group Holding', aliases: ['Alibaba', 'BABA'], ticker: 'BABA', mentions: 9 },
      { name: 'Tencent', aliases: [], mentions: 2 },
    ]);
    expect(saved.summary.keySentences).toEqual(['Other.', 'Alibaba shares surged 15 percent.']);
    expect(saved.summary.words).toBe(900);
    expect(saved.summary.title).toBe('Alibaba surges');
    // First read time stays; the save time moves on.
    expect(saved.readAt).toBe('2026-11-20T10:00:00.000Z');
    expect(saved.savedAt).toBe('2026-11-21T10:00:00.000Z');
  });

  it('updateSavedPage only touches pages already saved', async () => {
    const db = await freshDb();
    expect(await updateSavedPage(db, pageInfo(URL1), summaryOf())).toBeNull();
    expect(await db.count('pages')).toBe(0);
    await savePage(db, pageInfo(URL1), summaryOf({ companies: [company('A', 1)] }));
    const updated = await updateSavedPage(db, pageInfo(URL1), summaryOf({ companies: [company('B', 1)] }));
    expect(updated?.summary.companies.map((c) => c.name)).toEqual(['A', 'B']);
  });

  it('20 parallel saves of the same and of different URLs: no duplicates, no lost mentions', async () => {
    const db = await freshDb();
    const saves = [];
    for (let i = 0; i < 20; i++) {
      // Ten tabs race on the same article, each having read a different company; ten others save their own page.
      saves.push(savePage(db, pageInfo(`${URL1}?utm_source=tab${i}`), summaryOf({ companies: [company(`Company ${i % 10}`, i + 1)] })));
      saves.push(savePage(db, pageInfo(`https://example.org/story/${i}`), summaryOf({ companies: [company('Shared Co', i)] })));
    }
    await Promise.all(saves);
    expect(await db.count('pages')).toBe(21);
    const merged = await getPage(db, URL1);
    const byName = Object.fromEntries(merged!.summary.companies.map((c) => [c.name, c.mentions]));
    // Company k was saved by tabs k and k+10 with k+1 and k+11 mentions: the maximum wins.
    expect(byName).toEqual(Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`Company ${k}`, k + 11])));
    expect(await db.countFromIndex('pages', 'companies', companyKey('Shared Co'))).toBe(20);
  });

  it('a full disk (QuotaExceededError) leaves the previous record intact and says so', async () => {
    const db = await freshDb();
    await savePage(db, pageInfo(URL1), summaryOf({ companies: [company('Alibaba Group Holding', 4)] }));
    const before = await getPage(db, URL1);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await savePage(db, pageInfo(URL1), summaryOf({ companies: [company('Tencent', 5)] })).catch((e) => e);
    expect(error).toMatchObject({ name: 'QuotaExceededError' });
    expect(describeError(error)).toMatchObject({ code: 'quota', message: expect.stringContaining('Storage is full') });
    vi.restoreAllMocks();
    expect(await getPage(db, URL1)).toEqual(before);
  });

  it('a quota failure reported by the transaction itself is also recognised', async () => {
    const db = await freshDb();
    await savePage(db, pageInfo(URL1), summaryOf({ companies: [company('A', 1)] }));
    const before = await getPage(db, URL1);
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = realPut.apply(this, args);
      // As browsers do when the disk fills: the write request fails and aborts the transaction.
      Object.defineProperty(this.transaction, 'error', { value: new DOMException('full', 'QuotaExceededError') });
      this.transaction.abort();
      return request;
    });
    const error = await savePage(db, pageInfo(URL1), summaryOf({ companies: [company('B', 1)] })).catch((e) => e);
    vi.restoreAllMocks();
    expect(describeError(error).code).toBe('quota');
    expect(await getPage(db, URL1)).toEqual(before);
  });

  it('forgetting a page deletes its notes with it, and nothing else', async () => {
    const db = await freshDb();
    await savePage(db, pageInfo(URL1), summaryOf());
    await savePage(db, pageInfo('https://example.org/other'), summaryOf());
    const quote = { type: 'TextQuoteSelector' as const, exact: 'x', prefix: '', suffix: '' };
    await addNote(db, { pageUrl: URL1, quote, body: 'a' });
    await addNote(db, { pageUrl: 'https://example.org/other', quote, body: 'b' });
    await forgetPage(db, `${URL1}#top`);
    expect(await getPage(db, URL1)).toBeNull();
    expect(await listNotes(db)).toMatchObject([{ body: 'b' }]);
    expect(await db.count('pages')).toBe(1);
  });
});
