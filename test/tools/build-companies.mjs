// Generator of the embedded company dictionary (src/extract/data/companies.ts).
//
// Reads the public listings in /work/shared/data/companies (or $COMPANY_DATA_DIR) plus the
// hand-curated src/extract/data/companies-hand.tsv, picks the companies business news talks
// about, cleans their names, derives the short forms newspapers use, flags the forms that are
// everyday English words, and writes one compact line per company. The output is committed,
// so neither the extension build nor CI ever runs this script: run `npm run companies` only
// when a source list or the hand file changes. English word checks use /usr/share/dict/american-english
// and british-english (Debian packages `wamerican`, `wbritish`); without them the script refuses to run
// rather than silently writing a dictionary without ambiguity flags.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = process.env.COMPANY_DATA_DIR ?? '/work/shared/data/companies';
const OUT_DIR = join(ROOT, 'src', 'extract', 'data');
const WORDS_FILES = ['/usr/share/dict/american-english', '/usr/share/dict/british-english'];

// ---------- provenance of each source (written into the output header) ----------
const SOURCES = {
  sp: { file: 'us_sp500_constituents.csv', repo: 'datasets/s-and-p-500-companies', commit: '56509dd80619e4d8e1410c2260d68ddd3eab6068', licence: 'ODC-PDDL-1.0' },
  nq: { file: 'us_nasdaq_listed.csv', repo: 'datasets/nasdaq-listings', commit: '31d3809cc090d5a535ecc3db2b26904cbb2ac84d', licence: 'ODC-PDDL-1.0' },
  ny: { file: 'us_nyse_other_listed.csv', repo: 'datasets/nyse-other-listings', commit: 'e08f184e20a73d596f9288e0bf28bd09aa577a48', licence: 'ODC-PDDL-1.0' },
  uk: { file: 'uk_ftse100_constituents.csv', repo: 'yfiua/index-constituents', commit: '892385422a6710614a764fe9ce3f37c8da2e9aee', licence: 'Apache-2.0' },
  de: { file: 'de_dax_constituents.csv', repo: 'yfiua/index-constituents', commit: '892385422a6710614a764fe9ce3f37c8da2e9aee', licence: 'Apache-2.0' },
  it: { file: 'it_ftsemib_constituents.csv', repo: 'yfiua/index-constituents', commit: '892385422a6710614a764fe9ce3f37c8da2e9aee', licence: 'Apache-2.0' },
  hk: { file: 'hk_hsi_constituents.csv', repo: 'yfiua/index-constituents', commit: '892385422a6710614a764fe9ce3f37c8da2e9aee', licence: 'Apache-2.0' },
  eu: { file: 'eu_eurostoxx50_constituents.csv', repo: 'thaywebsearch/stoxx50index-list-README.md', commit: '0587bcf4b0e95ce0a20a8568fd12f6e8265297ad', licence: 'MIT' },
  fd: { file: 'intl_equities_financedatabase.csv', repo: 'JerBouma/FinanceDatabase', commit: '268be5d29898a12dbd6b1f006a0deb55b81a5a29', licence: 'MIT' },
  h: { file: 'src/extract/data/companies-hand.tsv', repo: 'this repository (hand-curated, per-row source notes)', commit: '-', licence: 'project' },
};

// ---------- exchanges ----------
const YAHOO_SUFFIX = {
  L: 'LSE', DE: 'XETRA', MI: 'Borsa Italiana', HK: 'HKEX', SS: 'SSE', SZ: 'SZSE', AS: 'Euronext Amsterdam',
  PA: 'Euronext Paris', BR: 'Euronext Brussels', LS: 'Euronext Lisbon', IR: 'Euronext Dublin', VI: 'Wiener Borse',
  SW: 'SIX', MC: 'BME', ST: 'Nasdaq Stockholm', CO: 'Nasdaq Copenhagen', HE: 'Nasdaq Helsinki', OL: 'Oslo Bors',
  T: 'TSE', KS: 'KRX', KQ: 'KOSDAQ', NS: 'NSE', AX: 'ASX', TO: 'TSX', TW: 'TWSE', SI: 'SGX', SA: 'B3', MX: 'BMV',
  JO: 'JSE', SR: 'Tadawul', TA: 'TASE', NZ: 'NZX', F: 'XETRA',
};
const REGION_OF_EXCHANGE = {
  NASDAQ: 'US', NYSE: 'US', 'NYSE American': 'US', LSE: 'UK', HKEX: 'China/HK', SSE: 'China/HK', SZSE: 'China/HK',
  TSE: 'Japan', KRX: 'Korea', KOSDAQ: 'Korea', NSE: 'India', ASX: 'Australia', NZX: 'Australia', TSX: 'Canada',
  TWSE: 'Taiwan', SGX: 'Other', B3: 'Other', BMV: 'Other', JSE: 'Other', Tadawul: 'Other', TASE: 'Other',
};
const regionOf = (exchange) => REGION_OF_EXCHANGE[exchange] ?? 'Europe';

