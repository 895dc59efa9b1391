// Company evidence around each name span of a block: what the words next to
// a capitalised name say about it ("shares of X", "X's shares", "X, the
// chipmaker", "start-up X", "X (NASDAQ: NVDA)", "analysts at X", "X-backed",
// "X said"). Whether a name finally counts as a company is decided for the
// whole document in resolve.ts, from these cues and the dictionary.
import { addCue, cues, hasCue } from './name-cues.ts';
import type { BlockAnalysis, NameSpan } from './block.ts';
import { BUSINESS_NOUNS, FIRST_NAMES, INDUSTRY_SUFFIXES, LEGAL_SUFFIXES, ROLE_WORDS, SAY_VERBS } from './lexicon.ts';
import { tokenAt, type Token } from './tokens.ts';

/** Cues strong enough to make an unknown capitalised name a company on their own. */
export const STRONG_CUES = cues('suffix', 'industry', 'ticker', 'shares-of', 'shares', 'descriptor', 'appositive', 'role-at', 'source', 'backed', 'deal', 'advised', 'owner-role', 'possessive', 'move', 'list');

/** Words after "X's" that belong to a business. */
const OWNED = new Set(['shares', 'stock', 'share', 'chief', 'ceo', 'cfo', 'chairman', 'chairwoman', 'president', 'founder', 'co-founder', 'board', 'headquarters', 'revenue', 'revenues', 'profit', 'profits', 'sales', 'earnings', 'results', 'stores', 'products', 'software', 'customers', 'subscribers', 'shareholders', 'investors', 'stake', 'market', 'cloud', 'business', 'unit', 'division', 'offer', 'bid', 'takeover', 'acquisition', 'valuation', 'finance', 'head', 'management', 'executives', 'brand', 'factory', 'factories', 'plants', 'chips', 'models', 'app', 'platform', 'capital', 'dividend', 'buyback', 'guidance', 'outlook', 'operating', 'net', 'quarterly', 'annual', 'full-year', 'first-quarter', 'second-quarter', 'third-quarter', 'fourth-quarter']);
/** "X CEO Jane Doe", "X co-founder Jack Ma". */
const STAFF_AFTER = new Set(['ceo', 'cfo', 'coo', 'cto', 'co-founder', 'founder', 'chairman', 'chairwoman', 'boss', 'chief', 'executives', 'shareholders', 'spokesman', 'spokeswoman', 'spokesperson', 'partner', 'owner', 'analyst', 'analysts', 'economist', 'economists', 'strategist', 'strategists', 'shares', 'stock', 'stake']);
const DEAL_BEFORE = new Set(['buy', 'bought', 'buying', 'buys', 'acquire', 'acquired', 'acquiring', 'acquires', 'purchase', 'purchased']);
const DEAL_NOUN_OF = new Set(['takeover', 'acquisition', 'purchase', 'shares', 'stake', 'rival', 'customers', 'investors', 'shareholders', 'spin-off', 'listing', 'ipo']);
const DEAL_NOUN_WITH = new Set(['deal', 'merger', 'partnership', 'agreement', 'contract', 'talks', 'tie-up', 'alliance']);
const DEAL_AFTER = new Set(['agreed', 'agrees', 'bought', 'acquired', 'invested', 'listed', 'employs', 'shipped']);
const RELATIVE_BUSINESS = new Set(['makes', 'owns', 'operates', 'runs', 'sells', 'builds', 'designs', 'produces', 'manufactures', 'supplies', 'provides', 'develops', 'employs']);

