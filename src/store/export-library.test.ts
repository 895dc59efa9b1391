import { describe, expect, it } from 'vitest';
import { csvCell, pagesToCsv } from './export-csv.ts';
import { exportLibrary } from './export-library.ts';
import { escapeInline } from './export-markdown.ts';
import { addNote, setDetached } from './notes.ts';
import { savePage } from './pages.ts';
import { sanitizeFileName } from './sanitize-file-name.ts';
import { company, freshDb, move, pageInfo, summaryOf } from './test-helpers.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const A = 'https://news.example.com/markets/alibaba';
const B = 'https://other.example.org/tencent';

async function library() {
  const db = await freshDb();
  await savePage(
    db,
    pageInfo(A, { title: 'Alibaba: shares surge | Markets #1', published: '2026-11-20T06:30:00+08:00' }),
    summaryOf({
      companies: [company('Alibaba Group Holding', 9, { ticker: 'BABA', aliases: ['Alibaba'] }), company('Tencent', 1)],
      people: [{ name: 'Eddie Wu', aliases: ['Wu'], role: 'chief executive', mentions: 2 }],
      figures: [{ kind: 'money', text: '31.7 billion yuan', value: 31_700_000_000, currency: 'CNY', mentions: 1 }],
      moves: [move('Alibaba', 'up', 15, 'Alibaba shares surged 15 percent, the most since [2023].')],
      keySentences: ['Revenue rose to 31.7 billion yuan.'],
    }),
    new Date('2026-11-21T08:00:00.123Z'),
  );
  await savePage(
    db,
    pageInfo(B, { title: 'Tencent slips' }),
    summaryOf({
      companies: [company('Tencent', 3)],
      figures: [{ kind: 'percent', text: '-2.3%', value: -2.3, mentions: 1 }],
      moves: [move('=HYPERLINK("http://evil")', 'down', 2.3, '@SUM(1,2) "quoted", and\nmultiline')],
    }),
    new Date('2026-11-22T08:00:00Z'),
  );
  const note = await addNote(db, { pageUrl: A, quote: { type: 'TextQuoteSelector', exact: 'shares surged 15 percent', prefix: 'Alibaba ', suffix: ', the' }, body: 'Check the **guidance**.' }, NOW, 'n1');
  const gone = await addNote(db, { pageUrl: A, quote: { type: 'TextQuoteSelector', exact: 'a sentence since edited', prefix: '', suffix: '' }, body: '' }, NOW, 'n2');
  await setDetached(db, gone.id, true);
  return { db, note };
}

