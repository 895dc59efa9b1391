// Page text that looks like markup, script, links or formulas comes out of
// every export as text. Hostile strings go into each field that carries page
// text (title, site, companies, tickers, people, roles, moves, figures, key
// sentences, note quotes), the library is exported through the real store
// (fake-indexeddb), and then:
//   Markdown is rendered by markdown-it with raw HTML on and its own link
//     check off (a naive renderer, so only our escaping protects): no element
//     or attribute beyond plain document structure, every hostile string shown
//     as text, one wikilink per company and nothing else linked;
//   the YAML front matter parses back to the exact strings;
//   CSV parses to the same number of rows and columns, and no cell a
//     spreadsheet would run as a formula;
//   JSON gives back every string exactly (emoji, zero-width characters, a very long word).
// The reader's own note text is their Markdown and is kept as written (not page text).
import { load as loadYaml } from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportLibrary } from '../../src/store/export-library.ts';
import { addNote } from '../../src/store/notes.ts';
import { savePage } from '../../src/store/pages.ts';
import type { NewsmarkDb } from '../../src/store/schema.ts';
import { company, freshDb, move, pageInfo, summaryOf } from '../../src/store/test-helpers.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const A = 'https://news.example.com/markets/hostile';
const B = 'https://other.example.org/plain';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(document.cookie)</script>';
const JS_LINK = '[read more](javascript:alert(1))';
const AUTOLINK = '<javascript:alert(1)>';
const IMAGE = '![pixel](https://tracker.example/p.gif)';
const WIKI = 'Evil]] [[Injected|x';
const HIGHLIGHT = '==fake highlight== ~~gone~~ **bold** `code` $x$';
const LONG = `Supercalifragilistic${'x'.repeat(5000)}`;
const EMOJI = 'Nvidia 📈🚀 surges 👩🏽‍💻';
const ZERO_WIDTH = 'Ap\u200bple\u200d In\u2060c\ufeffCorp';
const BIDI = 'Total \u202eeulav\u202c';
const FORMULAS = ['=HYPERLINK("http://evil.example","x")', '+1+cmd|\'/C calc\'!A0', '-2+3+cmd|x', '@SUM(1,2)', '\t=1+1', '\r=1+1'];

/** Every string above that must reach each export as text. */
const HOSTILE = [IMG, SCRIPT, JS_LINK, AUTOLINK, IMAGE, HIGHLIGHT, LONG, EMOJI, ZERO_WIDTH, BIDI];

let db: NewsmarkDb;
beforeAll(async () => {
  db = await freshDb();
  await savePage(
    db,
    pageInfo(A, { title: `${IMG} ${JS_LINK}\n# Injected heading`, site: `news.example.com ${SCRIPT}` }),
    summaryOf({
      title: IMG,
      companies: [company(WIKI, 3, { ticker: `${IMG}` }), company(EMOJI, 2), company(ZERO_WIDTH, 1)],
      people: [{ name: SCRIPT, aliases: [], role: JS_LINK, mentions: 1 }],
      figures: FORMULAS.map((text, i) => ({ kind: 'money' as const, text, value: i, currency: 'USD', mentions: 1 })),
      moves: [move(FORMULAS[0], 'up', 5, `${AUTOLINK} ${IMAGE}`), move(BIDI, 'down', 1, HIGHLIGHT)],
      keySentences: [LONG, `${IMG} and ${SCRIPT}`, `line one\n\n- [ ] task\n> quote\n${AUTOLINK}`],
    }),
    new Date('2026-11-21T08:00:00Z'),
  );
  await addNote(db, { pageUrl: A, quote: { type: 'TextQuoteSelector', exact: `${IMG} ${EMOJI}`, prefix: '', suffix: '' }, body: '' }, NOW, 'n1');
});

// ---------------------------------------------------------------- helpers

