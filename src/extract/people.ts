// Person candidates in one block: capitalised names of two to four words
// that a given name, an honorific ("Mr", "Lord", "Prince"), or a role next to
// them ("chief executive Eddie Wu", "Jane Doe, chief economist at X") marks
// as a person. Later surname-only mentions ("Wu said") are linked to the
// full name for the whole document in resolve.ts.
import type { BlockAnalysis, NameSpan } from './block.ts';
import { cues, hasCue } from './name-cues.ts';
import { FIRST_NAMES, HONORIFICS, INDUSTRY_SUFFIXES, LEGAL_SUFFIXES, NAME_PARTICLES, NOBLE_TITLES, PLACES, SAY_VERBS } from './lexicon.ts';
import { tokenAt, type Token } from './tokens.ts';

export interface PersonCandidate {
  /** Index of the name span in block.names. */
  name: number;
  start: number;
  end: number;
  /** The name without leading roles or honorifics (noble titles kept: "Lord Wolfson"). */
  text: string;
  /** The name without a noble title, when it has one ("Abdulaziz bin Salman"). */
  bare?: string;
  role?: string;
}

/** Role words that mark a person next to a name. */
/** Cues that make a name a company even with a given name in front. */
const COMPANY_CUES = cues('suffix', 'industry', 'ticker', 'shares-of', 'shares', 'descriptor', 'appositive');
const PERSON_ROLES = new Set(['chief', 'executive', 'ceo', 'cfo', 'coo', 'cto', 'cio', 'chairman', 'chairwoman', 'chair', 'president', 'founder', 'co-founder', 'cofounder', 'director', 'head', 'analyst', 'economist', 'strategist', 'officer', 'partner', 'boss', 'minister', 'governor', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'manager', 'trader', 'banker', 'investor', 'adviser', 'advisor', 'lawyer', 'professor', 'researcher', 'scientist', 'engineer', 'chancellor', 'commissioner', 'treasurer', 'leader', 'premier', 'senator', 'congressman', 'congresswoman', 'lawmaker', 'candidate', 'billionaire', 'entrepreneur', 'columnist', 'editor', 'author', 'author', 'vice-president', 'vice-chair', 'diplomat', 'official', 'negotiator', 'envoy', 'ambassador']);
const JOINERS = new Set(['and', 'of', 'at', 'the', 'a', 'an', 'former', 'then', 'new', 'senior', 'deputy', 'vice', 'global', 'interim', 'acting', 'managing']);

/** Fields before a role word ("finance chief", "chief operating officer"). */
const ROLE_FIELDS = new Set(['finance', 'technology', 'operating', 'investment', 'financial', 'information', 'marketing']);
/** Words dropped from the start of a role. */
const ROLE_OPENERS = new Set(['and', 'the', 'a', 'an', 'of', 'at']);
/** ", which ...": a clause about a thing, not a role. */
const CLAUSE_OPENERS = new Set(['which', 'that', 'where', 'when', 'whose', 'and', 'but', 'or']);
const isParticle = (t: Token) => NAME_PARTICLES.has(t.lower);

