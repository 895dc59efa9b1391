// Document-level decisions over the candidates every block collected:
// which capitalised names are companies (dictionary, cues, everyday names
// only with a cue), which are people, and which later short forms point to
// them ("Alibaba" -> "Alibaba Group Holding", "TSMC", "Wu" -> "Eddie Wu").
// Runs over the collected name spans only, never the text again.
import type { BlockAnalysis, NameSpan } from './block.ts';
import { lookupCompany, lookupSteps } from './company-dictionary.ts';
import { STRONG_CUES } from './companies.ts';
import { cues, hasCue, SAID } from './name-cues.ts';
import { COMMON_WORDS, FIRST_NAMES, NATIONALITIES, PLACES } from './lexicon.ts';
import { initials, nameKey, nameWords } from './normalise.ts';
import { remembered } from './remembered.ts';
import { stepEnds } from './steps.ts';

export interface CompanyEntity {
  id: number;
  /** Surface forms seen, with counts, in order of first appearance. */
  forms: Map<string, number>;
  dictName?: string;
  ticker?: string;
  exchange?: string;
  acronyms: Set<string>;
  mentions: number;
  keys: Set<string>;
  /** displayName(), once the resolution is done (the summary and every block's mentions ask for it). */
  shown?: { name: string; aliases: string[] };
}

export interface PersonEntity {
  id: number;
  name: string;
  bare?: string;
  forms: Map<string, number>;
  role?: string;
  mentions: number;
}

export interface Resolution {
  companies: CompanyEntity[];
  people: PersonEntity[];
  /** Per block (title first, at index 0): the entity of each name span (by index), if it is one. See `NONE`. */
  companyAt: EntityAt<CompanyEntity>[];
  personAt: EntityAt<PersonEntity>[];
  companyByKey: Map<string, CompanyEntity>;
}

/** Cues that make a surname-looking word a company all the same ("shares of Bloomberg", "analysts at Jefferies"). */
const COMPANY_OVER_SURNAME = cues('shares', 'shares-of', 'ticker', 'suffix', 'industry', 'descriptor', 'move', 'role-at', 'source');

const addForm = (m: Map<string, number>, f: string) => m.set(f, (m.get(f) ?? 0) + 1);
/**
 * A block's entities: one slot per name span, undefined where the span is not that kind of entity. A plain
 * array rather than a Map from span to entity: a 5 MB page has thousands of blocks with an entity, and a
 * Map each (a hash table of its own) made Firefox's young-generation collections inside the page-level pass
 * take up to 19 ms, most of it tenuring those tables (measured with the Gecko profiler). Walked in span
 * order, which is the text's order: forms are counted in order of first appearance.
 */
export type EntityAt<E> = readonly (E | undefined)[];
/** What a block's companyAt/personAt holds until it gets its first entity: one empty list shared by all, never written. */
const NONE: EntityAt<never> = [];
/** Sets block b's entity of span j, giving the block a list of its own first. */
function setAt<E>(list: EntityAt<E>[], b: number, spans: number, j: number, e: E) {
  let m = list[b] as (E | undefined)[];
  if (m === NONE) list[b] = m = new Array<E | undefined>(spans).fill(undefined);
  m[j] = e;
}

/** Blocks per step of resolveSteps(): a step stays around a millisecond on a long page. */
const STEP_BLOCKS = 32;
const pause = (b: number) => stepEnds(b, STEP_BLOCKS);

/**
 * The page's resolution (blocks[0] is the title), in steps for the content
 * script's time slices. Its loops over blocks index arrays and walk maps with
 * forEach rather than for-of: a page's one resolution runs before the
 * optimiser has looked at this generator, and unoptimised for-of allocates an
 * iterator result per element (10.9 MB of the 51 MB the page-level pass
 * allocated on a 5 MB page, each MB a step toward a collection inside a slice).
 * Yields after every STEP_BLOCKS blocks of each pass.
 * The blocks must not change until it is done.
 */
