import { describe, expect, it } from 'vitest';
import { companyView, listCompanies, listPages, listSites } from './library.ts';
import { addNote, deleteNote, updateNote } from './notes.ts';
import { savePage } from './pages.ts';
import { createLibrarySearch } from './search-index.ts';
import { company, freshDb, move, pageInfo, summaryOf } from './test-helpers.ts';

async function library() {
  const db = await freshDb();
  const day = (d: number) => new Date(Date.UTC(2026, 10, d, 9));
  await savePage(db, pageInfo('https://www.ft.example/alibaba-results', { title: 'Alibaba results beat', published: '2026-11-02' }),
    summaryOf({ companies: [company('Alibaba Group Holding', 5, { aliases: ['Alibaba'], ticker: 'BABA' })], moves: [move('Alibaba', 'up', 8, 'Alibaba rose 8%.')], keySentences: ['Cloud revenue jumped.'] }), day(2));
  await savePage(db, pageInfo('https://news.example.com/hang-seng', { title: 'Hang Seng rallies' }),
    summaryOf({ companies: [company('Alibaba Group Holding Ltd', 2), company('Tencent Holdings', 3)], moves: [move('the Hang Seng', 'up', 3.8, 'The Hang Seng ended up 3.8 percent.'), move('Alibaba Group Holding', 'down', 1, 'Alibaba slipped 1%.')], people: [{ name: 'Eddie Wu', aliases: [], mentions: 1 }] }), day(10));
  await savePage(db, pageInfo('https://news.example.com/oil', { title: 'Brent crude slides' }),
    summaryOf({ companies: [company('BP', 1)], moves: [move('Brent crude', 'down', 2, 'Brent crude fell 2 percent.')] }), day(20));
  return db;
}

describe('library queries', () => {
  it('lists newest first, with limit and offset', async () => {
    const db = await library();
    expect((await listPages(db, {})).map((p) => p.title)).toEqual(['Brent crude slides', 'Hang Seng rallies', 'Alibaba results beat']);
    expect((await listPages(db, { limit: 1, offset: 1 })).map((p) => p.title)).toEqual(['Hang Seng rallies']);
  });

  it('filters by company (normalised), site and date range (a bare "to" date covers its day)', async () => {
    const db = await library();
    expect((await listPages(db, { company: 'alibaba group holding limited' })).map((p) => p.title)).toEqual(['Hang Seng rallies', 'Alibaba results beat']);
    expect((await listPages(db, { site: 'www.ft.example' })).map((p) => p.title)).toEqual(['Alibaba results beat']);
    expect((await listPages(db, { from: '2026-11-05', to: '2026-11-20' })).map((p) => p.title)).toEqual(['Brent crude slides', 'Hang Seng rallies']);
    expect((await listPages(db, { to: '2026-11-10' })).map((p) => p.title)).toEqual(['Hang Seng rallies', 'Alibaba results beat']);
    expect((await listPages(db, { company: 'Alibaba Group Holding', from: '2026-11-05' })).map((p) => p.title)).toEqual(['Hang Seng rallies']);
  });

  it('searches titles, names, sentences and notes, and sees later changes', async () => {
    const db = await library();
    const search = createLibrarySearch();
    const titles = async (text: string, extra = {}) => (await listPages(db, { text, ...extra }, search)).map((p) => p.title);
    expect(await titles('rallies')).toEqual(['Hang Seng rallies']);
    expect(await titles('eddie')).toEqual(['Hang Seng rallies']);
    expect(await titles('cloud revenue')).toEqual(['Alibaba results beat']);
    expect((await titles('alibaba')).sort()).toEqual(['Alibaba results beat', 'Hang Seng rallies']);
    expect(await titles('alibaba', { site: 'news.example.com' })).toEqual(['Hang Seng rallies']);
    expect(await titles('brent')).toEqual(['Brent crude slides']);
    // A note's text finds its page once the index is told about the change.
    const note = await addNote(db, { pageUrl: 'https://news.example.com/oil', quote: { type: 'TextQuoteSelector', exact: 'fell', prefix: '', suffix: '' }, body: 'OPEC meeting next week' });
    search.touch(note.pageUrl);
    expect(await titles('opec')).toEqual(['Brent crude slides']);
    await updateNote(db, note.id, 'nothing to see');
    search.touch(note.pageUrl);
    expect(await titles('opec')).toEqual([]);
    await deleteNote(db, note.id);
    await savePage(db, pageInfo('https://news.example.com/new', { title: 'Nvidia record' }), summaryOf());
    search.touch('https://news.example.com/new');
    expect(await titles('nvidia')).toEqual(['Nvidia record']);
  });

  it('changes made while the index is being built are not lost', async () => {
    const db = await library();
    const search = createLibrarySearch();
    const first = search.search(db, 'rallies');
    // Saved while the build's read is in flight (it commits after that read).
    await savePage(db, pageInfo('https://news.example.com/late', { title: 'Late arrival' }), summaryOf());
    search.touch('https://news.example.com/late');
    expect(await first).toHaveLength(1);
    expect(await search.search(db, 'arrival')).toEqual(['https://news.example.com/late']);
    // A wholesale change (import, delete-all) during a build discards that build.
    const second = createLibrarySearch();
    const pending = second.search(db, 'arrival');
    const clearing = db.clear('pages'); // queued behind the build's read
    second.touch();
    await clearing;
    expect(await pending).toEqual([]);
  });

  it('company view: pages, notes and moves over time', async () => {
    const db = await library();
    await addNote(db, { pageUrl: 'https://www.ft.example/alibaba-results', quote: { type: 'TextQuoteSelector', exact: 'rose', prefix: '', suffix: '' }, body: 'watch cloud' });
    await addNote(db, { pageUrl: 'https://news.example.com/oil', quote: { type: 'TextQuoteSelector', exact: 'fell', prefix: '', suffix: '' }, body: 'not about Alibaba' });
    const view = await companyView(db, 'Alibaba Group Holding');
    expect(view.name).toBe('Alibaba Group Holding Ltd');
    expect(view.pages.map((p) => p.title)).toEqual(['Hang Seng rallies', 'Alibaba results beat']);
    expect(view.notes.map((n) => n.body)).toEqual(['watch cloud']);
    expect(view.moves.map((m) => [m.date.slice(0, 10), m.move.direction, m.move.magnitude?.value])).toEqual([
      ['2026-11-02', 'up', 8],
      ['2026-11-10', 'down', 1],
    ]);
  });

  it('finds a company by an alias a page gave it', async () => {
    const db = await library();
    expect((await listPages(db, { company: 'Alibaba' })).map((p) => p.title)).toEqual(['Alibaba results beat']);
    const view = await companyView(db, 'alibaba');
    expect(view.name).toBe('Alibaba Group Holding');
    expect(view.moves.map((m) => m.move.text)).toEqual(['Alibaba rose 8%.']);
  });

  it('lists sites with page counts', async () => {
    const db = await library();
    expect(await listSites(db)).toEqual([{ site: 'ft.example', pages: 1 }, { site: 'news.example.com', pages: 2 }]);
  });

  it('lists companies by number of pages', async () => {
    const db = await library();
    const companies = await listCompanies(db);
    expect(companies[0]).toMatchObject({ key: 'alibaba group holding', pages: 2, mentions: 7 });
    expect(companies.map((c) => c.key).sort()).toEqual(['alibaba group holding', 'bp', 'tencent holdings']);
  });
});
