// Capitalised name chunks ("Alibaba Group Holding", "Bank of England",
// "Prince Abdulaziz bin Salman", "FTSE 100") found over the tokens of one
// block, and what kind of non-company thing a chunk plainly is (index,
// place, institution, date). Companies and people are decided from these.
import {
  BUSINESS_NOUNS, COMMODITIES, COMMON_WORDS, GROUP_NOUNS, CURRENCIES, FIRST_NAMES, HONORIFICS, NATIONALITIES, ROLE_WORDS, DAYS, INDEX_HEADS, INDEX_NAMES, MONTHS, NAME_PARTICLES, NON_COMPANY_ACRONYMS, NON_COMPANY_HEADS,
  NON_COMPANY_NAMES, PLACES,
} from './lexicon.ts';
import type { Token } from './tokens.ts';

export interface Chunk {
  /** Token range [s, e). */
  s: number;
  e: number;
  start: number;
  end: number;
  text: string;
  /** First token starts its sentence (capitalised for that reason alone, perhaps). */
  initial: boolean;
}

/** Business nouns that also open real names ("Bank Mandiri", "Group Lotus", "Company Shop"). */
const NAME_HEADS = new Set(['bank', 'group', 'company', 'companies', 'holding', 'parent', 'capital', 'trust']);

/** Words allowed between two capitalised words inside one name. */
const CONNECTORS = new Set(['of', '&', 'de', 'du', 'des', 'van', 'von', 'der', 'den', 'bin', 'bint', 'ibn', 'al', 'la', 'le', 'da', 'di', 'del', 'della', 'y']);

/** Lower-case words in names of institutions only ("Bank of England", "Department for Education"). */
/**
 * Bounds on what can be a name, so hostile text (a 400-letter "word", a whole
 * paragraph in Title Case) never becomes a company or person whose name the
 * background refuses to store (it takes names up to 500 characters); real names
 * are far inside these bounds (~8 words: "Industrial and Commercial Bank of China").
 */
const MAX_NAME_WORD = 400;
const MAX_NAME_CHARS = 480;
const MAX_NAME_TOKENS = 12;
const isCapWord = (t: Token | undefined): t is Token => !!t && t.word && t.cap && t.end - t.start <= MAX_NAME_WORD;

/**
 * Finds chunks. `firstOfSentence[i]` tells whether token i opens a sentence;
 * `seenLower` holds words the page also writes in lower case, so a capital at
 * the start of a sentence ("Shares", "Investors") does not start a name.
 */
export function findChunks(text: string, tokens: Token[], firstOfSentence: boolean[], seenLower: Set<string>): Chunk[] {
  const out: Chunk[] = [];
  let i = 0;
  const n = tokens.length;
  while (i < n) {
    const t = tokens[i];
    if (!isCapWord(t)) { i++; continue; }
    let s = i;
    let e = i + 1;
    let prev = t;
    while (e < n && !prev.poss && e - s < MAX_NAME_TOKENS && tokens[e].end - t.start <= MAX_NAME_CHARS) {
      const u = tokens[e];
      if (isCapWord(u) && u.start - prev.end <= 1) { prev = u; e++; continue; }
      // A number after an index head: "FTSE 100", "Nikkei 225", "Cac 40".
      if (u.word && u.num && INDEX_HEADS.has(tokens[e - 1].lower) && u.start - prev.end <= 1 && /^\d+$/.test(u.text)) { prev = u; e++; continue; }
      // Connectors: "Bank of England", "Marks & Spencer", "Abdulaziz bin Salman".
      const lower = u.word ? u.lower : u.text;
      if (CONNECTORS.has(lower) || (lower === '&')) {
        let k = e + 1;
        if (lower === 'of' && tokens[k]?.lower === 'the') k++;
        // "Founder of Ceres Robotics", "CEO of X": a role, then the company, not one name.
        // "Eddie Wu of Harmon Group": a person of a company, not one name.
        const roleOf = lower === 'of' && ((e - s === 1 && (ROLE_WORDS.has(tokens[s].lower) || HONORIFICS.has(tokens[s].lower))) || FIRST_NAMES.has(tokens[s].lower));
        if (!roleOf && isCapWord(tokens[k]) && (NAME_PARTICLES.has(lower) || lower === '&' || lower === 'of' || lower === 'de' || lower === 'y')) {
          prev = tokens[k];
          e = k + 1;
          continue;
        }
      }
      break;
    }
    // Drop a sentence-initial common word ("Shares", "The", "Investors").
    let initial = firstOfSentence[s] || (s > 0 && !tokens[s - 1].word && firstOfSentence[s - 1]);
    // "Miners' shares", "Banks rallied": a plural market noun opening a sentence is no name.
    // "Brokerage Motilal Oswal cut...": a kind of business opening the sentence describes the name after it.
    while (s < e && initial && (COMMON_WORDS.has(tokens[s].lower) || seenLower.has(tokens[s].lower) || (GROUP_NOUNS.has(tokens[s].lower) && tokens[s].lower.endsWith('s')) ||
      (BUSINESS_NOUNS.has(tokens[s].lower) && !NAME_HEADS.has(tokens[s].lower) && e - s > 1 && !tokens[s].poss))) {
      s++;
      initial = false;
    }
    // Never start or end a chunk on a connector.
    while (s < e && !tokens[s].cap) s++;
    while (e > s && !tokens[e - 1].cap && !tokens[e - 1].num) e--;
    if (e > s) {
      const start = tokens[s].start;
      const end = tokens[e - 1].end;
      out.push({ s, e, start, end, text: text.slice(start, end), initial });
    }
    i = Math.max(e, i + 1);
  }
  return out;
}