export function* resolveSteps(blocks: BlockAnalysis[]): Generator<void, Resolution> {
  // Names the dictionary's trie did not match, with a cue that may make them companies, are looked up
  // by name (lookupCompany): build that table in steps first, when this page has any such name.
  const mayLookUp = (n: NameSpan) => n.kind === 'other' && !n.person && !n.dict && n.text.length > 2 && hasCue(n, SAID | STRONG_CUES);
  let lookUp = false;
  const companyAt: EntityAt<CompanyEntity>[] = [];
  const personAt: EntityAt<PersonEntity>[] = [];
  const terms = new Set<string>();
  for (let b = 0; b < blocks.length; b++) {
    if (pause(b)) yield;
    lookUp ||= blocks[b].names.some(mayLookUp);
    companyAt.push(NONE);
    personAt.push(NONE);
    const blockTerms = blocks[b].terms;
    for (let i = 0; i < blockTerms.length; i++) terms.add(blockTerms[i]);
  }
  if (lookUp) yield* lookupSteps();
  const tables: CompanyTables = {
    companies: [], byKey: new Map(), byDict: new Map(), confirmedAmbiguous: new Set(), firstWord: new Map(), acronymOf: new Map(), byInitials: new Map(),
  };
  const { companies, byKey, confirmedAmbiguous, firstWord, acronymOf, byInitials } = tables;
  // A Title Case headline only links to names the body has.
  const titleOnly = blocks[0].titleCase;

  const accept = (b: number, j: number, n: NameSpan) => {
    const e = entityFor(tables, n);
    setAt(companyAt, b, blocks[b].names.length, j, e);
  };

  // 1. People first: a surname-only mention of someone named in full is never a company.
  const people: PersonEntity[] = [];
  const personByName = new Map<string, PersonEntity>();
  const surnames = new Map<string, PersonEntity>();
  for (let b = 0; b < blocks.length; b++) {
    if (pause(b)) yield;
    if (b === 0 && titleOnly) continue;
    const found = blocks[b].people;
    for (let i = 0; i < found.length; i++) {
      const p = found[i];
      const key = formsOf(p.text).key;
      let e = personByName.get(key);
      if (!e && !p.text.includes(' ')) e = surnames.get(formsOf(p.text).lower);
      if (!e) {
        e = { id: people.length, name: p.text, bare: p.bare, forms: new Map(), role: p.role, mentions: 0 };
        people.push(e);
        personByName.set(key, e);
      }
      e.role ??= p.role;
      setAt(personAt, b, blocks[b].names.length, p.name, e);
      const words = (p.bare ?? p.text).split(' ');
      const surname = words[words.length - 1].toLowerCase();
      if (words.length > 1 || !surnames.has(surname)) surnames.set(surname, e);
    }
  }
  // "Bloomberg" on a page about Michael Bloomberg is the man, unless the words around it say company.
  // "Ms. Rivera ... Anna Rivera": a surname-only person named in full elsewhere is that person.
  for (let b = 0; b < personAt.length; b++) {
    const at = personAt[b];
    for (let j = 0; j < at.length; j++) {
      const p = at[j];
      if (!p || p.name.includes(' ')) continue;
      const full = surnames.get(p.name.toLowerCase());
      if (full && full !== p) setAt(personAt, b, at.length, j, full);
    }
  }
  const isSurname = (n: NameSpan) => n.e - n.s === 1 && surnames.size > 0 && surnames.has(formsOf(n.text).lower) && !hasCue(n, COMPANY_OVER_SURNAME);

  // 2. Names with company evidence of their own.
  for (let b = 0; b < blocks.length; b++) {
    if (pause(b)) yield;
    if (b === 0 && titleOnly) continue;
    blocks[b].names.forEach((n, j) => {
      if (n.kind !== 'other' || n.person || isSurname(n) || terms.has(n.text)) return;
      const strong = hasCue(n, STRONG_CUES);
      if (n.dict && !n.dict.ambiguous && !shortAcronym(n)) accept(b, j, n);
      else if (n.dict) {
        if (strong || hasCue(n, SAID)) { accept(b, j, n); confirmedAmbiguous.add(n.dict.company.name); }
      } else if (strong) accept(b, j, n);
    });
  }

  // 3. Short forms and repeats of known names.
  for (const e of companies) {
    for (const f of e.keys) {
      const w0 = firstOfSeveral(f);
      if (w0.length >= 3 && !COMMON_WORDS.has(w0) && !PLACES.has(w0)) {
        const prev = firstWord.get(w0);
        firstWord.set(w0, prev === undefined || prev === e ? e : null);
      }
    }
  }
  for (let b = 0; b < blocks.length; b++) {
    if (pause(b)) yield;
    const names = blocks[b].names;
    for (let j = 0; j < names.length; j++) {
      const n = names[j];
      if (!n.acronym) continue;
      const e = byKey.get(keyOf(n));
      if (e) acronymOf.set(n.acronym, e);
    }
  }
  // Initials of every multi-word name, for "TSMC", "ABF", "M&S" (null: more than one company has them).
  for (const c of companies) {
    const seen = new Set<string>();
    for (const f of c.keys) {
      if (!f.includes(' ')) continue;
      const [plain, noSuffix] = initialsOf(f);
      seen.add(plain);
      seen.add(noSuffix);
    }
    for (const a of c.acronyms) seen.add(a.replace(/&/g, '').toLowerCase());
    for (const i of seen) byInitials.set(i, byInitials.has(i) && byInitials.get(i) !== c ? null : c);
  }
  for (let b = 0; b < blocks.length; b++) {
    if (pause(b)) yield;
    blocks[b].names.forEach((n, j) => {
      if (companyAt[b][j] || personAt[b][j]) return;
      if (n.kind !== 'other') return;
      // Surname of someone named in full: a person.
      const key = keyOf(n);
      if (!key.includes(' ') && isSurname(n)) {
        setAt(personAt, b, blocks[b].names.length, j, surnames.get(key)!);
        return;
      }
      if (n.person || terms.has(n.text)) return;
      const e = linkCompany(tables, n);
      if (e) { setAt(companyAt, b, blocks[b].names.length, j, e); if (n.acronym) e.acronyms.add(n.acronym); return; }
      if (b === 0 && titleOnly) return;
      const words = key.split(' ');
      // 4. "X said" alone: a company, when nothing says it is a person or a place.
      // A single unknown word that "said" something is as often a person never named in full ("Trump said").
      if (hasCue(n, SAID) && !n.dict && words.length > 1 && !FIRST_NAMES.has(words[0]) &&
        !words.some((w) => PLACES.has(w) || NATIONALITIES.has(w)) && !/[a-z]s$/.test(words[words.length - 1])) {
        accept(b, j, n);
      }
    });
  }

  // Short forms accepted on their own evidence join the full name they abbreviate: "ABF's chief executive"
  // (initials), "Shares of Kestrel rose" on a page that also names "Kestrel Foods" (the first word of exactly
  // one longer company name, both unknown to the dictionary or the same dictionary company).
  const longByFirst = new Map<string, CompanyEntity | null>();
  for (const e of companies) {
    for (const f of e.keys) {
      const w0 = firstOfSeveral(f);
      if (w0.length < 3 || COMMON_WORDS.has(w0) || PLACES.has(w0) || NATIONALITIES.has(w0)) continue;
      const prev = longByFirst.get(w0);
      longByFirst.set(w0, prev === undefined || prev === e ? e : null);
    }
  }
  const merged = new Map<CompanyEntity, CompanyEntity>();
  for (const e of companies) {
    if (e.keys.size !== 1) continue;
    const only = e.keys.values().next().value!;
    if (only.includes(' ')) continue;
    const short = only.replace(/&/g, '');
    let into = short.length <= 5 ? byInitials.get(short) : undefined;
    if (!into) {
      const long = longByFirst.get(only);
      if (long && (!e.dictName || e.dictName === long.dictName)) into = long;
    }
    if (into && into !== e) merged.set(e, into);
  }
  if (merged.size) {
    for (let b = 0; b < companyAt.length; b++) {
      const at = companyAt[b];
      for (let j = 0; j < at.length; j++) {
        const to = at[j] && merged.get(at[j]!);
        if (to) setAt(companyAt, b, at.length, j, to);
      }
    }
    for (const [k, e] of byKey) { const to = merged.get(e); if (to) byKey.set(k, to); }
    for (const [from, to] of merged) {
      if (from.ticker && !to.ticker) { to.ticker = from.ticker; to.exchange = from.exchange; }
      for (const a of from.acronyms) to.acronyms.add(a);
    }
  }

  // Counts and forms.
  for (let b = 0; b < blocks.length; b++) {
    if (pause(b)) yield;
    const block = blocks[b];
    const companiesAt = companyAt[b];
    for (let j = 0; j < companiesAt.length; j++) {
      const e = companiesAt[j];
      if (e) { e.mentions++; addForm(e.forms, block.names[j].text); }
    }
    const peopleAt = personAt[b];
    if (peopleAt === NONE) continue;
    const peopleByName = new Map(block.people.map((p) => [p.name, p]));
    for (let j = 0; j < peopleAt.length; j++) {
      const p = peopleAt[j];
      if (!p) continue;
      p.mentions++;
      const n = block.names[j];
      const cand = peopleByName.get(j);
      addForm(p.forms, cand ? cand.text : n.text);
      if (cand?.bare) addForm(p.forms, cand.bare);
    }
  }
  return { companies: companies.filter((c) => c.mentions > 0), people: people.filter((p) => p.mentions > 0), companyAt, personAt, companyByKey: byKey };
}

