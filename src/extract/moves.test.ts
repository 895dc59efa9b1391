import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';
import type { Move } from './types.ts';

const moves = (text: string, title = ''): Move[] => extract(text, { title }).summary.moves;
const brief = (m: Move) => `${m.subject} ${m.direction}${m.magnitude ? ` ${m.magnitude.value}${m.magnitude.unit}` : ''}${m.magnitude_alt ? ` / ${m.magnitude_alt.value}${m.magnitude_alt.unit}` : ''}`;
const briefs = (text: string, title = '') => moves(text, title).map(brief);

describe('market moves', () => {
  it('takes a later market-value loss of the same company as its last fall told in money', () => {
    const text = [
      'Shares of Orrin Foods sank 9.5% after the company cut its forecast.',
      'Analysts said the guidance was too cautious.',
      "The stock's drop erased about $4 billion from Orrin Foods' market value and dragged the Tarvex food index down 1.2%.",
    ].join('\n');
    expect(briefs(text)).toEqual(['Orrin Foods down 9.5% / 4000000000USD', 'the Tarvex food index down 1.2%']);
  });

  it('reads sector sub-indices, objects sent higher or lower, and verbs that carry their own size', () => {
    expect(briefs('The banks sub-index fell 1.4%.')).toEqual(['The banks sub-index down 1.4%']);
    expect(briefs('Pellow Robotics said it had won a defence contract, sending its shares 7.5% higher.')).toEqual(['Pellow Robotics up 7.5%']);
    expect(briefs('Pellow Robotics might win the contract, sending its shares higher.')).toEqual([]);
    const unsized = moves('Investors who hold Kestrel Labs, which has more than tripled this year, are nervous.');
    expect(unsized.map(brief)).toEqual(['Kestrel Labs up']);
  });

  it('reads direction and size; the size is the change, not the level', () => {
    expect(briefs('Quillon Motors rose 2.1% to $153.20 on Tuesday.')).toEqual(['Quillon Motors up 2.1%']);
    expect(briefs('The Kospi slid 0.8 per cent to 2,512.')).toEqual(['The Kospi down 0.8%']);
    expect(briefs('Brent crude fell to $70 a barrel.')).toEqual(['Brent crude down']);
  });

  it('gives the percentage as magnitude and the other form as the alternative', () => {
    expect(briefs('The Dow Jones Industrial Average was up 120 points, or 1.5%, at 40,100.')).toEqual(['The Dow Jones Industrial Average up 1.5% / 120points']);
    expect(briefs('Harrow Mining shed 14.2p, or 3.1 per cent, to 443.8p.')).toEqual(['Harrow Mining down 3.1% / 0.142GBP']);
  });

  it('reads rate decisions in basis points', () => {
    expect(briefs('The central bank cut its benchmark interest rate by 25 basis points to 4%.')).toEqual(['its benchmark interest rate down 25bp']);
    expect(briefs('The committee voted 9-0 to raise the policy rate by 50 basis points.')).toEqual(['the policy rate up 50bp']);
  });

  it('reports each change in a sentence as its own move', () => {
    expect(briefs('Velsto shares rose 3% on Friday and 12% over the week.')).toEqual(['Velsto up 3%', 'Velsto up 12%']);
    expect(briefs('Homebuilders Arbor Homes and Kessel Corp rose 4.2% and 3.8%, respectively.')).toEqual(['Arbor Homes up 4.2%', 'Kessel Corp up 3.8%']);
  });

  it('skips asides and tickers between the subject and the verb', () => {
    expect(briefs('Marlow, the clothing retailer, fell 2.4% after the warning.')).toEqual(['Marlow down 2.4%']);
    expect(briefs('Ostrava Energy (OSE.L), which supplies gas to homes, gained 1.9%.')).toEqual(['Ostrava Energy up 1.9%']);
    expect(briefs('Fennel Group closed 1.9% higher at A$45.12 in Sydney.')).toEqual(['Fennel Group up 1.9%']);
  });

  it('resolves "its shares" and "the stock" to the company discussed', () => {
    expect(briefs('Tavora, the British retailer, raised its profit forecast. Its shares rose 2.7% in London.')).toEqual(['Tavora up 2.7%']);
    expect(briefs('Brisk Systems beat estimates, and the stock jumped 9%.')).toEqual(['Brisk Systems up 9%']);
  });

  it('reads value wiped off or added to a market', () => {
    expect(briefs('The sell-off shaved $1tn from world markets in a day.')).toEqual(['world markets down 1000000000000USD']);
    expect(briefs('Corvina has seen $40bn added to its market capitalisation this year.')).toEqual(['Corvina up 40000000000USD']);
  });

  it('leaves out forecasts, hedges, conditions, targets and ratings', () => {
    const text = [
      'Analysts expect Velsto shares to rise 10% next year.',
      'The stock could rise 20% if rates fall.',
      'If the euro drops below $1, exporters would gain 5%.',
      'Brokers raised their price target on Velsto to $90 from $80 and upgraded it to buy.',
      'Oil is expected to climb 4% this quarter.',
      'Velsto may lose 10-15% from here.',
    ].join('\n');
    expect(briefs(text)).toEqual([]);
  });

  it('leaves out company fundamentals and unsized loose groups', () => {
    expect(briefs('Velsto said revenue grew 13% and its sales in April rose 18 per cent.')).toEqual([]);
    expect(briefs('Energy shares rallied. Asian markets rose. Treasuries slid.')).toEqual([]);
  });

  it('names market subjects as the page does', () => {
    const got = briefs([
      'The yield on the benchmark 10-year Treasury note fell 7 basis points to 4.01%.',
      'The yen weakened to 158.6 per dollar, while the euro strengthened 0.5% to $1.18.',
      'Spot gold rose 1.1% to $4,486 an ounce and iron ore prices eased.',
    ].join('\n'));
    expect(got).toEqual([
      'The yield on the benchmark 10-year Treasury note down 7bp',
      'The yen down',
      'the euro up 0.5%',
      'Spot gold up 1.1%',
      'iron ore prices down',
    ]);
  });

  it('reports a move told in the headline and the body once', () => {
    const got = moves('Tessaly shares surged 15 percent in Hong Kong trading on Friday.', 'Tessaly shares surge 15 per cent as AI plans excite investors');
    expect(got.map(brief)).toEqual(['Tessaly up 15%']);
    expect(got[0].text).toBe('Tessaly shares surged 15 percent in Hong Kong trading on Friday.');
  });

  it("keeps a headline move the body never tells, first, and a subject's move of the same size once", () => {
    const body = ['Quillon Motors rose 2.1% on Tuesday.', 'Later, Quillon Motors rose 2.1% again in after-hours trade.', 'Quillon Motors rose 3.4% on Wednesday.'];
    expect(briefs(body.join('\n'), 'Tarvex index falls 1.2% as food stocks slide')).toEqual(['Tarvex index down 1.2%', 'Quillon Motors up 2.1%', 'Quillon Motors up 3.4%']);
  });

  it('does not take metaphors for prices', () => {
    expect(briefs('Tessaly rose to worldwide popularity last year. The start-up added 200 staff.')).toEqual([]);
  });
});