function yahooTicker(raw) {
  const m = /^(.+)\.([A-Z]{1,2})$/.exec(raw.trim().replace('/', '.').replace('..', '.'));
  if (!m || !YAHOO_SUFFIX[m[2]]) return undefined;
  return { symbol: m[1].replace(/\.$/, ''), exchange: YAHOO_SUFFIX[m[2]] };
}

// ---------- CSV ----------
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); cell = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}
const readCsv = (key) => parseCsv(readFileSync(join(SRC, SOURCES[key].file), 'utf8'));

// ---------- words ----------
if (!WORDS_FILES.every(existsSync)) {
  console.error(`${WORDS_FILES.join(' or ')} missing: apt-get install wamerican wbritish (needed to flag everyday words).`);
  process.exit(1);
}
const LOWER_WORDS = new Set();   // everyday words (lower-case entries)
const ANY_WORDS = new Set();     // every entry, lower-cased (includes proper nouns)
for (const w of WORDS_FILES.flatMap((f) => readFileSync(f, 'utf8').split('\n'))) {
  if (!w) continue;
  ANY_WORDS.add(w.toLowerCase());
  if (w === w.toLowerCase()) LOWER_WORDS.add(w.replace(/'s$/, ''));
}

// Capitalised words that are never a company's name on their own: function words, generic business
// words, places, nationalities, days, months, titles. Shared with the test suite's spirit, kept
// here because the generator is where aliases are made.
const STOP = new Set(`
the a an and of for in on at to by with from as or new old first second third one two three
group holding holdings company companies corp corporation inc ltd limited plc co partners partnership trust fund funds
bank banks banking bancorp financial finance capital investment investments securities insurance assurance life
american america americas national international global general united royal federal first central standard
universal united states world worldwide pacific atlantic continental eastern western northern southern north south east west
energy power oil gas petroleum resources mining metals steel gold silver minerals industries industrial industry
technology technologies tech systems solutions services service software data digital networks network communications
health healthcare medical pharma pharmaceuticals pharmaceutical therapeutics biosciences bio sciences labs laboratories
motor motors auto automotive airlines airways air aviation shipping logistics transport railway railways
real estate realty properties property land homes home housing development developments construction engineering
retail stores brands foods food beverage beverages consumer products media entertainment television broadcasting
electric electronics electrical utilities utility water chemical chemicals materials paper packaging
china chinese hong kong japan japanese korea korean india indian australia australian canada canadian britain british
europe european germany german france french italy italian spain spanish swiss switzerland dutch netherlands
sweden swedish norway norwegian denmark danish finland finnish asia asian africa african mexico brazil singapore taiwan
london paris tokyo beijing shanghai shenzhen york new-york texas california washington boston chicago sydney toronto
guangdong jiangsu zhejiang shandong sichuan anhui hunan hubei henan fujian hebei yunnan guangzhou hangzhou tianjin chongqing
shaanxi shanxi ningxia ningbo wuxi foshan zhangzhou luzhou xiamen qingdao suzhou dalian wuhan chengdu nanjing changsha zhengzhou
hefei fuzhou jinan kunming dongguan zhuhai yantai guangxi xinjiang hainan jiangxi liaoning jilin gansu qinghai guizhou inner mongolia
hannover riyad riyadh norsk norges sino groupe banque telecom thermo arca yanbu shinkin
osaka seoul mumbai delhi bangalore melbourne vancouver montreal frankfurt munich milan madrid zurich geneva amsterdam
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december today yesterday president chairman chief executive ceo minister government state city
holdings-group sa ag se nv spa asa ab oyj kgaa llc lp
`.split(/\s+/).filter(Boolean));

// ---------- name cleaning ----------
const SECURITY_TAIL = new RegExp(
  '\\s*(?:\\(the\\)\\s*)?(?:-\\s+)?\\b(?:American Depositary Shares?|American Depository Shares?|Sponsored ADR|Sponsored GDR|ADSs?\\b|ADR\\b|GDR\\b|' +
  'Ordinary Shares?|Common Stock|Common Shares?|New Common Stock|Capital Stock|Subordinate Voting Shares|Class [A-Z]\\b|Series [A-Z]\\b|' +
  'Depositary Shares?|Depositary Receipts?|Each representing|each representing|representing|Registered Shares?|Voting Shares?|Shares of Beneficial Interest|' +
  'Units?\\b|Warrants?\\b|Rights?\\b)[\\s\\S]*$', 'i');
const LEGAL = ['Inc', 'Incorporated', 'Corp', 'Corporation', 'Co', 'Company', 'Ltd', 'Limited', 'PLC', 'Plc', 'plc', 'p.l.c', 'P.L.C',
  'AG', 'SE', 'SA', 'S.A', 'N.V', 'NV', 'SpA', 'S.p.A', 'ASA', 'AB', '(publ)', 'publ', 'Oyj', 'Abp', 'A/S', 'Aktiengesellschaft',
  'L.P', 'LP', 'LLC', 'Tbk', 'Bhd', 'Berhad', 'S.A.B. de C.V', 'SAB de CV', 'S.A.B', 'de C.V', 'N.A', 'K.K', 'KK', 'AS',
  'Societe Europeenne', 'SA/NV', 'Société Européenne', 'S.A.A', 'SCA', 'S.C.A', 'Ltda', 'Pty', 'Pty Ltd'];
const LEGAL_RE = new RegExp(`(?:[\\s,]+(?:${LEGAL.map((s) => s.replace(/[.()/]/g, (c) => '\\' + c)).join('|')})\\.?)+\\s*$`, 'i');

function titleCaseShouty(name) {
  // "NVIDIA Corporation" -> "Nvidia Corporation"; short all-caps words (BP, HSBC, SAP, LVMH) are acronyms and stay,
  // unless the whole name is shouted ("CHINA BOHAI BANK CO. LTD.", "Brookfield ASSET Management INC").
  const shouted = (name.match(/\b[A-Z]{3,}\b/g) ?? []).length >= 2;
  return name.replace(shouted ? /\b[A-Z][A-Z]{3,}\b/g : /\b[A-Z][A-Z]{5,}\b/g, (w) => w[0] + w.slice(1).toLowerCase());
}

function cleanName(raw) {
  let n = raw.replace(/\s+/g, ' ').trim();
  n = n.replace(/\s*\((?:the|The)\)/g, '').replace(/\s*\((?:Class|Series) [^)]*\)/g, '');
  n = n.replace(SECURITY_TAIL, '');
  n = n.replace(/\s*\([^)]*\)\s*$/, '').replace(/\s*\($/, '');
  n = n.replace(/\s*&\s*Co(?:mpany)?\.?(?=[\s,]|$)/, ' &\u0001Co'); // "Merck & Co." keeps its "& Co" (protected from the legal-suffix strip)
  n = n.replace(/\s*-\s*(?:Class|Series)\b.*$/, '').replace(/\s+(?:New|Voting)$/, '').replace(/[\s,;-]+$/, '');
  n = n.replace(/,?\s*Co\.,\s*Ltd\.?$/i, '').replace(/\s+Co\.,?Ltd\.?$/i, '').replace(/,\s*$/, '');
  for (let i = 0; i < 3; i++) {
    const before = n;
    n = n.replace(LEGAL_RE, '').replace(/[\s,]+$/, '');
    if (n === before) break;
  }
  n = n.replace(/^The\s+/, '').replace('\u0001', ' ');
  return n.replace(/\s+/g, ' ').trim();
}

// Key for merging the same company across lists: lower-case, no accents or punctuation,
// "&" = "and", without trailing Group/Holding(s).
function mergeKey(name) {
  let k = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N} ]+/gu, ' ');
  k = k.replace(/\s+/g, ' ').trim().replace(/^the /, '');
  for (let i = 0; i < 3; i++) k = k.replace(/ (group|holdings?|co|company|corp|corporation|inc|ltd|limited|plc|ag|se|sa|nv)$/, '');
  return k;
}