/** A renderer that trusts its input: raw HTML on, and every link scheme allowed. */
function naiveMarkdown() {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.validateLink = () => true;
  return md;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
/** Visible text: inline tags vanish, block tags become spaces. */
const textOf = (html: string) => decode(html.replace(/<\/?(?:a|em|strong)\b[^>]*>/g, '').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');

const SAFE_TAGS = new Set(['p', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'blockquote', 'em', 'strong', 'hr', 'br']);

/** Elements other than plain structure, and any attribute at all (only <a href="http(s)..."> may have one). */
function unsafeMarkup(html: string): string[] {
  const bad: string[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [tag, name, attrs] = [m[0], m[1].toLowerCase(), m[2].trim()];
    if (name === 'a') {
      if (!/^href="https?:\/\/[^"]*"$/.test(attrs) && !tag.startsWith('</')) bad.push(tag);
    } else if (!SAFE_TAGS.has(name) || attrs) {
      bad.push(tag.slice(0, 100));
    }
  }
  return bad;
}

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF), enough to check the export's shape. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

// ---------------------------------------------------------------- tests

describe.each([
  ['one page (its own document)', undefined as string[] | undefined],
  ['the library (one file, a section per page)', 'library'],
])('Markdown export of %s', (_label, mode) => {
  let text = '';
  let html = '';
  beforeAll(async () => {
    if (mode === 'library') await savePage(db, pageInfo(B, { title: 'Plain page' }), summaryOf({ companies: [company('Tencent', 1)] }), new Date('2026-11-22T08:00:00Z'));
    text = (await exportLibrary(db, 'markdown', mode === 'library' ? undefined : [A], NOW)).text;
    html = naiveMarkdown().render(text.replace(/^---\n[\s\S]*?\n---\n/, ''));
  });

  it('renders to plain structure only: no HTML, script, image or javascript: link', () => {
    expect(unsafeMarkup(html)).toEqual([]);
    expect(html).not.toMatch(/<(?:img|script|iframe)\b/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).not.toContain('href="javascript:');
  });

  it('shows every hostile string as text', () => {
    const shown = textOf(html);
    for (const s of HOSTILE) expect(shown, JSON.stringify(s.slice(0, 60))).toContain(s.replace(/\s+/g, ' '));
    for (const f of FORMULAS) expect(shown).toContain(f.replace(/\s+/g, ' ').trim());
  });

  it('links each company once as a clean wikilink, and no link hides where it goes', () => {
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
    const links = [...body.matchAll(/\[\[([^\]]*)\]\]/g)].map((m) => m[1]);
    expect(links.length).toBe(mode === 'library' ? 4 : 3);
    for (const l of links) expect(l).not.toMatch(/[[\]|#^<>]/);
    // Only bare URLs become links (autolinks, linkify): the link text is the address itself.
    const disguised = [...html.matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)].filter(([, href, label]) => decode(label) !== decode(href) && `http://${decode(label)}` !== decode(href));
    expect(disguised.map((m) => m[0])).toEqual([]);
  });

  it('keeps the front matter valid YAML with the exact strings', () => {
    const yaml = loadYaml(text.match(/^---\n([\s\S]*?)\n---\n/)![1]) as Record<string, unknown>;
    if (mode === 'library') {
      expect(yaml.companies).toEqual(expect.arrayContaining([WIKI, EMOJI, ZERO_WIDTH, 'Tencent']));
    } else {
      expect(yaml.title).toBe(`${IMG} ${JS_LINK}\n# Injected heading`);
      expect(yaml.companies).toEqual([WIKI, EMOJI, ZERO_WIDTH]);
      expect(yaml.site).toBe(`news.example.com ${SCRIPT}`);
    }
  });
});

describe('CSV export', () => {
  let rows: string[][] = [];
  beforeAll(async () => {
    const text = (await exportLibrary(db, 'csv', [A], NOW)).text;
    expect(text.startsWith('\ufeff')).toBe(true);
    rows = parseCsv(text.slice(1));
  });

  it('has one row per figure and move, all of the same width (newlines in text cannot add rows)', () => {
    expect(rows.length).toBe(1 + FORMULAS.length + 2);
    for (const r of rows) expect(r.length).toBe(rows[0].length);
  });

  it('has no cell a spreadsheet would run as a formula, and keeps the text after a quote mark', () => {
    const risky = rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(?:\.\d+)?$/.test(c));
    expect(risky).toEqual([]);
    const cells = new Set(rows.flat());
    for (const f of FORMULAS) expect(cells.has(`'${f}`), JSON.stringify(f)).toBe(true);
  });

  it('keeps markup, emoji and invisible characters as text', () => {
    const all = rows.flat().join('\n');
    for (const s of [AUTOLINK, IMAGE, HIGHLIGHT, BIDI]) expect(all).toContain(s);
    expect(all).toContain(`${IMG} ${JS_LINK}\n# Injected heading`);
  });
});

describe('JSON export', () => {
  it('gives back every string exactly', async () => {
    const backup = JSON.parse((await exportLibrary(db, 'json', [A], NOW)).text);
    const page = backup.pages[0];
    expect(page.title).toBe(`${IMG} ${JS_LINK}\n# Injected heading`);
    expect(page.summary.companies.map((c: { name: string }) => c.name)).toEqual([WIKI, EMOJI, ZERO_WIDTH]);
    expect(page.summary.keySentences[0]).toBe(LONG);
    expect(page.summary.people[0]).toMatchObject({ name: SCRIPT, role: JS_LINK });
    expect(backup.notes[0].quote.exact).toBe(`${IMG} ${EMOJI}`);
  });
});
