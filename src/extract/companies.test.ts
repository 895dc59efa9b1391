import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

const names = (text: string, title = '') => extract(text, { title }).summary.companies.map((c) => c.name);
const find = (text: string, name: string) => extract(text).summary.companies.find((c) => c.name === name || c.aliases.includes(name));

describe('companies from context', () => {
  it('finds companies not in the dictionary from suffixes, tickers and cue phrases', () => {
    const text = [
      'Zentrova Holdings said on Monday it would buy Kelmark AG for $2bn.',
      'Shares of Brightwell Foods rose, while Orlin Dynamics (NASDAQ: ORLD) fell.',
      'The deal was backed by Quillon Capital and Marrow Ventures, and start-up Tessaly joined later.',
      'Pevner, the drone maker, and Halden-backed Corvo were not involved, said analysts at Strand Partners.',
    ].join('\n');
    const got = names(text);
    for (const n of ['Zentrova Holdings', 'Kelmark AG', 'Brightwell Foods', 'Orlin Dynamics', 'Quillon Capital', 'Marrow Ventures', 'Tessaly', 'Pevner', 'Halden', 'Strand Partners']) {
      expect(got, n).toContain(n);
    }
    expect(find(text, 'Orlin Dynamics')?.ticker).toBe('ORLD');
    expect(find(text, 'Orlin Dynamics')?.exchange).toBe('NASDAQ');
  });

  it('joins a short form that has cues of its own to the one longer name it opens', () => {
    const text = [
      'Pellow Robotics agreed to a takeover by Danbury Tools, the US maker of hand tools.',
      'Shares of Pellow rose 12%, while Danbury shares fell 2%. Walden-backed Fennick also rose.',
      'Analysts at Walden Partners said the price was fair.',
    ].join('\n');
    const s = extract(text).summary;
    expect(s.companies.map((c) => c.name).sort()).toEqual(['Danbury Tools', 'Fennick', 'Pellow Robotics', 'Walden Partners']);
    expect(s.companies.find((c) => c.name === 'Pellow Robotics')?.aliases).toContain('Pellow');
    // Two longer names opening with the same word: the short form stays its own.
    const two = names('Marlow Capital and Marlow Foods both said so.\nShares of Marlow rose 3%.');
    expect(two).toEqual(expect.arrayContaining(['Marlow Capital', 'Marlow Foods', 'Marlow']));
  });

  it('reads lenders named after their country, investment funds and examples of a business kind as companies', () => {
    const got = names([
      'Loans from Royal Bank of Canada and Calder Bank of Ireland grew, the Reserve Bank of India said.',
      'New backer Harrow Capital Fund joined, as did the International Monetary Fund.',
      'Wholesale orders from retailers such as Brennick Sports slowed.',
    ].join('\n'));
    expect(got).toEqual(expect.arrayContaining(['Royal Bank of Canada', 'Calder Bank of Ireland', 'Harrow Capital Fund', 'Brennick Sports']));
    expect(got).not.toContain('Reserve Bank of India');
    expect(got).not.toContain('International Monetary Fund');
  });

  it('does not take regions or sentence-initial market plurals for companies', () => {
    const got = names('Sales in Greater China and Northern Europe fell 4%, said Corvane Group.\nMiners\' shares tracked copper lower. Lenders rallied.');
    expect(got).toEqual(['Corvane Group']);
  });

  it('does not take an acronym the page defines for a lower-case term for a company', () => {
    // "ETF" and "EV" would otherwise be read as short names; "HBM" is also a listed company's short name.
    const got = names('Demand for high-bandwidth memory (HBM) lifted Corvane Group.\nCorvane Group said HBM sales doubled, while chipmaker Tessaly said its HBM output rose.');
    expect(got).toEqual(['Corvane Group', 'Tessaly']);
  });

  it('reads a kind of business opening a sentence as the description of the name after it', () => {
    expect(names('Brokerage Tamsin Varga cut its rating on the stock.')).toEqual(['Tamsin Varga']);
    // Words that also open names stay in them.
    expect(names('Group Vellacourt Holdings said it would appeal.')).toEqual(['Group Vellacourt Holdings']);
  });

  it('carries company context across a list with a relative clause inside it', () => {
    expect(names('Funds heavy in stocks such as Kelvara, which has tripled this year, and Apple may trim them.')).toEqual(['Kelvara', 'Apple']);
    // Without the context an everyday dictionary name stays a word.
    expect(names('An Apple a day, the old saying goes.')).toEqual([]);
  });

  it('links short forms to the full name on the page', () => {
    const text = 'Vantor Semiconductor Manufacturing Co (VSMC) reported results.\nVantor said demand was strong and VSMC shares rose 2%.';
    const c = find(text, 'VSMC');
    expect(c?.name).toBe('Vantor Semiconductor Manufacturing Co');
    expect(c?.aliases).toEqual(expect.arrayContaining(['Vantor', 'VSMC']));
    expect(c?.mentions).toBe(4);
    expect(names(text)).toHaveLength(1);
  });

  it('counts everyday names only in a company context', () => {
    const text = [
      'Next week the index may move. Apple growers in Kent had a good year.',
      'The company set a target of 5% growth, and Shell out some cash was the advice.',
    ].join('\n');
    expect(names(text)).toEqual([]);
    const ctx = 'Target shares rose 3% after the retailer said sales were strong. Next, the clothing retailer, fell 2%.';
    expect(names(ctx)).toEqual(expect.arrayContaining(['Target', 'Next']));
  });

  it('does not take indices, regulators, places, products or events for companies', () => {
    const text = [
      'The FTSE 100 and the Hang Seng Index fell as the Federal Reserve and the Bank of England held rates.',
      'The White House said Congress would act after Brexit and Covid, and the Treasury agreed.',
      'Investors in Singapore bought the iPhone on Black Friday; the International Energy Agency said demand slowed.',
    ].join('\n');
    expect(names(text)).toEqual([]);
  });

  it('treats a title in Title Case as links to the body, not as names of its own', () => {
    const got = names('Gap fell 2% after the retailer cut its forecast.', 'Cyber Monday Sales Record as Target Rallies and Gap Slips');
    expect(got).toEqual(['Gap']);
  });

  it('takes no absurdly long word or run of capitalised words as a name (hostile text)', () => {
    const long = 'Supercalifragilistic'.repeat(20);
    for (const name of names(`Alibaba ${long} ${long} said revenue rose.`)) expect(name.length).toBeLessThanOrEqual(480);
    const titleCase = Array.from({ length: 80 }, (_, i) => `Word${String.fromCharCode(65 + (i % 26))}xx`).join(' ');
    for (const name of names(`${titleCase} Inc said revenue rose.`)) expect(name.split(' ').length).toBeLessThanOrEqual(12);
  });
});