// Trailing words newspapers drop: "Alibaba Group Holding" -> "Alibaba", "Marvell Technology" -> "Marvell".
const DROPPABLE_TAIL = new Set(`Group Holding Holdings Technology Technologies Tech International Industries Industry Enterprises
Corporation Company Co Systems Solutions Brands Pharmaceuticals Pharmaceutical Therapeutics Biosciences Sciences Software Networks
Communications Entertainment Motor Motors Worldwide Global Labs Laboratories Platforms Semiconductor Semiconductors Electronics
Interactive Incorporated Inc Holdings Partners Resources Mining Electric Electrical Manufacturing Precision Industrial Chemical Chemicals
Financial Bancorp Bancshares Biotech Biologics Biopharma Medical Healthcare Health Retail Stores Foods Products Consumer Digital
Airlines Aviation Energy Engineering Investments Investment Logistics Materials Services Service Corp Ltd Limited`.split(/\s+/));

const tokensOf = (s) => s.split(/\s+/).filter(Boolean);
const INDUSTRY_WORDS = new Set(`Bank Banking Lithium Cement Steel Airways Pharma Securities Power Petrochemical Mines Telecom Biologics
Microelectronics Optoelectronics Medicine Robotics Pipeline Beauty Hydro Restaurants Aerospace Analytics Wind Networks Realty Sports
Liquor Spirits Wine Glass Motors Insurance Assurance Asset Management Markets Mining Metals Capital Sciences Scientific Automotive
Energy Oil Gas Petroleum Chemicals Foods Beverage Brewery Breweries Apparel Retail Stores Hotels Resorts Casinos Gaming Airlines Airline
Shipping Logistics Railway Port Ports Construction Engineering Infrastructure Utilities Electric Water Healthcare Hospital Therapeutics
Semiconductor Semiconductors Software Systems Solutions Technology Technologies Electronics Instruments Devices Media Entertainment
Communications Telecommunications Properties Property Land REIT Trust Financial Finance Holdings Holding Group Industries Industrial
International Global Corp Company Co & and of the`.split(/\s+/));
const isGenericWord = (w) => INDUSTRY_WORDS.has(w) || DROPPABLE_TAIL.has(w) || STOP.has(w.toLowerCase());
const singleToken = (f) => tokensOf(f).length === 1;
const isEverydayWord = (w) => LOWER_WORDS.has(w.toLowerCase()); // accents kept: "Nestlé" is not "nestle"
const allEverydayWords = (form) => tokensOf(form).every((t) => isEverydayWord(t) || /^(&|and|of|the)$/i.test(t));
const INDEX_SOURCES = ['sp', 'uk', 'de', 'it', 'hk', 'eu', 'h'];
const isStop = (s) => STOP.has(s.toLowerCase());

