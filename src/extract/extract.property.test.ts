// Property-based tests of the extraction engine (fast-check): whatever text a
// page holds, extract() must not throw, every mention must point at exactly its
// own text inside its own block, the summary must have the shape the rest of
// the extension relies on (and that the background accepts), and scanning
// block by block (the content script's way, with reads in between) must give
// what one extract() call gives. Runs are bounded so the file takes seconds.
// Linear time in the input size is guarded by the *linear* tests and by
// index.test.ts ('takes time linear in the text on adversarial input').
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summary as backgroundCheck } from '../store/check.ts';
import { createDocument, extract, type Mention, type PageSummary } from './index.ts';

// ---------------------------------------------------------------- generators

const COMPANIES = ['Alibaba', 'Alibaba Group Holding', 'Tencent', 'Apple', 'Apple Inc', 'Microsoft', 'JD.com', 'HSBC', 'Toyota Motor', 'Acme Corp', 'Kelmark AG', 'BP', 'Shell plc', 'Nvidia', 'Meta', 'the Hang Seng', 'FTSE 100', 'S&P 500', 'Brent crude', 'Acme<img src=x onerror=alert(1)> Corp'];
const PEOPLE = ['Eddie Wu', 'Mr Wu', 'Jane Doe', 'Doe', 'Anna Berg', 'Tim Cook', 'Satya Nadella', 'Dr. A. B. Smith'];
const WORDS = ['shares', 'stock', 'rose', 'fell', 'jumped', 'slumped', 'surged', 'dropped', 'gained', 'lost', 'up', 'down', 'higher', 'lower', 'percent', 'per cent', 'percentage points', 'basis points', 'points', 'billion', 'bn', 'million', 'm', 'trillion', 'tn', 'yuan', 'yen', 'pounds', 'euros', 'dollars', 'cents', 'p', 'said', 'chief executive', 'of', 'the', 'and', 'to', 'by', 'from', 'at', 'on', 'in', 'its', 'after', 'wiping', 'off', 'value', 'index', 'each', 'respectively', 'between', 'or', '(NASDAQ: BABA)', '(HKEX: 9988)', 'NYSE:', 'Inc', 'Ltd', 'plc', 'Holdings', 'Group'];
const SYMBOLS = ['$', 'US$', 'HK$', 'A$', '£', '€', '¥', '₹', 'RMB', 'CNY', 'USD', 'GBP', '%', '-', '−', '–', '—', '+', '.', ',', ';', ':', '!', '?', '(', ')', '"', '“', '”', "'", '’s', '/', '&', '…', '*', '<', '>', '<script>alert(1)</script>', 'javascript:alert(1)'];
const ODD = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u202a', '\u2066', '\u00a0', '\u2009', '\t', '\r', '\n', '\r\n', '\u2028', '\u0301', '\ud83d', '\ude00', '😀', '📈', '🇨🇳', '👩‍💼', 'ﬁ', 'İ', 'ß'];
const RTL = ['شركة', 'أرامكو السعودية', 'ارتفعت الأسهم', 'بنسبة', '٣٫٥٪', '١٢٣', 'מניות', 'טבע', 'עלו', 'בנק לאומי', 'אחוז'];
const CJK = ['阿里巴巴', '腾讯', '股价上涨', '百分之五', '億', '円'];

const number = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000_000 }).map(String),
  fc.double({ min: -1e6, max: 1e12, noNaN: true }).map((x) => x.toFixed(2)),
  fc.integer({ min: 0, max: 999_999_999 }).map((x) => x.toLocaleString('en-US')),
  fc.constantFrom('1e308', '9'.repeat(400), '0.000001', '1,2,3,4', '1.2.3', '٣٫٥', '１２３', 'half a', 'three', 'a quarter of a'),
);

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...COMPANIES, ...PEOPLE) },
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: number },
  { weight: 4, arbitrary: fc.constantFrom(...SYMBOLS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.constantFrom(...RTL, ...CJK) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(300), 'Supercalifragilistic'.repeat(20)) },
);

/** Text that looks like business news, broken in every way page text can be. */
const newsLike = fc
  .array(fc.tuple(token, fc.constantFrom(' ', ' ', ' ', '', '\n', '. ', ', ')), { maxLength: 60 })
  .map((parts) => parts.map(([t, sep]) => t + sep).join(''));

