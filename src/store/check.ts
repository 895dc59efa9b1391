// Small hand-written shape checks for data that crosses a trust boundary
// (messages from content scripts, imported backups). Each check returns a
// clean copy holding only the known fields, or throws InvalidData naming the
// path of the first bad value ("pages[3].summary.companies[0].name: ...").
import type { CompanyEntry, FigureEntry, Magnitude, Move, PageSummary, PersonEntry } from '../extract/types.ts';
import type { Note, PageInfo, SavedPage, Settings, TextPositionSelector, TextQuoteSelector } from '../messages.ts';

export class InvalidData extends Error {
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'InvalidData';
  }
}

export const LIMITS = {
  url: 4096,
  name: 500,
  text: 5000,
  noteBody: 100_000,
  hardText: 1_000_000,
  list: 5000,
};

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown, path: string): Record<string, unknown> {
  if (!isObject(v)) throw new InvalidData(path, 'expected an object');
  return v;
}

export function str(v: unknown, path: string, max: number = LIMITS.text): string {
  if (typeof v !== 'string') throw new InvalidData(path, 'expected a string');
  if (v.length > max) throw new InvalidData(path, `longer than ${max} characters`);
  return v;
}

/**
 * Page text (sentences, titles): a page without full stops can make a
 * "sentence" of thousands of characters, which should not cost the reader the
 * whole page. Clipped to LIMITS.text; only absurd sizes are refused.
 */
export function pageText(v: unknown, path: string): string {
  const s = str(v, path, LIMITS.hardText);
  return s.length > LIMITS.text ? `${s.slice(0, LIMITS.text - 1)}…` : s;
}

export function optStr(v: unknown, path: string, max?: number): string | undefined {
  return v === undefined || v === null ? undefined : str(v, path, max);
}

export function num(v: unknown, path: string, min = -Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidData(path, 'expected a finite number');
  if (v < min) throw new InvalidData(path, `expected at least ${min}`);
  return v;
}

export function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new InvalidData(path, 'expected true or false');
  return v;
}

export function oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T {
  if (typeof v !== 'string' || !values.includes(v as T)) throw new InvalidData(path, `expected one of ${values.join(', ')}`);
  return v as T;
}

export function arr<T>(v: unknown, path: string, item: (v: unknown, path: string) => T, max: number = LIMITS.list): T[] {
  if (!Array.isArray(v)) throw new InvalidData(path, 'expected a list');
  if (v.length > max) throw new InvalidData(path, `more than ${max} entries`);
  return v.map((x, i) => item(x, `${path}[${i}]`));
}

/**
 * A list that comes from page text (a summary's companies, figures...): a long
 * data page or live blog may really have more entries than we keep, so the
 * list is cut to `max` rather than refused (refusing would lose the whole page).
 */
export function clippedArr<T>(v: unknown, path: string, item: (v: unknown, path: string) => T, max: number = LIMITS.list): T[] {
  if (!Array.isArray(v)) throw new InvalidData(path, 'expected a list');
  return v.slice(0, max).map((x, i) => item(x, `${path}[${i}]`));
}

/** An ISO date or date-time, returned as given. */
export function isoTime(v: unknown, path: string): string {
  const s = str(v, path, 40);
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) || Number.isNaN(Date.parse(s))) {
    throw new InvalidData(path, 'expected an ISO date');
  }
  return s;
}