// ---------- the company table ----------
/** @type {Map<string, {name:string, forms:Map<string,string>, tickers:Map<string,{symbol:string,exchange:string}>, src:Set<string>, tier:number, region?:string}>} */
const byKey = new Map();
const byTicker = new Map();
let seq = 0;

function addCompany({ name: raw, ticker, src, tier, region, altNames = [] }) {
  const shouty = raw.replace(/\s+/g, ' ').trim();
  let name = cleanName(titleCaseShouty(shouty));
  if (!name || name.length < 2) return undefined;
  // a bare stop word ("United", "National") is no name: keep the legal form then
  if (isStop(name)) name = titleCaseShouty(shouty).replace(SECURITY_TAIL, '').replace(/[\s,]+$/, '').trim();
  const key = mergeKey(name);
  const tk = ticker && `${ticker.symbol}:${ticker.exchange}`;
  let c = (tk && byTicker.get(tk)) || byKey.get(key);
  if (!c) {
    const legal = titleCaseShouty(shouty).replace(/,/g, ' ').replace(/\s*\((?:the|The)\)/g, '').replace(SECURITY_TAIL, '').replace(/[\s,]+$/, '').replace(/^The /, '').replace(/\s+/g, ' ');
    c = { id: seq++, name, legal, forms: new Map(), tickers: new Map(), src: new Set(), tier, region };
    byKey.set(key, c);
  }
  c.tier = Math.min(c.tier, tier);
  if (!c.region || (region && c.region === 'US' && region !== 'US')) c.region = region ?? c.region;
  for (const s of [src].flat()) c.src.add(s);
  for (const n of [name, cleanName(shouty), ...altNames.map(cleanName)]) if (n && n !== c.name && !c.forms.has(n)) c.forms.set(n, 'alt');
  // names as written in the listing (e.g. "NVIDIA") stay findable in headlines
  if (tk && !c.tickers.has(tk)) { c.tickers.set(tk, ticker); byTicker.set(tk, c); }
  if (!byKey.has(key)) byKey.set(key, c);
  return c;
}