// Word lists of the cue rules, built once (array literals in the rules would be rebuilt for every name).
/** "Alliance for ...", "Center of ...": an industry word before these ends no company name. */
const FOR_OF = new Set(['for', 'of']);
/** "shares of X", "a stake in X". */
const HOLDINGS_OF = new Set(['shares', 'stock', 'stake', 'stakes', 'shareholders', 'investors']);
const ARTICLES = new Set(['the', 'a', 'an']);
/** "worked at X", "analysts at X". */
const WORK_AT = new Set(['engineer', 'worked', 'works', 'working', 'job', 'role', 'stint', 'analysts', 'economists', 'strategists']);
/** "compiled by X": X is a data source. */
const SOURCE_BY = new Set(['polled', 'compiled', 'surveyed', 'tracked', 'analysed', 'analyzed', 'published']);
/** "backed by X", "acquired by X". */
const BACKED_BY = new Set(['backed', 'led', 'funded', 'owned', 'acquired', 'bought', 'advised', 'run', 'operated', 'controlled']);
/** "invested in X". */
const INVEST_IN = new Set(['investment', 'invest', 'invested', 'investing', 'stake']);
/** "X advised ..." and "... advised X"/"advising X". */
const ADVISES = new Set(['advised', 'advises', 'advising']);
const ADVISING = new Set(['advised', 'advising']);
/** Words between a name and a late "said" ("X has said", "X later said"). */
const BEFORE_SAID = new Set(['has', 'had', 'also', 'previously', 'later', 'on']);
/** Words that end the head noun phrase of an appositive. */
const APPOSITIVE_END = new Set(['of', 'that', 'which', 'who', 'whose', 'run', 'based', 'with', 'in', 'for', 'and', 'to', 'known', 'founded', 'owned', 'led', 'backed', 'said', 'has', 'is', 'was']);
const RELATIVES = new Set(['which', 'who', 'whose']);

const w = (t: Token | undefined) => (t && t.word ? t.lower : t?.text ?? '');

