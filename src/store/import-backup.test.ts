import { describe, expect, it, vi } from 'vitest';
import { exportLibrary } from './export-library.ts';
import { importBackup, parseJsonSafely } from './import-backup.ts';
import { addNote, listNotes } from './notes.ts';
import { savePage } from './pages.ts';
import type { NewsmarkDb } from './schema.ts';
import { getSettings, setSettings } from './settings.ts';
import { company, freshDb, move, pageInfo, summaryOf } from './test-helpers.ts';

const NOW = new Date('2026-11-25T12:00:00Z');

async function filled(): Promise<NewsmarkDb> {
  const db = await freshDb();
  await savePage(db, pageInfo('https://news.example.com/a', { title: 'Alibaba surges', published: '2026-11-20' }),
    summaryOf({ companies: [company('Alibaba Group Holding', 9, { ticker: 'BABA' })], moves: [move('Alibaba', 'up', 15, 'Alibaba shares surged 15 percent.')] }),
    new Date('2026-11-21T08:00:00Z'));
  await savePage(db, pageInfo('https://other.example.org/b', { title: 'Tencent slips' }), summaryOf({ companies: [company('Tencent', 2)] }), new Date('2026-11-22T08:00:00Z'));
  await addNote(db, { pageUrl: 'https://news.example.com/a', quote: { type: 'TextQuoteSelector', exact: 'surged', prefix: 'shares ', suffix: ' 15' }, body: 'big day' }, NOW, 'note-1');
  await setSettings(db, { saveMode: 'ask' });
  return db;
}

/** Everything in the database, to prove an import changed nothing. */
async function snapshot(db: NewsmarkDb) {
  return { pages: await db.getAll('pages'), notes: await db.getAll('notes'), settings: await db.get('settings', 'settings') };
}

async function backupText(db: NewsmarkDb): Promise<string> {
  return (await exportLibrary(db, 'json', undefined, NOW)).text;
}

describe('JSON backup import', () => {
  it('round-trips the library into an empty database', async () => {
    const source = await filled();
    const target = await freshDb();
    expect(await importBackup(target, await backupText(source))).toEqual({ pages: 2, notes: 1, newPages: 2, newNotes: 1 });
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('importing the same backup twice creates no duplicates and changes nothing the second time', async () => {
    const source = await filled();
    const text = await backupText(source);
    const target = await freshDb();
    await importBackup(target, text);
    const once = await snapshot(target);
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    expect(await importBackup(target, text)).toEqual({ pages: 2, notes: 1, newPages: 0, newNotes: 0 });
    // Only the settings record is rewritten; pages and notes already match.
    expect(puts).toHaveBeenCalledTimes(1);
    puts.mockRestore();
    expect(await snapshot(target)).toEqual(once);
  });

  it('merges into pages already there instead of replacing them', async () => {
    const source = await filled();
    const target = await freshDb();
    await savePage(target, pageInfo('https://news.example.com/a?utm_source=x'), summaryOf({ companies: [company('Tencent', 1)] }), new Date('2026-11-10T00:00:00Z'));
    await importBackup(target, await backupText(source));
    const page = await target.get('pages', 'https://news.example.com/a');
    expect(page?.summary.companies.map((c) => c.name).sort()).toEqual(['Alibaba Group Holding', 'Tencent']);
    expect(page?.readAt).toBe('2026-11-10T00:00:00.000Z');
    expect(page?.companyKeys.sort()).toEqual(['alibaba group holding', 'tencent']);
  });

  it('a newer edit of a note is not overwritten by an older backup', async () => {
    const source = await filled();
    const text = await backupText(source);
    const target = await freshDb();
    await importBackup(target, text);
    await target.put('notes', { ...(await target.get('notes', 'note-1'))!, body: 'edited later', updated: '2026-12-01T00:00:00.000Z' });
    await importBackup(target, text);
    expect((await listNotes(target))[0].body).toBe('edited later');
  });

  const bad: [string, (text: string) => string, RegExp][] = [
    ['not JSON', () => 'hello', /not valid JSON/],
    ['truncated', (t) => t.slice(0, Math.floor(t.length / 2)), /not valid JSON, perhaps cut short/],
    ['foreign JSON', () => JSON.stringify({ bookmarks: [] }), /not a Newsmark backup/],
    ['a list', () => '[]', /backup: expected an object/],
    ['newer version', (t) => t.replace('"version":1', '"version":99'), /newer Newsmark/],
    ['wrong type deep inside', (t) => t.replace('"mentions":9', '"mentions":"nine"'), /pages\[\d\]\.summary\.companies\[0\]\.mentions: expected a finite number/],
    ['bad URL', (t) => t.replace('"canonicalUrl":"https://news.example.com/a"', '"canonicalUrl":"javascript:alert(1)"'), /canonicalUrl: expected an http\(s\) address/],
    ['huge string', (t) => t.replace('"big day"', JSON.stringify('x'.repeat(200_000))), /notes\[0\]\.body: longer than/],
    ['bad date', (t) => t.replace('"readAt":"2026-11-22T08:00:00.000Z"', '"readAt":"yesterday"'), /readAt: expected an ISO date/],
    ['second half bad', (t) => t.replace('"title":"Tencent slips"', '"title":42'), /pages\[\d\]\.title: expected a string/],
  ];
  for (const [what, corrupt, message] of bad) {
    it(`refuses a backup that is ${what} with a clear message and changes nothing`, async () => {
      const db = await filled();
      const original = await backupText(await filled());
      const text = corrupt(original);
      expect(text).not.toBe(original);
      const before = await snapshot(db);
      const error = await importBackup(db, text).catch((e) => e);
      expect(error).toMatchObject({ code: 'invalid', message: expect.stringMatching(message) });
      expect(error.message).toMatch(/Nothing was imported/);
      expect(await snapshot(db)).toEqual(before);
    });
  }

  it('drops __proto__, constructor and prototype keys so they cannot pollute anything', async () => {
    const source = await filled();
    const backup = JSON.parse(await backupText(source));
    backup.pages[0].summary.companies[0].constructor = { prototype: { polluted: true } };
    const text = JSON.stringify(backup).replace('"format":', '"__proto__": {"polluted": true}, "format":');
    expect(text).toContain('__proto__');
    const parsed = parseJsonSafely(text) as Record<string, unknown>;
    expect(Object.hasOwn(parsed, '__proto__')).toBe(false);
    const target = await freshDb();
    await importBackup(target, text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const page = await target.get('pages', 'https://news.example.com/a');
    expect(Object.hasOwn(page!.summary.companies[0], 'constructor')).toBe(false);
    expect(await target.count('pages')).toBe(2);
  });

  it('a write failing halfway (disk full) rolls the whole import back', async () => {
    const text = await backupText(await filled());
    const db = await freshDb();
    await savePage(db, pageInfo('https://keep.example.com/x'), summaryOf({ companies: [company('Keep', 1)] }));
    const before = await snapshot(db);
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === 2) throw new DOMException('full', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const error = await importBackup(db, text).catch((e) => e);
    spy.mockRestore();
    expect(calls).toBe(2);
    expect(error).toMatchObject({ name: 'QuotaExceededError' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('imports settings from the backup', async () => {
    const target = await freshDb();
    await importBackup(target, await backupText(await filled()));
    expect((await getSettings(target)).saveMode).toBe('ask');
  });
});