const US_NOISE = /\b(Acquisition|Fund|Funds|ETF|ETN|Municipal|Income Trust|Closed|Portfolio|Strategies|Bond|Treasury|Dividend|Opportunities|Opportunity|Capital Trust|Royalty Trust|Notes?|Debentures?|Preferred|Trust Units|Target Term|Term Trust|BDC|SPAC)\b/i;
const US_EQUITY = /(Common Stock|Ordinary Shares?|Common Shares|Capital Stock|American Depositary|American Depository|\bADS\b|\bADR\b|Subordinate Voting|Class [A-C] Shares|Registered Shares)/i;
const US_NOT_EQUITY = /(Warrant|\bRights?\b|\bUnits?\b|Preferred|\bNotes?\b|Debenture|%|Depositary Shares,? (each )?representing a 1\/|Senior|Subordinated|Perpetual)/i;

// S&P 500 first: tier 1, its common names become aliases of the listed name.
const spNames = new Map();
for (const r of readCsv('sp')) spNames.set(r.Symbol.trim(), r.Security.trim());

for (const r of readCsv('nq')) {
  const sym = r.Symbol.trim();
  const inSp = spNames.has(sym);
  if (!inSp && r['Market Category'] !== 'Q') continue;
  const sec = r['Security Name'];
  if (!inSp && (!US_EQUITY.test(sec) || US_NOT_EQUITY.test(sec) || US_NOISE.test(r['Company Name']))) continue;
  if (inSp && US_NOT_EQUITY.test(sec)) continue;
  addCompany({ name: r['Company Name'], ticker: { symbol: sym, exchange: 'NASDAQ' }, src: inSp ? ['sp', 'nq'] : 'nq', tier: inSp ? 1 : 2,
    region: 'US', altNames: inSp ? [spNames.get(sym)] : [] });
}
for (const r of readCsv('ny')) {
  const sym = r['ACT Symbol'].trim();
  const ex = { N: 'NYSE', A: 'NYSE American' }[r.Exchange];
  const inSp = spNames.has(sym);
  if (!ex && !inSp) continue;
  const sec = r['Security Name'];
  if (US_NOT_EQUITY.test(sec) || US_NOISE.test(sec)) { if (!inSp) continue; }
  if (!inSp && (ex !== 'NYSE' || !(US_EQUITY.test(sec) || /\bInc\.?$|Corporation$|Ltd\.?$|plc$|N\.V\.$|S\.A\.$/i.test(sec.trim())))) continue;
  addCompany({ name: sec, ticker: { symbol: sym, exchange: ex ?? 'NYSE' }, src: inSp ? ['sp', 'ny'] : 'ny', tier: inSp ? 1 : 2,
    region: 'US', altNames: inSp ? [spNames.get(sym)] : [] });
}
// any S&P member not found on either exchange list (symbol format differences)
for (const [sym, sec] of spNames) {
  if ([...byTicker.keys()].some((k) => k.startsWith(sym + ':'))) continue;
  addCompany({ name: sec, ticker: { symbol: sym, exchange: 'NYSE' }, src: 'sp', tier: 1, region: 'US' });
}

function addYahooList(key, nameCol, tickerCol) {
  for (const r of readCsv(key)) {
    const t = yahooTicker(r[tickerCol]);
    if (!t) continue;
    addCompany({ name: r[nameCol], ticker: t, src: key, tier: 1, region: regionOf(t.exchange) });
  }
}
addYahooList('uk', 'Name', 'Symbol');
addYahooList('de', 'Name', 'Symbol');
addYahooList('it', 'Name', 'Symbol');
addYahooList('hk', 'Name', 'Symbol');
addYahooList('eu', 'Name', 'Ticker');

const MID_CAP_EXCHANGES = new Set('LSE ISE PAR AMS BRU GER EBS MIL MCE STO CPH HEL OSL JPX HKG KSC NSE ASX TOR TAI SES'.split(' '));
for (const r of readCsv('fd')) {
  const cap = r.market_cap;
  const tier = cap === 'Mega Cap' || cap === 'Large Cap' ? 1 : cap === 'Mid Cap' && MID_CAP_EXCHANGES.has(r.exchange) ? 2 : 0;
  if (!tier) continue;
  const t = yahooTicker(r.symbol);
  if (!t) continue;
  if (/\b(Fund|Trust plc|Investment Trust|ETF|Preferred|Pref)\b/i.test(r.name)) continue;
  addCompany({ name: r.name, ticker: t, src: 'fd', tier, region: regionOf(t.exchange) });
}

function mergeInto(c, other) {
  if (other.name !== c.name) c.forms.set(other.name, 'alt');
  for (const [f, k] of other.forms) if (!c.forms.has(f)) c.forms.set(f, k);
  for (const [k, t] of other.tickers) { c.tickers.set(k, t); byTicker.set(k, c); }
  for (const x of other.src) c.src.add(x);
  c.tier = Math.min(c.tier, other.tier);
  if (c.region === 'US' && other.region !== 'US') c.region = other.region;
  for (const [k, v] of byKey) if (v === other) byKey.set(k, c);
}

