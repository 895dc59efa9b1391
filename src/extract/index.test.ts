import { describe, expect, it } from 'vitest';
import { createDocument, extract } from './index.ts';
import { LINEAR_LIMIT, measureGrowth, repeatTo } from './linear-time.ts';

describe('extract', () => {
  it('returns one mention list per line and the title in the summary', () => {
    const { mentions, summary } = extract('one\ntwo', { title: 'T' });
    expect(mentions).toHaveLength(2);
    expect(summary.title).toBe('T');
  });

  it('gives mentions with offsets into their own block', () => {
    const text = 'Kelmark AG said revenue rose.\nShares of Kelmark jumped 4.5% to €12.30, chief executive Anna Berg said.';
    const { mentions } = extract(text);
    const lines = text.split('\n');
    mentions.forEach((list, i) => {
      for (const m of list) expect(lines[i].slice(m.start, m.end)).toBe(m.text);
    });
    const cats = mentions[1].map((m) => `${m.category}:${m.text}`);
    expect(cats).toEqual(expect.arrayContaining(['company:Kelmark', 'figure:4.5%', 'figure:€12.30', 'person:Anna Berg']));
    expect(mentions[1].find((m) => m.category === 'company')).toMatchObject({ name: 'Kelmark AG' });
  });

  it('scans the title as article text and reports a move told twice once', () => {
    const doc = createDocument({ title: 'Kelmark shares jump 4.5% after results' });
    doc.addBlock('Shares of Kelmark AG jumped 4.5% on Monday after results beat forecasts.');
    const s = doc.summary();
    expect(s.moves).toHaveLength(1);
    expect(s.moves[0].text).toContain('on Monday');
    expect(s.companies[0]).toMatchObject({ name: 'Kelmark AG', aliases: ['Kelmark'], mentions: 2 });
    expect(doc.titleMentions().map((m) => m.category)).toEqual(expect.arrayContaining(['company', 'figure']));
  });

  it('resolves earlier blocks with what later blocks teach', () => {
    const doc = createDocument();
    const a = doc.addBlock('Wu said the plan was on track.');
    expect(doc.mentions(a)).toEqual([]);
    doc.addBlock('Chief executive Eddie Wu of Harmon Group spoke later.');
    expect(doc.mentions(a).map((m) => m.category === 'person' && m.name)).toEqual(['Eddie Wu']);
    expect(doc.summary().people[0]).toMatchObject({ name: 'Eddie Wu', aliases: ['Wu'], mentions: 2 });
  });

  it('de-duplicates figures by kind, value and currency and counts them', () => {
    const { summary } = extract('It paid $4.4bn. Rivals paid $4.4 billion and 13 percent more, or 13%.');
    const money = summary.figures.filter((f) => f.kind === 'money');
    expect(money).toHaveLength(1);
    expect(money[0]).toMatchObject({ value: 4.4e9, currency: 'USD', mentions: 2 });
    expect(summary.figures.find((f) => f.kind === 'percent')).toMatchObject({ value: 13, mentions: 2 });
  });

  it('leaves out credit lines and counts words', () => {
    const { summary } = extract('Kelmark AG rose 2%.\nReporting by Jane Smith; Editing by Tom Brown');
    expect(summary.people).toEqual([]);
    expect(summary.words).toBe(4);
  });

  it('rejects bad input with a clear error', () => {
    const doc = createDocument();
    expect(() => doc.addBlock(42 as unknown as string)).toThrow(TypeError);
    expect(() => doc.mentions(3)).toThrow(RangeError);
  });

  it('advance() runs the page-level pass in many small steps, with the same answers as asking outright', () => {
    const para = (i: number) => `Shares of Kelmark Group rose ${i % 9}.5% after chief executive Anna Berg said Northwind Holdings paid $${i}m; Kelmark and Berg (${i}) led.`;
    const stepped = createDocument({ title: 'Kelmark surges' });
    const direct = createDocument({ title: 'Kelmark surges' });
    const ids = Array.from({ length: 300 }, (_, i) => (direct.addBlock(para(i)), stepped.addBlock(para(i))));
    let steps = 1;
    while (!stepped.advance()) steps++;
    // 300 blocks in steps of a few dozen blocks per pass: many steps, not one long task.
    expect(steps).toBeGreaterThan(20);
    expect(stepped.advance()).toBe(true);
    expect(stepped.summary()).toEqual(direct.summary());
    for (const i of ids) expect(stepped.mentions(i)).toEqual(direct.mentions(i));
    // A new block starts the pass again, and the new block's names join the page's.
    stepped.addBlock('Northwind said sales fell 3%.');
    expect(stepped.advance()).toBe(false);
    expect(stepped.summary().companies.find((c) => c.name === 'Northwind Holdings')?.mentions).toBe(301);
  });

  // 256 KB against 1 MB, best of 3: a linear pass gives a ratio near 4, a quadratic one near 16.
  it('takes time linear in the text on adversarial input', () => {
    const units = [
      // One endless name, one endless sentence with asides and verbs.
      'Alpha Beta Gamma Delta of the Epsilon & Zeta ABC DEF ',
      'Shares of Foo Corp (NASDAQ: FOO), the maker, rose 1% and 2% and 3%, respectively, ((((, , , which whose shares rose fell up down higher lower ',
      // "Its shares" with no company in one endless sentence: each looked back for one (quadratic once).
      'its shares fell 2% and its shares rose 3% and the stock slid 1% and ',
      // Everything at once: initials, numbers, quotes, people, surnames, sentences.
      'A.B.C.D.E. U.S. Mr. 1,1,1,1.2.3.4 $1 £2 “Quote,” said Jane Doe, chief executive at Acme Holdings. Doe said. ' + 'x'.repeat(40) + '. ',
    ];
    for (const unit of units) {
      const ratio = measureGrowth((s) => extract(s), (n) => repeatTo(unit, n), 256 * 1024);
      expect(ratio, unit).toBeLessThan(LINEAR_LIMIT);
    }
  }, 120_000);
});
