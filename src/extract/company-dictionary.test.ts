// Tests of the embedded company dictionary: coverage across regions, tickers, matching rules,
// the everyday-word flags, and that scanning stays linear in the length of the text.
import { describe, expect, it } from 'vitest';
import { dictionarySize, findDictionaryCompanies, lookupCompany, lookupTicker, type CompanyInfo } from './company-dictionary.ts';
import { LINEAR_LIMIT, measureGrowth, repeatTo } from './linear-time.ts';

const has = (c: CompanyInfo | undefined, symbol: string, exchange?: string) =>
  !!c?.tickers.some((t) => t.symbol === symbol && (!exchange || t.exchange === exchange));
const found = (text: string) => findDictionaryCompanies(text).map((h) => [h.text, h.company.name]);

// Capitalised words that start sentences or name places, days and generic things: never a company on their own.
const COMMON = `The A An And Of For In On At To By With From As Or But If It Its This That These Those He She They We You I
Our Their His Her New Old First Second Third One Two Three Four Five Ten Hundred Thousand Million Billion Trillion Group
Holding Holdings Company Companies Corp Corporation Inc Ltd Limited Plc Partners Trust Fund Bank Banks Banking Capital
Financial Finance Investment Investments Securities Insurance American America Americas National International Global
General United Royal Federal Central Standard Universal World Pacific Atlantic Continental Eastern Western Northern
Southern North South East West Energy Power Oil Gas Petroleum Resources Mining Metals Steel Gold Silver Industries
Industrial Technology Technologies Tech Systems Solutions Services Software Data Digital Networks Communications Health
Healthcare Medical Pharmaceuticals Motor Motors Airlines Air Shipping Logistics Real Estate Realty Properties Land Homes
Retail Stores Brands Foods Consumer Products Media Entertainment Electric Electronics Utilities Water Chemical Chemicals
Materials China Chinese Hong Kong Japan Japanese Korea Korean India Indian Australia Australian Canada Canadian Britain
British Europe European Germany German France French Italy Italian Spain Spanish Swiss Dutch Sweden Norway Denmark
Finland Asia Asian Africa African Mexico Brazil Singapore Taiwan London Paris Tokyo Beijing Shanghai Shenzhen York Texas
California Washington Boston Chicago Sydney Toronto Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
February March April May June July August September October November December Today Yesterday President Chairman Chief
Executive Minister Government State City Street Wall Reuters Shares Stocks Markets Market Index Investors Analysts
Revenue Profit Sales Earnings Quarter Year Week Day`.split(/\s+/);