// ---------- hand-curated rows ----------
// name \t aliases (";"; "~" = everyday word; "-" = never use this form) \t tickers (SYM:Exchange, ",") \t source note
const handForms = new Map(); // form -> company (hand aliases win collisions)
const handRows = readFileSync(join(OUT_DIR, 'companies-hand.tsv'), 'utf8').split('\n');
let handCount = 0;
for (const [i, line] of handRows.entries()) {
  if (!line.trim() || line.startsWith('#')) continue;
  const cols = line.split('\t');
  if (cols.length !== 4 || !cols[3].trim()) throw new Error(`companies-hand.tsv line ${i + 1}: want 4 tab-separated columns incl. a source note`);
  const [name, aliasCol, tickerCol] = cols.map((c) => c.trim());
  const tickers = tickerCol ? tickerCol.split(',').map((t) => {
    const [symbol, exchange] = t.split(':');
    if (!symbol || !exchange) throw new Error(`companies-hand.tsv line ${i + 1}: bad ticker ${t}`);
    return { symbol, exchange };
  }) : [];
  if (name === '-' && !tickers.length) throw new Error(`companies-hand.tsv line ${i + 1}: "-" needs a ticker`);
  // every listed company the row names (by ticker, or by name) becomes one: an ADR and its home listing
  // may come from different lists under different names ("Ericsson" on Nasdaq, "Telefonaktiebolaget LM Ericsson")
  const matches = [...new Set([...tickers.map((t) => byTicker.get(`${t.symbol}:${t.exchange}`)), name === '-' ? undefined : byKey.get(mergeKey(name))].filter(Boolean))];
  let c = matches[0];
  for (const other of matches.slice(1)) mergeInto(c, other);
  if (!c) {
    c = { id: seq++, name, forms: new Map(), tickers: new Map(), src: new Set(), tier: 1, region: tickers.length ? regionOf(tickers[0].exchange) : 'Private/unlisted' };
    byKey.set(mergeKey(name), c);
  }
  handCount++;
  if (name !== '-' && c.name !== name) { c.forms.set(c.name, 'alt'); c.forms.delete(name); c.name = name; }
  c.tier = 1; c.src.add('h'); c.hand = true;
  for (const t of tickers) { const k = `${t.symbol}:${t.exchange}`; if (!c.tickers.has(k)) { c.tickers.set(k, t); byTicker.set(k, c); } }
  for (let a of aliasCol ? aliasCol.split(';').map((s) => s.trim()).filter(Boolean) : []) {
    if (a.startsWith('-')) { (c.blocked ??= new Set()).add(a.slice(1)); continue; }
    const amb = a.startsWith('~');
    if (amb) a = a.slice(1);
    c.forms.set(a, amb ? 'hand~' : 'hand');
    handForms.set(a, c);
  }
  if (aliasCol.split(';').includes('~' + name)) c.nameAmbiguous = true;
}

// ---------- derive short forms ----------
const companies = [...new Set(byKey.values())];
const firstTokenCount = new Map();
for (const c of companies) {
  const t = tokensOf(c.name)[0];
  firstTokenCount.set(t, (firstTokenCount.get(t) ?? 0) + 1);
}
function shortForms(name) {
  const out = [];
  let toks = tokensOf(name);
  while (toks.length > 1 && DROPPABLE_TAIL.has(toks[toks.length - 1].replace(/[.,]$/, ''))) {
    toks = toks.slice(0, -1);
    if (toks[toks.length - 1] === '&' && toks.length > 1) toks = toks.slice(0, -1); // "Deere & Co" -> "Deere"
    else if (/^(and|of|the|de)$/i.test(toks[toks.length - 1])) break;
    out.push(toks.join(' ').replace(/[,.]$/, ''));
  }
  return out;
}
// Places a short form must not be ("Palo Alto" from Palo Alto Networks).
const PLACES = new Set(['Palo Alto', 'New York', 'Hong Kong', 'San Francisco', 'Los Angeles', 'Mountain View', 'Santa Clara',
  'Silicon Valley', 'Wall Street', 'Las Vegas', 'South Africa', 'Saudi Arabia', 'North America', 'Latin America', 'Middle East',
  'New Zealand', 'United Kingdom', 'United States', 'Abu Dhabi', 'New Jersey', 'North Carolina', 'South Carolina', 'New Mexico',
  'South Korea', 'Great Britain', 'Puerto Rico', 'Sri Lanka', 'Costa Rica', 'Rio de Janeiro', 'Sao Paulo', 'Buenos Aires',
  'Kuala Lumpur', 'Inner Mongolia', 'West Virginia', 'Rhode Island', 'New England', 'Long Island', 'St Louis', 'St. Louis',
  'Salt Lake', 'Salt Lake City', 'Kansas City', 'Oklahoma City', 'Mexico City', 'Cape Town', 'Tel Aviv', 'New Delhi']);