export function findPeople(block: BlockAnalysis): PersonCandidate[] {
  const { tokens, names } = block;
  const out: PersonCandidate[] = [];
  for (let j = 0; j < names.length; j++) {
    const n = names[j];
    if (n.kind !== 'other') continue;
    // A dictionary name that reads as a person's with a role beside it ("George Weston, ABF's chief executive") is the person.
    if (n.dict && !n.dict.ambiguous && !(FIRST_NAMES.has(tokens[n.s].lower) && (roleAfter(block, n.e) || roleBefore(tokens, n.s)))) continue;
    let honorific = false;
    let hasRole = false;
    // Leading honorifics and roles inside the chunk: "Chair Jerome Powell", "Founder Masayoshi Son".
    let s = n.s;
    let noble = -1;
    for (let k = n.s; k < n.e - 1; k++) {
      const l = tokens[k].lower;
      if (NOBLE_TITLES.has(l)) { noble = k; s = k + 1; honorific = true; continue; }
      if (HONORIFICS.has(l) || (l.endsWith('.') && HONORIFICS.has(l.slice(0, -1)))) { s = k + 1; honorific = true; noble = -1; continue; }
      if ((PERSON_ROLES.has(l) || l === 'vice' || l === 'deputy') && k === s) { s = k + 1; hasRole = true; continue; }
      break;
    }
    const words = [];
    for (let k = s; k < n.e; k++) if (tokens[k].word && !isParticle(tokens[k])) words.push(tokens[k]);
    const single = words.length === 1;
    if (words.length === 0 || words.length > 4) continue;
    if (single && noble < 0 && !honorific) continue;
    if (words.some((t) => !t.cap || t.num || t.text.length < 2 && !t.text.endsWith('.') || LEGAL_SUFFIXES.has(t.lower) || INDUSTRY_SUFFIXES.has(t.lower) || t.text === t.text.toUpperCase() && t.text.length > 2)) continue;
    const nameText = block.text.slice(tokens[s].start, tokens[n.e - 1].end);
    if (PLACES.has(nameText.toLowerCase())) continue;
    // "Strategy Officer", "Argus Leader", "Ascom North America": titles and places are not names.
    if (words.some((t) => PERSON_ROLES.has(t.lower) || (PLACES.has(t.lower) && !FIRST_NAMES.has(t.lower)))) continue;
    const givenName = FIRST_NAMES.has(words[0].lower);
    // Roles before the name: "chief executive Eddie Wu", "Marvell CEO Matt Murphy".
    let role = roleBefore(tokens, n.s);
    // A role set off by commas: "the country's chief trade negotiator, Jane Doe, said".
    if (!role && words.length > 1 && tokenAt(tokens, n.s - 1)?.text === ',' && tokens[n.e]?.text === ',') role = roleBefore(tokens, n.s - 1);
    if (role) hasRole = true;
    // Roles after it: "Jane Doe, chief economist at X", "X, who became Target's chief executive".
    const after = roleAfter(block, n.e);
    if (after) { hasRole = true; role ??= after; }
    const strongCompany = hasCue(n, COMPANY_CUES) || (!!n.dict && !hasRole);
    const personish = honorific || hasRole || (givenName && !strongCompany);
    if (!personish) continue;
    if (strongCompany && !honorific && !hasRole) continue;
    n.person = true;
    const text = noble >= 0 ? block.text.slice(tokens[noble].start, tokens[n.e - 1].end) : nameText;
    out.push({ name: j, start: noble >= 0 ? tokens[noble].start : tokens[s].start, end: n.end, text, bare: noble >= 0 ? nameText : undefined, role });
  }
  return out;
}

/** Lower-case role words right before a name: "chief executive", "finance chief", "co-founder". */
function roleBefore(tokens: Token[], s: number): string | undefined {
  let k = s - 1;
  let found = false;
  while (k >= 0 && k >= s - 5 && tokens[k].word && (PERSON_ROLES.has(tokens[k].lower) || (found && (JOINERS.has(tokens[k].lower) || !tokens[k].cap)) || (!found && ROLE_FIELDS.has(tokens[k].lower)))) {
    if (PERSON_ROLES.has(tokens[k].lower)) found = true;
    if (found && !PERSON_ROLES.has(tokens[k].lower) && !JOINERS.has(tokens[k].lower) && tokens[k].lower !== 'finance') break;
    k--;
  }
  if (!found) return undefined;
  const first = k + 1;
  const words = tokens.slice(first, s).filter((t) => t.word).map((t) => t.text);
  while (words.length && ROLE_OPENERS.has(words[0].toLowerCase())) words.shift();
  return words.length ? words.join(' ').toLowerCase() : undefined;
}

/** ", chief economist at Nomura," / ", an analyst at Vontobel" / ", who became Target's chief executive". */
function roleAfter(block: BlockAnalysis, e: number): string | undefined {
  const { tokens, text } = block;
  if (tokens[e]?.text !== ',') return undefined;
  // ", which was bought by ..." is about a thing, not a person.
  if (CLAUSE_OPENERS.has(tokens[e + 1]?.lower ?? '')) return undefined;
  let k = e + 1;
  let hasRole = false;
  const from = tokens[k]?.start;
  for (; k < tokens.length && k < e + 9; k++) {
    const t = tokens[k];
    if (!t.word && (t.text === ',' || t.text === '.' || t.text === ';' || t.text === '\u201d' || t.text === '"')) break;
    if (t.word && PERSON_ROLES.has(t.lower)) hasRole = true;
    if (t.word && SAY_VERBS.has(t.lower)) break;
  }
  if (!hasRole || from === undefined) return undefined;
  let role = text.slice(from, tokens[k - 1].end);
  role = role.replace(/^(?:an?|the|who (?:is|was|became)) /i, '');
  // "analyst at Vontobel in Zurich": the place is not part of the role.
  const at = role.indexOf(' at ');
  const inPlace = at >= 0 ? role.indexOf(' in ', at) : -1;
  return inPlace > 0 ? role.slice(0, inPlace) : role;
}

/** Given names help: exported for the resolver, which splits surname mentions from full names. */
export function looksLikeGivenName(word: string): boolean {
  return FIRST_NAMES.has(word.toLowerCase());
}

export type { NameSpan };