const anyText = fc.oneof(
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) }, // full Unicode, lone surrogates included
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 100 }) },
  { weight: 4, arbitrary: newsLike },
);

const title = fc.oneof(fc.constant(''), newsLike, fc.string({ unit: 'binary', maxLength: 80 }));

// ---------------------------------------------------------------- the summary's shape

/**
 * Stricter than the background's check: what the extractor itself promises
 * (types.ts and summary-format.md). Returns the problems found, [] when valid.
 */
function summaryProblems(s: PageSummary): string[] {
  const bad: string[] = [];
  const isStr = (v: unknown, path: string) => typeof v === 'string' || bad.push(`${path}: not a string`);
  const isNum = (v: unknown, path: string) => (typeof v === 'number' && Number.isFinite(v)) || bad.push(`${path}: not a finite number (${v})`);
  const isCount = (v: unknown, path: string) => (Number.isInteger(v) && (v as number) >= 0) || bad.push(`${path}: not a non-negative integer (${v})`);
  const isStrList = (v: unknown, path: string) => (Array.isArray(v) ? v.forEach((x, i) => isStr(x, `${path}[${i}]`)) : bad.push(`${path}: not a list`));
  const magnitude = (m: unknown, path: string) => {
    if (m === undefined) return;
    const o = m as { value: unknown; unit: unknown };
    isNum(o.value, `${path}.value`);
    if (typeof o.unit !== 'string' || !/^(%|bp|points|[A-Z]{3})$/.test(o.unit)) bad.push(`${path}.unit: ${String(o.unit)}`);
  };
  isStr(s.title, 'title');
  isCount(s.words, 'words');
  s.companies.forEach((c, i) => {
    isStr(c.name, `companies[${i}].name`);
    if (!c.name.trim()) bad.push(`companies[${i}].name: empty`);
    isStrList(c.aliases, `companies[${i}].aliases`);
    isCount(c.mentions, `companies[${i}].mentions`);
    if (c.ticker !== undefined) isStr(c.ticker, `companies[${i}].ticker`);
  });
  s.people.forEach((p, i) => {
    isStr(p.name, `people[${i}].name`);
    if (!p.name.trim()) bad.push(`people[${i}].name: empty`);
    isStrList(p.aliases, `people[${i}].aliases`);
    isCount(p.mentions, `people[${i}].mentions`);
  });
  s.figures.forEach((f, i) => {
    if (!['money', 'percent', 'bp', 'points', 'multiple'].includes(f.kind)) bad.push(`figures[${i}].kind: ${f.kind}`);
    isStr(f.text, `figures[${i}].text`);
    isNum(f.value, `figures[${i}].value`);
    isCount(f.mentions, `figures[${i}].mentions`);
    if (f.kind === 'money' && !/^[A-Z]{3}$/.test(f.currency ?? '')) bad.push(`figures[${i}].currency: ${String(f.currency)}`);
    if (f.kind !== 'money' && f.currency !== undefined) bad.push(`figures[${i}].currency on a ${f.kind}`);
  });
  s.moves.forEach((m, i) => {
    isStr(m.subject, `moves[${i}].subject`);
    if (m.direction !== 'up' && m.direction !== 'down') bad.push(`moves[${i}].direction: ${String(m.direction)}`);
    isStr(m.text, `moves[${i}].text`);
    magnitude(m.magnitude, `moves[${i}].magnitude`);
    magnitude(m.magnitude_alt, `moves[${i}].magnitude_alt`);
  });
  isStrList(s.keySentences, 'keySentences');
  return bad;
}

/** Offsets inside the block, text equal to the slice, category and payload consistent. */
function mentionProblems(block: string, list: Mention[], where: string): string[] {
  const bad: string[] = [];
  for (const m of list) {
    const at = `${where} ${m.category} ${JSON.stringify(m.text)} [${m.start},${m.end})`;
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end) || m.start < 0 || m.end > block.length || m.start >= m.end) bad.push(`${at}: offsets outside the block (length ${block.length})`);
    else if (block.slice(m.start, m.end) !== m.text) bad.push(`${at}: text is not block.slice(start, end) = ${JSON.stringify(block.slice(m.start, m.end))}`);
    if (m.category === 'figure' && !Number.isFinite(m.figure.value)) bad.push(`${at}: figure value ${m.figure.value}`);
    if (m.category === 'move' && m.move.direction !== 'up' && m.move.direction !== 'down') bad.push(`${at}: direction`);
    if ((m.category === 'company' || m.category === 'person') && !m.name) bad.push(`${at}: no name`);
  }
  return bad;
}