const acceptable = (form) => {
  const toks = tokensOf(form);
  if (PLACES.has(form)) return false;
  if (form.length < 2) return false;
  if (toks.every((t) => isStop(t.replace(/[.,]$/, '')))) return false;
  if (/^(and|of|the|&)$/i.test(toks[toks.length - 1])) return false;
  return true;
};
// A one-word short form needs three letters, and for the smaller companies (tier 2) must not be a proper noun
// of the word list (surnames, places: "Powell" from Powell Industries would tag the Fed chair).
// A short form made only of everyday words ("Post" from Post Holdings, "Natural Gas" from Natural Gas
// Services Group) is kept only for index members, flagged ambiguous.
function goodShort(s, c) {
  if (allEverydayWords(s) && !(c.tier === 1 && INDEX_SOURCES.some((x) => c.src.has(x)))) return false;
  if (!singleToken(s)) return true;
  if (DROPPABLE_TAIL.has(s)) return false; // "Semiconductor" left of "Semiconductor Manufacturing International"
  if ((s.match(/\p{L}/gu) ?? []).length < 3 || !/^[\p{Lu}\p{N}]|^[a-z]+[A-Z]/u.test(s) || /\.$/.test(s)) return false;
  return c.tier === 1 || !ANY_WORDS.has(s.toLowerCase()) || LOWER_WORDS.has(s.toLowerCase());
}
for (const c of companies) {
  for (const f of [c.name, ...c.forms.keys()]) {
    for (const s of shortForms(f)) if (!c.forms.has(s) && s !== c.name && acceptable(s) && goodShort(s, c)) c.forms.set(s, 'short');
  }
  // First word as a short form ("Lloyds" of Lloyds Banking Group) only when the rest is generic: in
  // "Kweichow Moutai" or "Hannover Rueck" the first word is a place, not the brand.
  const [first, ...rest] = tokensOf(c.name);
  if (c.tier === 1 && rest.length && rest.every(isGenericWord) && first.length >= 4 && /^[A-Z]/.test(first) && !/[.,&'’-]/.test(first) &&
      !ANY_WORDS.has(first.toLowerCase()) && !isStop(first) && firstTokenCount.get(first) === 1 && !c.forms.has(first)) {
    c.forms.set(first, 'first');
  }
}

// ---------- resolve collisions: one surface form, one company ----------
const RANK = { hand: 0, 'hand~': 0, name: 1, alt: 2, short: 3, first: 4 };
const claims = new Map(); // form -> [{c, kind}]
for (const c of companies) {
  for (const [f, kind] of [[c.name, 'name'], ...c.forms]) {
    if (!claims.has(f)) claims.set(f, []);
    claims.get(f).push({ c, kind });
  }
}
let dropped = 0;
for (const [f, list] of claims) {
  if (list.length < 2) continue;
  list.sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.c.tier - b.c.tier);
  const best = list[0];
  const tie = list[1] && RANK[list[1].kind] === RANK[best.kind] && list[1].c.tier === best.c.tier && list[1].c !== best.c;
  for (const [i, { c, kind }] of list.entries()) {
    if (i === 0 && !(tie && kind !== 'name')) continue;
    if (kind === 'name') {
      // a company keeps its own name, but yields the bare form to a hand-curated alias ("Reliance" is Reliance Industries)
      if (RANK[best.kind] === 0 && c !== best.c && c.legal && c.legal !== c.name) { c.forms.delete(c.legal); c.name = c.legal; }
      continue;
    }
    if (c.forms.get(f) === kind) { c.forms.delete(f); dropped++; }
  }
}
for (const c of companies) for (const f of [...c.forms.keys()]) if (c.blocked?.has(f) || !acceptable(f) && c.forms.get(f) !== 'hand' && c.forms.get(f) !== 'hand~') c.forms.delete(f);