/** The companies found so far and the tables that link names to them, shared by the resolver's passes. */
interface CompanyTables {
  companies: CompanyEntity[];
  byKey: Map<string, CompanyEntity>;
  byDict: Map<string, CompanyEntity>;
  /** Dictionary names that are also everyday words, seen on this page with company evidence. */
  confirmedAmbiguous: Set<string>;
  /** First word of a multi-word company key (null: more than one company has it). */
  firstWord: Map<string, CompanyEntity | null>;
  acronymOf: Map<string, CompanyEntity>;
  /** Initials of every multi-word name, for "TSMC", "ABF", "M&S" (null: more than one company has them). */
  byInitials: Map<string, CompanyEntity | null>;
}

/** The company a name with evidence of its own is: a dictionary company, one already found, or a new one. */
function entityFor(t: CompanyTables, n: NameSpan): CompanyEntity {
  const { key, full } = formsOf(n.text);
  n.key ??= key;
  const known = n.dict?.company ?? (n.text.length > 2 ? lookupCompany(n.text) : undefined);
  let e = known ? t.byDict.get(known.name) : undefined;
  e ??= t.byKey.get(key);
  if (!e) {
    e = { id: t.companies.length, forms: new Map(), acronyms: new Set(), mentions: 0, keys: new Set() };
    t.companies.push(e);
  }
  if (known && !e.dictName) {
    e.dictName = known.name;
    t.byDict.set(known.name, e);
    const tk = known.tickers[0];
    if (tk && !e.ticker) { e.ticker = tk.symbol; e.exchange = tk.exchange; }
  }
  e.keys.add(key);
  t.byKey.set(key, e);
  if (full !== key) e.keys.add(full);
  if (n.ticker) { e.ticker = n.ticker.symbol; if (n.ticker.exchange) e.exchange = n.ticker.exchange; }
  if (n.acronym) e.acronyms.add(n.acronym);
  return e;
}