describe('Markdown export', () => {
  it('one page: an Obsidian document with typed front matter, wikilinks and highlighted note quotes', async () => {
    const { db } = await library();
    const out = await exportLibrary(db, 'markdown', [A], NOW);
    expect(out.filename).toBe('Alibaba shares surge Markets 1.md');
    expect(out.mime).toMatch(/^text\/markdown/);
    expect(out.text.startsWith(`---
title: "Alibaba: shares surge | Markets #1"
source: "${A}"
site: "news.example.com"
published: 2026-11-20
created: 2026-11-21T08:00:00Z
tags:
  - newsmark
companies:
  - "Alibaba Group Holding"
  - "Tencent"
people:
  - "Eddie Wu"
tickers:
  - "BABA"
---

# Alibaba: shares surge \\| Markets \\#1
`)).toBe(true);
    expect(out.text).toContain('- [[Alibaba Group Holding]] (BABA), 9 mentions');
    expect(out.text).toContain('- Eddie Wu, chief executive');
    expect(out.text).toContain('- Alibaba: up 15%. Alibaba shares surged 15 percent, the most since \\[2023\\].');
    expect(out.text).toContain('- 31.7 billion yuan (money, CNY)');
    expect(out.text).toContain('> ==shares surged 15 percent==\n\nCheck the **guidance**.');
    expect(out.text).toContain('> ==a sentence since edited==\n>\n> *(no longer found on the page)*');
    // Exactly one front matter block.
    expect(out.text.match(/^---$/gm)).toHaveLength(2);
  });

  it('several pages: one file, a section per page, newest first, still one front matter block', async () => {
    const { db } = await library();
    const out = await exportLibrary(db, 'markdown', undefined, NOW);
    expect(out.filename).toBe('newsmark-library-2026-11-25.md');
    expect(out.text.match(/^---$/gm)).toHaveLength(2);
    const sections = [...out.text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['Tencent slips', 'Alibaba: shares surge \\| Markets \\#1']);
    expect(out.text).toContain(`- Source: <${A}>`);
    expect(out.text).toContain('### Companies');
    expect(out.text).toContain('- [[Tencent]], 3 mentions');
  });

  it('a whole-library export keeps notes on pages that are not saved', async () => {
    const { db } = await library();
    await addNote(db, { pageUrl: 'https://unsaved.example.com/read-never', quote: { type: 'TextQuoteSelector', exact: 'kept anyway', prefix: '', suffix: '' }, body: 'orphan body' }, NOW, 'n3');
    const out = await exportLibrary(db, 'markdown', undefined, NOW);
    expect(out.text).toContain('## Notes on pages not in the library\n\n### <https://unsaved.example.com/read-never>\n\n#### Notes\n\n> ==kept anyway==\n\norphan body');
    const one = await exportLibrary(db, 'markdown', [A], NOW);
    expect(one.text).not.toContain('orphan body');
  });

  it('escapes page text so it cannot become links, HTML or highlights', () => {
    expect(escapeInline('<img src=x onerror=alert(1)> [[Evil]] ==mark== `code`')).toBe(
      '\\<img src=x onerror=alert(1)\\> \\[\\[Evil\\]\\] =\\=mark=\\= \\`code\\`',
    );
  });

  it('refuses a selection that names pages no longer in the library', async () => {
    const { db } = await library();
    await expect(exportLibrary(db, 'markdown', [A, 'https://gone.example.com/x'], NOW)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('file names', () => {
  it('follows the Obsidian and OS rules', () => {
    expect(sanitizeFileName('Q3: "Beat" / miss? [sic] #1 | ^x *')).toBe('Q3 Beat miss sic 1 x');
    expect(sanitizeFileName('  ...hidden.  ')).toBe('hidden');
    expect(sanitizeFileName('CON')).toBe('_CON');
    expect(sanitizeFileName('lpt1.txt')).toBe('_lpt1.txt');
    expect(sanitizeFileName('###')).toBe('Untitled');
    expect(sanitizeFileName('a\u0000b\nc')).toBe('a b c');
    expect(sanitizeFileName('x'.repeat(300))).toHaveLength(245);
    expect(sanitizeFileName(`${'x'.repeat(244)}😀`)).toHaveLength(244);
  });
});

describe('CSV export', () => {
  it('one row per figure or move, RFC 4180 quoting, formula injection neutralised', async () => {
    const { db } = await library();
    const out = await exportLibrary(db, 'csv', undefined, NOW);
    expect(out.filename).toBe('newsmark-figures-2026-11-25.csv');
    expect(out.text.startsWith('\ufefftype,subject,direction,kind,value,unit,as_written,sentence,mentions,page_title,site,url,published,read_at\r\n')).toBe(true);
    const lines = out.text.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    // header + Tencent (1 figure, 1 move) + Alibaba (1 figure, 1 move); the multi-line cell stays inside its quotes.
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe(`figure,,,percent,-2.3,%,'-2.3%,,1,Tencent slips,other.example.org,${B},,2026-11-22T08:00:00.000Z`);
    expect(lines[2]).toBe(`move,"'=HYPERLINK(""http://evil"")",down,move,2.3,%,,"'@SUM(1,2) ""quoted"", and\nmultiline",,Tencent slips,other.example.org,${B},,2026-11-22T08:00:00.000Z`);
    expect(lines[3]).toContain('figure,,,money,31700000000,CNY,31.7 billion yuan,,1,Alibaba: shares surge | Markets #1,news.example.com');
  });

  it('quotes and guards single cells', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-4)).toBe('-4');
    expect(csvCell(undefined)).toBe('');
    expect(pagesToCsv([])).toBe('\ufefftype,subject,direction,kind,value,unit,as_written,sentence,mentions,page_title,site,url,published,read_at\r\n');
  });
});

describe('JSON export', () => {
  it('is a newsmark-backup with pages, notes and settings, limited to a selection when asked', async () => {
    const { db } = await library();
    const all = JSON.parse((await exportLibrary(db, 'json', undefined, NOW)).text);
    expect(all).toMatchObject({ format: 'newsmark-backup', version: 1, exportedAt: NOW.toISOString(), settings: { saveMode: 'auto' } });
    expect(all.pages).toHaveLength(2);
    expect(all.notes).toHaveLength(2);
    expect(all.pages[0]).not.toHaveProperty('companyKeys');
    const one = JSON.parse((await exportLibrary(db, 'json', [B], NOW)).text);
    expect(one.pages.map((p: { id: string }) => p.id)).toEqual([B]);
    expect(one.notes).toEqual([]);
  });
});