// ---------- ambiguity flags ----------
// Hand list: names of large companies that are also common surnames, first names or places in news text
// ("Dover", "Santos", "Hilton", "Cincinnati"). The systematic rules below catch everyday words, and the
// person/place names of smaller companies.
const PERSON_OR_PLACE = new Set(`Abbott Baxter Berkeley Cathay Cincinnati Devon Dover Eaton Emerson Everest Ferguson Franklin Goodman
Greenland Hartford Heidelberg Hera Hilton Huntington Jacobs Kerry Leonardo Loews Ono Otis Pandora Pearson Rollins Ross Santos
Schneider Tyler Tyson Vedanta Vulcan Wendy's SOS Hayward Karman Carter's Casey's Leslie's Alexander's Everest`.split(/\s+/));
function ambiguous(c, f, kind) {
  if (kind === 'hand~') return true;
  if (PERSON_OR_PLACE.has(f)) return true;
  if (kind === 'hand') return false;
  if (f === c.name && c.nameAmbiguous) return true;
  const bare = f;
  if (/^[A-Z0-9&]{1,3}$/.test(bare)) return false; // "SAP", "BP", "GAP" in capitals are acronyms, not the word
  if (!singleToken(f)) return false;
  if (isEverydayWord(bare) || isStop(bare)) return true;
  // a smaller company named like a person or place ("Marcus") needs context too
  return c.tier > 1 && !/'s$/.test(bare) && ANY_WORDS.has(bare.toLowerCase()); // "Macy's" is a brand, "Macy" a name
}

// A smaller company whose short name is an everyday word ("Popular", "Box") keeps its legal name
// ("Popular Inc."), so that only the full form is found in text.
for (const c of companies) {
  if (c.tier > 1 && !c.hand && c.legal && c.legal !== c.name && singleToken(c.name) && isEverydayWord(c.name) && !/\p{Ll}\p{Lu}/u.test(c.name) && !/^[A-Z0-9&]{1,4}$/.test(c.name) &&
      !claims.get(c.legal)?.some((x) => x.c !== c)) {
    c.forms.delete(c.legal);
    c.forms.delete(c.name);
    c.name = c.legal;
  }
}

// ---------- write ----------
const EX_CODES = {};
const sorted = companies.filter((c) => c.name).sort((a, b) => a.name.localeCompare(b.name, 'en'));
const esc = (s) => s.replace(/[|;,~\n]/g, ' ');
const lines = sorted.map((c) => {
  const nameAmb = c.forms.get(c.name) === 'hand~' || ambiguous(c, c.name, 'name');
  const aliases = [...c.forms].filter(([f]) => f !== c.name).map(([f, kind]) => (ambiguous(c, f, kind) ? '~' : '') + esc(f));
  const tickers = [...c.tickers.values()].map((t) => `${esc(t.symbol)}:${EX_CODES[t.exchange] ?? t.exchange}`);
  return [(nameAmb ? '~' : '') + esc(c.name), aliases.join(';'), tickers.join(','), [...c.src].sort().join(',')].join('|').replace(/\|+$/, '');
});

const header = `// GENERATED by test/tools/build-companies.mjs (npm run companies) — do not edit by hand;
// edit src/extract/data/companies-hand.tsv or the generator instead.
//
// The embedded company dictionary: one company per line,
//   Canonical name|alias;alias|SYMBOL:Exchange,SYMBOL:Exchange|sources
// A leading "~" marks a name or alias that is an everyday word, or a common person's or place's name:
// count it only in company context.
// Where the facts come from (the last field of each line names these sources; licences in LICENSES.md):
${Object.entries(SOURCES).map(([k, s]) => (k === 'h' ? `//   h: ${s.file} (hand-curated; each row names its source: company website, public filing)`
    : `//   ${k}: ${s.repo} (${s.file}), commit ${s.commit}, ${s.licence}`)).join('\n')}
// ${sorted.length} companies.
`;
const body = `${header}const COMPANIES = ${JSON.stringify(lines.join('\n'))};\nexport default COMPANIES;\n`;
writeFileSync(join(OUT_DIR, 'companies.ts'), body);

// ---------- stats ----------
const stats = { total: sorted.length, hand: handCount, droppedCollidingForms: dropped, bytes: Buffer.byteLength(body) };
const byRegion = {}, bySource = {};
for (const c of sorted) {
  byRegion[c.region ?? 'Private/unlisted'] = (byRegion[c.region ?? 'Private/unlisted'] ?? 0) + 1;
  for (const s of c.src) bySource[s] = (bySource[s] ?? 0) + 1;
}
console.log(JSON.stringify({ ...stats, byRegion, bySource }, null, 1));
if (process.env.DEBUG_FORMS) for (const c of sorted) for (const [f, k] of c.forms) if (k === process.env.DEBUG_FORMS) console.error(`${f} <- ${c.name}`);