export function findCompanyCues(block: BlockAnalysis) {
  const { tokens, names } = block;
  for (let j = 0; j < names.length; j++) {
    const n = names[j];
    if (n.kind !== 'other') continue;
    const last = tokens[n.e - 1];
    const len = n.e - n.s;
    if (len > 1 && last.cap && LEGAL_SUFFIXES.has(last.lower.endsWith('.') ? last.lower.slice(0, -1) : last.lower) || n.dict && /\b(?:Inc|Corp|plc|Ltd|AG|SA|NV|SE|ASA|Holdings?|Group)\.?$/.test(n.text)) addCue(n, 'suffix');
    // "Rystad Energy"; not "Alliance for American Manufacturing" or "Center of Economic Research".
    if (len > 1 && INDUSTRY_SUFFIXES.has(last.lower) && !FOR_OF.has(w(tokenAt(tokens, n.s - 1)))) addCue(n, 'industry');
    readTicker(block, n);
    const p1 = tokenAt(tokens, n.s - 1);
    const p2 = tokenAt(tokens, n.s - 2);
    const p3 = tokenAt(tokens, n.s - 3);
    // After the name, skipping "(NASDAQ: X)" and "(TSMC)".
    let a = n.e;
    if (tokens[a]?.text === '(') { let k = a; while (k < tokens.length && k < a + 8 && tokens[k].text !== ')') k++; if (tokens[k]?.text === ')') a = k + 1; }
    const n1 = tokens[a];
    const n2 = tokens[a + 1];
    // "shares of X", "shares in X", "stake in X"
    if ((w(p1) === 'of' || w(p1) === 'in') && p2 && HOLDINGS_OF.has(w(p2))) addCue(n, 'shares-of');
    // "X shares", "X's shares", "X stock"
    if (n1 && n1.word && !n1.cap && (n1.lower === 'shares' || n1.lower === 'stock' || n1.lower === 'adrs')) addCue(n, 'shares');
    if (last.poss && n1 && n1.word && OWNED.has(n1.lower)) addCue(n, 'possessive');
    // "Apple's iPhone", "Google's Gemini": a known company's product.
    if (last.poss && n.dict && n1?.word && (n1.cap || /^[a-z]+[A-Z]/.test(n1.text))) addCue(n, 'possessive');
    // "X CEO Matt Murphy", "X co-founder Jack Ma"
    if (!last.poss && n1 && n1.word && STAFF_AFTER.has(n1.lower) && !(n1.lower === 'chief' && n1.cap)) addCue(n, 'owner-role');
    // Descriptor right before: "start-up DeepSeek", "rival Aalberts", "insurer Storebrand ASA"
    if (p1 && p1.word && !p1.num && BUSINESS_NOUNS.has(p1.lower) && p1.lower !== 'community' || (p1 && p1.word && /-(?:maker|owner|backed)$/.test(p1.lower))) addCue(n, 'descriptor');
    // "retailers such as X", "lenders like X": an example of a kind of business.
    if (((w(p1) === 'as' && w(p2) === 'such') || w(p1) === 'like' || w(p1) === 'including') && isBusinessPlural(w(w(p1) === 'as' ? p3 : p2))) addCue(n, 'descriptor');
    // "X, the chipmaker", "X, whose shares", "X, which makes"
    if (n1?.text === ',' && n2) {
      if (n2.word && (n2.lower === 'whose' || RELATIVE_BUSINESS.has(w(tokens[a + 2])) && n2.lower === 'which')) addCue(n, 'appositive');
      else if (n2.word && ARTICLES.has(n2.lower) && appositiveHead(tokens, a + 2)) addCue(n, 'appositive');
    }
    // "analysts at X", "chief economist at X"
    if (w(p1) === 'at' && (ROLE_WORDS.has(w(p2)) || ROLE_WORDS.has(w(p3)) || WORK_AT.has(w(p2)))) addCue(n, 'role-at');
    // "according to X", "data from X", "polled by X", "compiled by X"
    if ((w(p1) === 'to' && w(p2) === 'according') || (w(p1) === 'from' && w(p2) === 'data') || (w(p1) === 'by' && SOURCE_BY.has(w(p2)))) addCue(n, 'source');
    // "backed by X", "led by X", "X-backed"
    if (w(p1) === 'by' && BACKED_BY.has(w(p2))) addCue(n, 'backed');
    if (n1?.word && !n1.cap && n1.lower === 'backed' && tokens[n.e - 1].end === n1.start - 1) addCue(n, 'backed');
    // "agreed to buy X", "deal with X", "takeover of X", "investment in X", "X agreed to buy"
    if (DEAL_BEFORE.has(w(p1)) || (w(p1) === 'of' && DEAL_NOUN_OF.has(w(p2))) || (w(p1) === 'with' && DEAL_NOUN_WITH.has(w(p2))) || (w(p1) === 'in' && INVEST_IN.has(w(p2)))) addCue(n, 'deal');
    if (n1?.word && !n1.cap && DEAL_AFTER.has(n1.lower)) addCue(n, 'deal');
    if ((n1?.word && ADVISES.has(n1.lower)) || ADVISING.has(w(p1))) addCue(n, 'advised');
    // "X said", "X told", "X on Thursday said"
    if (n1?.word && SAY_VERBS.has(n1.lower) && n1.lower !== 'according') addCue(n, 'said');
    else if (n1?.word && BEFORE_SAID.has(n1.lower)) {
      let k = a + 1;
      while (k < tokens.length && k < a + 4 && !(tokens[k].word && SAY_VERBS.has(tokens[k].lower))) k++;
      if (tokens[k] && SAY_VERBS.has(tokens[k].lower) && tokens[k].lower !== 'according') addCue(n, 'said');
    }
    if (w(p1) === 'said' || w(p1) === 'says') addCue(n, 'said');
  }
  // "X-backed" inside one token ("Sequoia-backed") names a backer that chunking cannot see.
  markLists(block);
}

/** "retailers", "companies", "banks", "chipmakers": kinds of business in the plural. */
function isBusinessPlural(word: string): boolean {
  if (word.length < 4 || !word.endsWith('s')) return false;
  const one = word.endsWith('ies') ? word.slice(0, -3) + 'y' : word.slice(0, -1);
  return BUSINESS_NOUNS.has(one) || /(?:maker|retailer|lender|insurer|bank|brand|firm|supplier|manufacturer|stock|megacap|cap)$/.test(one);
}

/** ", the British clothing retailer," -> is the head noun of the appositive a business noun? */
function appositiveHead(tokens: Token[], i: number): boolean {
  let head = '';
  for (let k = i; k < tokens.length && k < i + 8; k++) {
    const t = tokens[k];
    if (!t.word) break;
    if (APPOSITIVE_END.has(t.lower)) break;
    head = t.lower;
    if (t.poss) head = '';
  }
  return BUSINESS_NOUNS.has(head) || /(?:maker|company|retailer|group|bank|lender|insurer|giant)$/.test(head);
}