export function webUrl(v: unknown, path: string): string {
  const s = str(v, path, LIMITS.url);
  if (!/^https?:\/\//i.test(s)) throw new InvalidData(path, 'expected an http(s) address');
  return s;
}

const strList = (v: unknown, path: string) => arr(v, path, (x, p) => str(x, p, LIMITS.name), 500);

function magnitude(v: unknown, path: string): Magnitude {
  const o = obj(v, path);
  return { value: num(o.value, `${path}.value`), unit: str(o.unit, `${path}.unit`, 20) };
}

function company(v: unknown, path: string): CompanyEntry {
  const o = obj(v, path);
  const c: CompanyEntry = {
    name: str(o.name, `${path}.name`, LIMITS.name),
    aliases: o.aliases === undefined ? [] : strList(o.aliases, `${path}.aliases`),
    mentions: num(o.mentions ?? 0, `${path}.mentions`, 0),
  };
  const ticker = optStr(o.ticker, `${path}.ticker`, 40);
  const exchange = optStr(o.exchange, `${path}.exchange`, 40);
  if (ticker) c.ticker = ticker;
  if (exchange) c.exchange = exchange;
  return c;
}

function person(v: unknown, path: string): PersonEntry {
  const o = obj(v, path);
  const p: PersonEntry = {
    name: str(o.name, `${path}.name`, LIMITS.name),
    aliases: o.aliases === undefined ? [] : strList(o.aliases, `${path}.aliases`),
    mentions: num(o.mentions ?? 0, `${path}.mentions`, 0),
  };
  const role = optStr(o.role, `${path}.role`, LIMITS.name);
  if (role) p.role = role;
  return p;
}

function figure(v: unknown, path: string): FigureEntry {
  const o = obj(v, path);
  const f: FigureEntry = {
    kind: oneOf(o.kind, `${path}.kind`, ['money', 'percent', 'bp', 'points', 'multiple'] as const),
    text: str(o.text, `${path}.text`, LIMITS.name),
    value: num(o.value, `${path}.value`),
    mentions: num(o.mentions ?? 1, `${path}.mentions`, 0),
  };
  const currency = optStr(o.currency, `${path}.currency`, 10);
  if (currency) f.currency = currency;
  return f;
}

function move(v: unknown, path: string): Move {
  const o = obj(v, path);
  const m: Move = {
    subject: str(o.subject, `${path}.subject`, LIMITS.name),
    direction: oneOf(o.direction, `${path}.direction`, ['up', 'down'] as const),
    text: pageText(o.text, `${path}.text`),
  };
  if (o.magnitude !== undefined && o.magnitude !== null) m.magnitude = magnitude(o.magnitude, `${path}.magnitude`);
  if (o.magnitude_alt !== undefined && o.magnitude_alt !== null) m.magnitude_alt = magnitude(o.magnitude_alt, `${path}.magnitude_alt`);
  return m;
}

export function summary(v: unknown, path: string): PageSummary {
  const o = obj(v, path);
  return {
    title: pageText(o.title ?? '', `${path}.title`),
    companies: clippedArr(o.companies ?? [], `${path}.companies`, company),
    people: clippedArr(o.people ?? [], `${path}.people`, person),
    figures: clippedArr(o.figures ?? [], `${path}.figures`, figure),
    moves: clippedArr(o.moves ?? [], `${path}.moves`, move),
    keySentences: clippedArr(o.keySentences ?? [], `${path}.keySentences`, pageText),
    words: num(o.words ?? 0, `${path}.words`, 0),
  };
}

export function pageInfo(v: unknown, path: string): PageInfo {
  const o = obj(v, path);
  const p: PageInfo = {
    url: webUrl(o.url, `${path}.url`),
    canonicalUrl: webUrl(o.canonicalUrl, `${path}.canonicalUrl`),
    title: pageText(o.title ?? '', `${path}.title`),
    site: str(o.site ?? '', `${path}.site`, LIMITS.name),
    isArticle: bool(o.isArticle ?? false, `${path}.isArticle`),
    reason: str(o.reason ?? '', `${path}.reason`, LIMITS.name),
  };
  // published is the page's own claim, often in odd formats: keep it when it is an ISO date, else leave it out.
  if (typeof o.published === 'string' && o.published !== '') {
    try {
      p.published = isoTime(o.published, `${path}.published`);
    } catch {
      // not ISO: dropped rather than refusing the whole page
    }
  }
  return p;
}

export function savedPage(v: unknown, path: string): SavedPage {
  const o = obj(v, path);
  const info = pageInfo(o, path);
  return {
    ...info,
    id: info.canonicalUrl,
    readAt: isoTime(o.readAt, `${path}.readAt`),
    savedAt: isoTime(o.savedAt ?? o.readAt, `${path}.savedAt`),
    summary: summary(o.summary, `${path}.summary`),
  };
}

export function quoteSelector(v: unknown, path: string): TextQuoteSelector {
  const o = obj(v, path);
  if (o.type !== 'TextQuoteSelector') throw new InvalidData(`${path}.type`, 'expected "TextQuoteSelector"');
  return {
    type: 'TextQuoteSelector',
    exact: str(o.exact, `${path}.exact`, LIMITS.noteBody),
    prefix: str(o.prefix ?? '', `${path}.prefix`, 1000),
    suffix: str(o.suffix ?? '', `${path}.suffix`, 1000),
  };
}

export function positionSelector(v: unknown, path: string): TextPositionSelector {
  const o = obj(v, path);
  if (o.type !== 'TextPositionSelector') throw new InvalidData(`${path}.type`, 'expected "TextPositionSelector"');
  const start = num(o.start, `${path}.start`, 0);
  const end = num(o.end, `${path}.end`, start);
  return { type: 'TextPositionSelector', start, end };
}

/** The fields of a note a sender may choose (note/add); id and times are the store's. */
export function noteInput(v: unknown, path: string): Omit<Note, 'id' | 'created' | 'updated'> {
  const o = obj(v, path);
  const n: Omit<Note, 'id' | 'created' | 'updated'> = {
    pageUrl: webUrl(o.pageUrl, `${path}.pageUrl`),
    quote: quoteSelector(o.quote, `${path}.quote`),
    body: str(o.body ?? '', `${path}.body`, LIMITS.noteBody),
  };
  if (o.position !== undefined && o.position !== null) n.position = positionSelector(o.position, `${path}.position`);
  if (o.detached !== undefined && bool(o.detached, `${path}.detached`)) n.detached = true;
  if (o.draft !== undefined && bool(o.draft, `${path}.draft`)) n.draft = true;
  return n;
}

export function note(v: unknown, path: string): Note {
  const o = obj(v, path);
  return {
    ...noteInput(o, path),
    id: str(o.id, `${path}.id`, 200),
    created: isoTime(o.created, `${path}.created`),
    updated: isoTime(o.updated ?? o.created, `${path}.updated`),
  };
}

/** A partial settings object (settings/set, and the settings of a backup). */
export function settingsPatch(v: unknown, path: string): Partial<Settings> {
  const o = obj(v, path);
  const s: Partial<Settings> = {};
  if (o.saveMode !== undefined) s.saveMode = oneOf(o.saveMode, `${path}.saveMode`, ['auto', 'ask', 'never'] as const);
  if (o.savePrivate !== undefined) s.savePrivate = bool(o.savePrivate, `${path}.savePrivate`);
  if (o.disabledSites !== undefined) {
    s.disabledSites = arr(o.disabledSites, `${path}.disabledSites`, (x, p) => str(x, p, 300).trim().toLowerCase(), 2000);
  }
  if (o.categories !== undefined) {
    const c = obj(o.categories, `${path}.categories`);
    const cats: Partial<Settings['categories']> = {};
    for (const k of ['company', 'person', 'figure', 'move'] as const) {
      if (c[k] !== undefined) cats[k] = bool(c[k], `${path}.categories.${k}`);
    }
    s.categories = cats as Settings['categories'];
  }
  if (o.colors !== undefined) {
    // Only hex colours: the value ends up in the page's CSS (::highlight rules).
    const c = obj(o.colors, `${path}.colors`);
    const colors: NonNullable<Settings['colors']> = {};
    for (const k of ['company', 'person', 'figure', 'move'] as const) {
      if (c[k] === undefined) continue;
      const v = str(c[k], `${path}.colors.${k}`, 9);
      if (!/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(v)) throw new InvalidData(`${path}.colors.${k}`, 'expected a hex colour like #3884ff');
      colors[k] = v;
    }
    s.colors = colors;
  }
  return s;
}