describe('company dictionary', () => {
  it('holds at least 2,000 companies', () => {
    expect(dictionarySize()).toBeGreaterThanOrEqual(2000);
  });

  it('knows large companies across regions with their tickers', () => {
    const cases: [string, string, string][] = [
      ['Alibaba', 'BABA', 'NYSE'], ['Alibaba', '9988', 'HKEX'], ['Nvidia', 'NVDA', 'NASDAQ'], ['HSBC', 'HSBA', 'LSE'],
      ['HSBC', '0005', 'HKEX'], ['Toyota', '7203', 'TSE'], ['Samsung Electronics', '005930', 'KRX'],
      ['Reliance Industries', 'RELIANCE', 'NSE'], ['BHP', 'BHP', 'ASX'], ['Shopify', 'SHOP', 'TSX'], ['SAP', 'SAP', 'XETRA'],
      ['LVMH', 'MC', 'Euronext Paris'], ['TSMC', '2330', 'TWSE'], ['Google', 'GOOGL', 'NASDAQ'], ['Exxon', 'XOM', 'NYSE'],
      ['Tencent', '0700', 'HKEX'], ['Goldman Sachs', 'GS', 'NYSE'],
    ];
    for (const [name, symbol, exchange] of cases) expect(has(lookupCompany(name), symbol, exchange), `${name} ${symbol}`).toBe(true);
  });

  it('knows private companies and start-ups, without invented tickers', () => {
    for (const name of ['OpenAI', 'DeepSeek', 'ByteDance', 'SpaceX', 'Stripe', 'Hugging Face', 'Anthropic', 'PitchBook', 'Rystad Energy']) {
      const c = lookupCompany(name);
      expect(c, name).toBeDefined();
      expect(c!.tickers, name).toEqual([]);
    }
  });

  it('looks up tickers with or without an exchange, in several spellings', () => {
    expect(lookupTicker('BABA')?.name).toBe('Alibaba Group Holding');
    expect(lookupTicker('9988', 'HKEX')?.name).toBe('Alibaba Group Holding');
    expect(lookupTicker('9988.HK')?.name).toBe('Alibaba Group Holding');
    expect(lookupTicker('700', 'HK')?.name).toBe('Tencent Holdings');
    expect(lookupTicker('nvda', 'Nasdaq')?.name).toBe('Nvidia');
    expect(lookupTicker('NVDA', 'LSE')).toBeUndefined();
    expect(lookupTicker('NOSUCHTICKER')).toBeUndefined();
  });

  it('looks names up case- and suffix-insensitively', () => {
    expect(lookupCompany('alibaba group holding ltd')?.name).toBe('Alibaba Group Holding');
    expect(lookupCompany('The Goldman Sachs Group, Inc.')?.name).toBe('Goldman Sachs Group');
    expect(lookupCompany('NVIDIA CORPORATION')?.name).toBe('Nvidia');
    expect(lookupCompany('Nestlé')).toBe(lookupCompany('Nestle'));
    expect(lookupCompany('Federal Reserve')).toBeUndefined();
  });

  it('never uses a common capitalised word as a name or alias', () => {
    const text = COMMON.join(' ');
    expect(findDictionaryCompanies(text)).toEqual([]);
    for (const w of COMMON) expect(lookupCompany(w)?.name, w).toBeUndefined();
  });

  it('flags everyday-word names as ambiguous, and not the distinctive ones', () => {
    for (const w of ['Apple', 'Shell', 'Next', 'Visa', 'Target', 'Block', 'Meta', 'Snap', 'Gap', 'Oracle', 'Amazon']) {
      const hits = findDictionaryCompanies(`Shares in ${w} rose.`);
      expect(hits.map((h) => h.text), w).toEqual([w]);
      expect(hits[0].ambiguous, w).toBe(true);
    }
    for (const w of ['Alibaba', 'Nvidia', 'HSBC', 'TSMC', 'OpenAI', 'SAP']) {
      expect(findDictionaryCompanies(`Shares in ${w} rose.`)[0]?.ambiguous, w).toBe(false);
    }
    // a corporate suffix makes even an everyday word a company
    expect(findDictionaryCompanies('Apple Inc. said')[0]).toMatchObject({ text: 'Apple Inc.', ambiguous: false });
  });

  it('takes the longest match, without overlaps', () => {
    expect(found('Bank of America and America Movil')[0]).toEqual(['Bank of America', 'Bank of America']);
    expect(found('Goldman Sachs Group said')).toEqual([['Goldman Sachs Group', 'Goldman Sachs Group']]);
    expect(found('Alibaba Group Holding shares')).toEqual([['Alibaba Group Holding', 'Alibaba Group Holding']]);
  });

  it('handles possessives, curly apostrophes, "&" vs "and" and corporate suffixes', () => {
    const hits = findDictionaryCompanies('Alibaba\u2019s profit beat Nvidia\'s, said Procter and Gamble.');
    expect(hits.map((h) => h.text)).toEqual(['Alibaba', 'Nvidia', 'Procter and Gamble']);
    expect(hits[0]).toMatchObject({ start: 0, end: 7 });
    expect(found('Nvidia Corp. and Nvidia Corporation')).toEqual([['Nvidia Corp.', 'Nvidia'], ['Nvidia Corporation', 'Nvidia']]);
    expect(found('HSBC Holdings plc fell')).toEqual([['HSBC Holdings plc', 'HSBC Holdings']]);
    expect(found("McDonald's sales")[0]?.[0]).toBe("McDonald's");
  });

  it('matches case-sensitively and at word boundaries', () => {
    expect(found('an apple a day')).toEqual([]);
    expect(found('Nvidiax and xNvidia')).toEqual([]);
    expect(found('eBay and easyJet')).toEqual([['eBay', 'eBay'], ['easyJet', 'easyJet']]);
    expect(found('the federal reserve')).toEqual([]);
  });

  it('does not tag people, or everyday words, that name a small company', () => {
    expect(found('Fed chair Jerome Powell said')).toEqual([]);
    expect(found('a start-up based in Palo Alto, California')).toEqual([]);
    // Popular, Inc. (a Nasdaq-listed bank) is found only with its legal suffix
    expect(found('a popular view: Popular stocks rose')).toEqual([]);
    expect(found('Popular Inc. said')).toEqual([['Popular Inc', 'Popular Inc.']]);
  });

  it('keeps "& Co" in names and finds the short form news uses', () => {
    expect(lookupCompany('Deere & Company')?.name).toBe('Deere & Co');
    expect(found('Deere cut its outlook')).toEqual([['Deere', 'Deere & Co']]);
    expect(found('Merck said; Merck KGaA said')).toEqual([['Merck', 'Merck & Co.'], ['Merck KGaA', 'Merck KGaA']]);
  });

  it('scans in time linear in the text length', () => {
    const para = 'Alibaba Group Holding and Bank of America rose while Apple fell; shares of Toyota Motor Corp. and ' +
      'Samsung gained as investors in China and the United States weighed the General Motors results. ';
    const make = (n: number) => repeatTo(para, n);
    expect(findDictionaryCompanies(make(1_000_000)).length).toBeGreaterThan(findDictionaryCompanies(make(250_000)).length * 3.5);
    expect(measureGrowth(findDictionaryCompanies, make, 250_000)).toBeLessThan(LINEAR_LIMIT);
  });
});
