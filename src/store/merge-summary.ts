// Merges what the content script reports about a page into what is stored, so a
// later, smaller update (a re-scan after the page re-rendered, a second tab that
// read less) can never erase what was already read: mention counts keep their
// maximum, lists keep the union, the word count its maximum.
import type { CompanyEntry, FigureEntry, Move, PageSummary, PersonEntry } from '../extract/types.ts';
import { companyKey } from './company-key.ts';

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

function mergeBy<T>(old: T[], next: T[], key: (t: T) => string, merge: (a: T, b: T) => T): T[] {
  const out = new Map<string, T>();
  for (const item of old) out.set(key(item), item);
  for (const item of next) {
    const k = key(item);
    const prev = out.get(k);
    out.set(k, prev ? merge(prev, item) : item);
  }
  return [...out.values()];
}

function mergeCompany(a: CompanyEntry, b: CompanyEntry): CompanyEntry {
  return {
    ...a,
    ...b,
    aliases: union(a.aliases ?? [], b.aliases ?? []),
    mentions: Math.max(a.mentions ?? 0, b.mentions ?? 0),
    ticker: b.ticker ?? a.ticker,
    exchange: b.exchange ?? a.exchange,
  };
}

function mergePerson(a: PersonEntry, b: PersonEntry): PersonEntry {
  return {
    ...a,
    ...b,
    aliases: union(a.aliases ?? [], b.aliases ?? []),
    mentions: Math.max(a.mentions ?? 0, b.mentions ?? 0),
    role: b.role ?? a.role,
  };
}

function mergeFigure(a: FigureEntry, b: FigureEntry): FigureEntry {
  return { ...a, ...b, mentions: Math.max(a.mentions ?? 0, b.mentions ?? 0) };
}

const figureKey = (f: FigureEntry) => `${f.kind}|${f.currency ?? ''}|${f.value}|${f.text}`;
const moveKey = (m: Move) =>
  `${m.subject.toLowerCase()}|${m.direction}|${m.magnitude?.value ?? ''}${m.magnitude?.unit ?? ''}|${m.text}`;

/** Enough to keep what older scans found without letting re-scans grow the record forever. */
const MAX_KEY_SENTENCES = 12;

export function mergeSummary(old: PageSummary | undefined, next: PageSummary): PageSummary {
  if (!old) return next;
  return {
    ...old,
    ...next,
    title: next.title || old.title,
    companies: mergeBy(old.companies, next.companies, (c) => companyKey(c.name), mergeCompany),
    people: mergeBy(old.people, next.people, (p) => p.name.toLowerCase(), mergePerson),
    figures: mergeBy(old.figures, next.figures, figureKey, mergeFigure),
    moves: mergeBy(old.moves, next.moves, moveKey, (_a, b) => b),
    // The newest ranking first, then anything only the older scan had.
    keySentences: union(next.keySentences, old.keySentences).slice(0, MAX_KEY_SENTENCES),
    words: Math.max(old.words ?? 0, next.words ?? 0),
  };
}