const lines = (text: string) => text.split(/\r?\n/);
const RUNS = { numRuns: 300 };

// ---------------------------------------------------------------- properties

describe('extract() on any text', () => {
  // Guards the guard: if the generators stopped producing text the recognisers
  // act on, the properties below would pass on empty mention lists.
  it('is fed text in which every recogniser finds something', () => {
    const seen = new Set<string>();
    for (const text of fc.sample(newsLike, { numRuns: 300, seed: 42 })) for (const list of extract(text).mentions) for (const m of list) seen.add(m.category);
    expect([...seen].sort()).toEqual(['company', 'figure', 'move', 'person']);
  });

  it('never throws, and every mention is its block\'s own text at its offsets', () => {
    fc.assert(
      fc.property(anyText, title, (text, t) => {
        const { mentions } = extract(text, { title: t });
        const blocks = lines(text);
        expect(mentions).toHaveLength(blocks.length);
        const bad = mentions.flatMap((list, i) => mentionProblems(blocks[i], list, `block ${i}`));
        expect(bad).toEqual([]);
      }),
      RUNS,
    );
  });

  it('gives a summary of the documented shape, which the background accepts unchanged', () => {
    fc.assert(
      fc.property(anyText, title, (text, t) => {
        const { summary } = extract(text, { title: t });
        expect(summaryProblems(summary)).toEqual([]);
        // The background validates every page/update: a summary it refuses would be lost.
        // (Its check only clips over-long sentences; none here are that long.)
        expect(backgroundCheck(JSON.parse(JSON.stringify(summary)), 'summary')).toEqual(JSON.parse(JSON.stringify(summary)));
      }),
      RUNS,
    );
  });

  it('finds the title\'s mentions inside the title', () => {
    fc.assert(
      fc.property(title, (t) => {
        const doc = createDocument({ title: t });
        expect(mentionProblems(t, doc.titleMentions(), 'title')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('takes blocks that contain line breaks themselves (addBlock is not split)', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 5 }), (blocks) => {
        const doc = createDocument();
        const ids = blocks.map((b) => doc.addBlock(b));
        ids.forEach((id, i) => expect(mentionProblems(blocks[i], doc.mentions(id), `block ${i}`)).toEqual([]));
        expect(summaryProblems(doc.summary())).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('createDocument() block by block', () => {
  it('equals extract() on the same blocks, whatever was read in between', () => {
    fc.assert(
      fc.property(fc.array(newsLike.map((s) => s.replace(/\r?\n/g, ' ')), { minLength: 1, maxLength: 8 }), title, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (blocks, t, readAfter) => {
        const whole = extract(blocks.join('\n'), { title: t });
        const doc = createDocument({ title: t });
        blocks.forEach((b, i) => {
          doc.addBlock(b);
          // The content script reads mentions and the summary while the page is still being scanned:
          // those reads must not leave stale state behind.
          if (readAfter[i]) {
            for (let k = 0; k <= i; k++) doc.mentions(k);
            doc.summary();
            doc.titleMentions();
          }
        });
        expect(blocks.map((_, i) => doc.mentions(i))).toEqual(whole.mentions);
        expect(doc.summary()).toEqual(whole.summary);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a very long page', () => {
  // Found with the 5 MB page of test/e2e/hostile-pages.test.ts: the summary lists every
  // distinct figure, and the background used to refuse lists over LIMITS.list (5,000), so
  // a long data page or live blog was never saved. The background now clips such lists.
  it('gives a summary the background accepts even with more than 5,000 distinct figures', () => {
    const doc = createDocument({ title: 'Results table' });
    for (let i = 0; i < 5200; i++) doc.addBlock(`Revenue at Acme Corp rose to $${i + 1}.5 million in the quarter.`);
    const s = JSON.parse(JSON.stringify(doc.summary()));
    expect(s.figures.length).toBeGreaterThan(5000);
    const kept = backgroundCheck(s, 'summary');
    expect(kept.figures).toHaveLength(5000);
    expect(kept.figures[0]).toEqual(s.figures[0]);
  }, 30_000);
});