export type ChunkKind = 'index' | 'place' | 'institution' | 'date' | 'acronym-noise' | 'asset' | 'other';

/** Words after a commodity that keep it one ("Brent crude", "Gold futures"). */
const ASSET_TAILS = new Set(['crude', 'futures', 'prices']);

/** What a chunk plainly is when it is not a company or a person. */
export function classifyChunk(text: string, tokens: Token[], s: number, e: number): ChunkKind {
  // A one-word chunk has its token's lower case already (no new string to make and hash).
  const lower = e - s === 1 && text === tokens[s].text ? tokens[s].lower : text.includes('\u2019') ? text.toLowerCase().replace(/\u2019/g, "'") : text.toLowerCase();
  if (INDEX_NAMES.has(lower) || (INDEX_HEADS.has(tokens[s].lower) && e - s > 1 && tokens[e - 1].num)) return 'index';
  // "Brent", "Bitcoin", "WTI", "Gold": a commodity, currency or coin, not a company.
  let asset = true;
  for (let k = s; k < e && asset; k++) asset = COMMODITIES.has(tokens[k].lower) || CURRENCIES.has(tokens[k].lower) || (k > s && ASSET_TAILS.has(tokens[k].lower));
  if (asset) return 'asset';
  if (e - s === 1 && NATIONALITIES.has(lower)) return 'place';
  const last = tokens[e - 1].lower;
  if (last === 'index' || last === 'composite' || last === 'average') return 'index';
  if (PLACES.has(lower)) return 'place';
  // "Greater China", "Northern Europe", "Mainland China": a region.
  if (e - s >= 2 && REGION_MODIFIERS.has(tokens[s].lower) && PLACES.has(lower.slice(tokens[s].lower.length + 1))) return 'place';
  if (NON_COMPANY_NAMES.has(lower)) return 'institution';
  if (e - s === 1) {
    if (MONTHS.has(lower) || DAYS.has(lower)) return 'date';
    if (NON_COMPANY_ACRONYMS.has(lower)) return 'acronym-noise';
  }
  for (let k = s; k < e; k++) {
    const w = tokens[k].lower;
    if (k === s && e - s > 1 && (w === 'the')) continue;
    if (GOV_WORDS.has(w)) return 'institution';
    if (DAYS.has(w) || (MONTHS.has(w) && e - s <= 2)) return 'date';
  }
  // "Mistral Growth Fund", "Harbour Infrastructure Fund": an investment fund is a business; "International Monetary Fund" is not.
  if (last === 'fund' && e - s >= 3 && INVESTMENT_WORDS.has(tokens[e - 2].lower)) return 'other';
  if (NON_COMPANY_HEADS.has(last) && LAST_ONLY.has(last)) return 'institution';
  // Central banks: "Bank of Japan", "People's Bank of China", "Reserve Bank of India"; not lenders named after
  // their country ("Commonwealth Bank of Australia", "Royal Bank of Canada").
  const bankOf = lower.indexOf('bank of ');
  if (bankOf >= 0 && PLACES.has(lower.slice(bankOf + 8)) && CENTRAL_BANK_PREFIX.test(lower.slice(0, bankOf))) return 'institution';
  if (lower.endsWith(' central bank') || lower.includes('national bank') && PLACES.has(lower.split(' ')[0])) return 'institution';
  return 'other';
}

const REGION_MODIFIERS = new Set(['greater', 'mainland', 'northern', 'southern', 'eastern', 'western', 'central', 'continental', 'north', 'south', 'east', 'west', 'inner', 'outer']);
const INVESTMENT_WORDS = new Set(['growth', 'capital', 'venture', 'ventures', 'opportunity', 'opportunities', 'equity', 'investment', 'investments', 'infrastructure', 'income', 'value', 'credit', 'innovation', 'climate', 'impact', 'partners', 'private']);
/** What may stand before "Bank of <country>" in a central bank's name (nothing, "Reserve", "People's", "State"). */
const CENTRAL_BANK_PREFIX = /^(?:(?:the )?(?:people's |reserve |central |national |state |federal )?)$/;

/** Any of these anywhere in a name makes it a public institution. */
const GOV_WORDS = new Set([
  'department', 'ministry', 'commission', 'agency', 'administration', 'authority', 'council', 'committee', 'court',
  'government', 'parliament', 'senate', 'congress', 'university', 'college', 'institute', 'organization',
  'organisation', 'reserve', 'treasury', 'cabinet', 'police', 'army', 'navy', 'opec', 'opec+', 'un', 'nations',
]);
/** These only at the end of a name ("International Monetary Fund", "White House", "Wall Street"). */
const LAST_ONLY = new Set(['area', 'region', 'coast', 'fund', 'house', 'street', 'avenue', 'square', 'valley', 'basin', 'bay', 'river', 'sea', 'ocean', 'airport', 'station', 'summit', 'forum', 'conference', 'union', 'foundation', 'party', 'church', 'museum', 'hospital', 'school', 'academy', 'office', 'bureau', 'board', 'exchange', 'city', 'state', 'states', 'republic', 'kingdom', 'province', 'county', 'district', 'week', 'day']);