/** The known company a name without evidence of its own points to, if any. */
function linkCompany(t: CompanyTables, n: NameSpan): CompanyEntity | undefined {
  if (n.dict) {
    const e = t.byDict.get(n.dict.company.name);
    if (e && (!n.dict.ambiguous || (!n.initial && t.confirmedAmbiguous.has(n.dict.company.name)))) return e;
    if (n.dict.ambiguous) return undefined;
    if (shortAcronym(n) && !e) return undefined;
  }
  const key = keyOf(n);
  const exact = t.byKey.get(key);
  if (exact) return exact;
  if (!key.includes(' ')) {
    const fw = t.firstWord.get(key);
    if (fw) return fw;
    const acr = t.acronymOf.get(n.text);
    if (acr) return acr;
    if (n.text.length >= 2 && n.text.length <= 5 && n.text === n.text.toUpperCase()) {
      const bare = n.text.replace(/&/g, '').toLowerCase();
      const hit = t.byInitials.get(bare);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** "Alibaba's" -> "Alibaba": a form without its possessive (a char check; most forms have none). */
function withoutPossessive(f: string): string {
  const n = f.length;
  if (n < 2 || f.charCodeAt(n - 1) !== 115 /* s */) return f;
  const apostrophe = f.charCodeAt(n - 2);
  return apostrophe === 39 || apostrophe === 0x2019 ? f.slice(0, -2) : f;
}

const keyOf = (n: NameSpan): string => (n.key ??= formsOf(n.text).key);

/** The first word of a key of several words; '' for a one-word key. (No array per key.) */
function firstOfSeveral(key: string): string {
  const space = key.indexOf(' ');
  return space < 0 ? '' : key.slice(0, space);
}

/**
 * The forms of a name's text the resolver compares, remembered: a page names the same companies and people
 * again and again, and lower-casing and splitting names was the largest part of the resolver's time.
 * Bounded (remembered.ts), like lookupCompany().
 */
interface NameForms { key: string; full: string; lower: string }
const formsOf = remembered((text): NameForms => ({ key: nameKey(text), full: nameWords(text).join(' '), lower: text.toLowerCase() }));

/** initials(key, false) and initials(key, true), remembered the same way. */
const initialsOf = remembered((key): [string, string] => [initials(key, false), initials(key, true)]);

/** "HP", "GE": two-letter names need a cue before they count; in other stories they stand for something else. */
function shortAcronym(n: NameSpan): boolean {
  return n.text.length <= 2 && n.cues === 0;
}

/** The name to show: the longest form seen ("Alibaba Group Holding"), the others are aliases. Only for a finished resolution: the answer is kept. */
export function displayName(e: CompanyEntity): { name: string; aliases: string[] } {
  return (e.shown ??= shownForms(e));
}

function shownForms(e: CompanyEntity): { name: string; aliases: string[] } {
  const unique = [...new Set(Array.from(e.forms.keys(), withoutPossessive))];
  const name = unique.reduce((a, b) => (b.length > a.length ? b : a), unique[0] ?? e.dictName ?? '');
  const aliases = unique.filter((f) => f !== name);
  for (const a of e.acronyms) if (!aliases.includes(a) && a !== name) aliases.push(a);
  return { name, aliases };
}