/** "(NASDAQ: NVDA)", "(SHEL.L)", "(2222.SE)" after a name: a ticker. "(TSMC)": a short form. */
function readTicker(block: BlockAnalysis, n: NameSpan) {
  const { tokens } = block;
  let i = n.e;
  if (tokens[i]?.text !== '(') return;
  i++;
  const a = tokens[i];
  const b = tokens[i + 1];
  const c = tokens[i + 2];
  const d = tokens[i + 3];
  if (a?.word && b?.text === ':' && c?.word && d?.text === ')' && /^[A-Z]{2,10}$/.test(a.text)) {
    n.ticker = { symbol: c.text, exchange: a.text };
    addCue(n, 'ticker');
    return;
  }
  if (a?.word && b?.text === ')' && a.text.length <= 12) {
    if (/^[A-Z0-9]{1,6}\.[A-Z]{1,3}$/.test(a.text)) {
      n.ticker = { symbol: a.text };
      addCue(n, 'ticker');
    } else if (/^[A-Z][A-Za-z&]{1,6}$/.test(a.text) && a.text === a.text.toUpperCase() && n.e - n.s > 1) {
      n.acronym = a.text;
    }
  }
}

/**
 * Coordinated names ("Oracle, SoftBank and OpenAI", "Lazard and ABN Amro"): when one member has
 * strong company evidence, plain capitalised members of the same list are companies too.
 */
function markLists(block: BlockAnalysis) {
  const { names, tokens } = block;
  let i = 0;
  while (i < names.length) {
    const group = [i];
    let j = i;
    while (j + 1 < names.length) {
      let k = names[j].e;
      if (tokens[k]?.text === '(') { while (k < tokens.length && tokens[k].text !== ')' && k < names[j].e + 8) k++; k++; }
      // "Nvidia, which has doubled this year, and Apple": a relative clause inside the list.
      if (tokens[k]?.text === ',' && RELATIVES.has(w(tokens[k + 1]))) {
        let q = k + 2;
        while (q < names[j + 1].s && q < k + 16 && tokens[q].text !== ',') q++;
        if (q < names[j + 1].s && tokens[q].text === ',') k = q;
      }
      const between = listGlue(tokens, k, names[j + 1].s);
      // "Ceres Robotics, Palo Alto, California": a city, then its state, is an address, not a list.
      const after = names[j + 2];
      const address = between === ',' && after && after.kind === 'place' && tokens[names[j + 1].e]?.text === ',' && after.s === names[j + 1].e + 1;
      if (!address && (between === ',' || between === 'and' || between === ', and' || between === '&')) { group.push(j + 1); j++; } else break;
    }
    if (group.length > 1) {
      const members = group.map((g) => names[g]);
      const strong = members.some((m) => m.kind === 'other' && ((m.dict && !m.dict.ambiguous) || hasCue(m, STRONG_CUES)));
      if (strong) {
        for (const m of members) {
          if (m.kind !== 'other' || FIRST_NAMES.has(tokens[m.s].lower)) continue;
          addCue(m, 'list');
        }
      }
    }
    i = j + 1;
  }
}

/** The words between two names when they can join a list (",", "and", ", and", "&"), else "". */
function listGlue(tokens: Token[], from: number, to: number): string {
  if (to - from < 1 || to - from > 2) return '';
  const a = tokens[from];
  const first = a.word ? a.lower : a.text;
  if (to - from === 1) return first;
  const b = tokens[from + 1];
  return first === ',' && b.word && b.lower === 'and' ? ', and' : '';
}

/** Legal-form words at the end of a name, removed to compare forms ("Geberit AG" = "Geberit"). */
export function stripSuffixes(words: string[]): string[] {
  const out = words.slice();
  while (out.length > 1 && (LEGAL_SUFFIXES.has(out[out.length - 1]) || out[out.length - 1] === '&')) out.pop();
  return out;
}
