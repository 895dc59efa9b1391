import { describe, expect, it } from 'vitest';
import { findFigures } from './figures.ts';

/** [text, kind, value, currency] for each figure, compact to compare. */
function figs(text: string) {
  return findFigures(text).map((s) => [s.text, s.figure.kind, s.figure.value, s.figure.currency ?? null]);
}
const money = (text: string) => findFigures(text).filter((s) => s.figure.kind === 'money').map((s) => [s.figure.value, s.figure.currency]);
const percents = (text: string) => findFigures(text).filter((s) => s.figure.kind === 'percent').map((s) => s.figure.value);

describe('findFigures: money', () => {
  it('reads amounts with symbols, scales and currency words in a news sentence', () => {
    expect(figs('Tencent said quarterly revenue rose to 167.2 billion yuan ($23.1bn, £18.2bn), beating forecasts.')).toEqual([
      ['167.2 billion yuan', 'money', 167200000000, 'CNY'],
      ['$23.1bn', 'money', 23100000000, 'USD'],
      ['£18.2bn', 'money', 18200000000, 'GBP'],
    ]);
    expect(money('The group agreed a €1.2 trillion package, a ¥2.5tn buyback and a £350m bond.')).toEqual([
      [1.2e12, 'EUR'], [2.5e12, 'JPY'], [3.5e8, 'GBP'],
    ]);
    expect(money('It paid US$4.4 billion, then USD 5 million, EUR3bn and 5 million euros.')).toEqual([
      [4.4e9, 'USD'], [5e6, 'USD'], [3e9, 'EUR'], [5e6, 'EUR'],
    ]);
    expect(money('Nestlé sold the unit for 3 billion Swiss francs; Infosys set aside Rs 500 crore.')).toEqual([[3e9, 'CHF'], [5e9, 'INR']]);
    expect(money('Samsung bought back 1.5 trillion won of stock at 71,200 won each.')).toEqual([[1.5e12, 'KRW'], [71200, 'KRW']]);
  });

  it('reads share prices, per-share amounts, pence and cents', () => {
    expect(money('HSBC closed at HK$98.50 while Apple rose to $153.20.')).toEqual([[98.5, 'HKD'], [153.2, 'USD']]);
    expect(money('Earnings were $1.23 a share, or 12 cents more than a year earlier.')).toEqual([[1.23, 'USD'], [0.12, 'USD']]);
    expect(money('Tesco fell 3p to 41p and BP gained to 1,234p; Shell ended at 2,874 pence.')).toEqual([
      [0.03, 'GBP'], [0.41, 'GBP'], [12.34, 'GBP'], [28.74, 'GBP'],
    ]);
    expect(money('Daimler will pay a €3bn dividend of 45 cents a share.')).toEqual([[3e9, 'EUR'], [0.45, 'EUR']]);
  });

  it('reads dollar prefixes for other currencies', () => {
    expect(money('A$45.12, C$3, NZ$4.10, S$5, R$6, NT$1,465, AU$7 and CA$8')).toEqual([
      [45.12, 'AUD'], [3, 'CAD'], [4.1, 'NZD'], [5, 'SGD'], [6, 'BRL'], [1465, 'TWD'], [7, 'AUD'], [8, 'CAD'],
    ]);
  });

  it('splits ranges into two figures that share the unit', () => {
    expect(money('It expects between $2bn and $3bn of savings.')).toEqual([[2e9, 'USD'], [3e9, 'USD']]);
    expect(money('a $2bn-$3bn hole')).toEqual([[2e9, 'USD'], [3e9, 'USD']]);
    expect(money('a $2-3bn hole')).toEqual([[2e9, 'USD'], [3e9, 'USD']]);
    expect(money('a cost of $2 to $3bn')).toEqual([[2e9, 'USD'], [3e9, 'USD']]);
    expect(money('Brent traded at $60-70 a barrel')).toEqual([[60, 'USD'], [70, 'USD']]);
    expect(money('The fund paid out $5bn to 10 companies in 2021-2022.')).toEqual([[5e9, 'USD']]);
  });

  it('signs only a written minus', () => {
    expect(money('Net cash flow was -$3bn.')).toEqual([[-3e9, 'USD']]);
    expect(money('Net cash flow was \u2212$3bn.')).toEqual([[-3e9, 'USD']]);
    expect(money('It reported a loss of $3bn.')).toEqual([[3e9, 'USD']]);
  });

  it('reads hyphenated units, qualified currency words and trailing symbols', () => {
    expect(money('a $1.2-billion takeover and a 5-billion-dollar fund')).toEqual([[1.2e9, 'USD'], [5e9, 'USD']]);
    expect(money('It raised 2 billion Hong Kong dollars and 40 million Mexican pesos.')).toEqual([[2e9, 'HKD'], [4e7, 'MXN']]);
    expect(money('Tickets cost 20 euro cents, then 5 €.')).toEqual([[0.2, 'EUR'], [5, 'EUR']]);
    expect(money('The dividend rose to 45c a share.')).toEqual([[0.45, 'USD']]);
  });

  it('reads regional forms: $A, RM...bil, RMB after the amount, US cents', () => {
    expect(money('Qantas raised $A1.2bn; Maybank earned RM500mil; 3bn RMB; a 20 US cents dividend.')).toEqual([
      [1.2e9, 'AUD'], [5e8, 'MYR'], [3e9, 'CNY'], [0.2, 'USD'],
    ]);
  });

  it('tolerates no-break spaces between number and unit', () => {
    expect(money('sales of 31.7\u00a0billion yuan and €\u00a05bn')).toEqual([[31.7e9, 'CNY'], [5e9, 'EUR']]);
    expect(money('Next closed at 13\u2009990p')).toEqual([[139.9, 'GBP']]);
  });
});

describe('findFigures: percent', () => {
  it('reads every way of writing percent', () => {
    expect(percents('Shares rose 3.8%, then 3.8 percent, 4 per cent, 2.5\u00a0per\u00a0cent and 1.2pc.')).toEqual([3.8, 3.8, 4, 2.5, 1.2]);
  });

  it('signs only a written minus, including the unicode minus and a leading en dash', () => {
    expect(percents('The Nikkei fell 2.3% and the Kospi -1.1%; the table shows \u22120.18% and \u20130.5%.')).toEqual([2.3, -1.1, -0.18, -0.5]);
  });

  it('reads small percentages in words', () => {
    expect(percents('The bank cut rates by half a percentage point and sales rose five per cent.')).toEqual([0.5, 5]);
  });

  it('keeps a level and a signed change apart', () => {
    expect(figs('S&P 500 -0.2%')).toEqual([['-0.2%', 'percent', -0.2, null]]);
    expect(figs('FTSE 100 \u2013 0.4%')).toEqual([['0.4%', 'percent', 0.4, null]]);
    expect(percents('Between 10 - 15% of staff')).toEqual([10, 15]);
  });

  it('splits ranges into two percentages', () => {
    expect(percents('Analysts expect growth of 10-15% next year')).toEqual([10, 15]);
    expect(percents('growth of 10% to 15%')).toEqual([10, 15]);
    expect(percents('between 4 and 6 per cent')).toEqual([4, 6]);
    expect(percents('a band of 10% - 15%')).toEqual([10, 15]);
    expect(percents('a 5\u20136% range')).toEqual([5, 6]);
  });

  it('counts percentage points as percent', () => {
    expect(figs('unemployment rose 0.4 percentage point and margins 2pp')).toEqual([
      ['0.4 percentage point', 'percent', 0.4, null],
      ['2pp', 'percent', 2, null],
    ]);
  });
});

describe('findFigures: other kinds', () => {
  it('reads basis points, index points and multiples', () => {
    expect(figs('The Fed cut by 25 basis points; gilts moved 7bp. The FTSE 100 fell 38.6 points, or 0.4%.')).toEqual([
      ['25 basis points', 'bp', 25, null],
      ['7bp', 'bp', 7, null],
      ['38.6 points', 'points', 38.6, null],
      ['0.4%', 'percent', 0.4, null],
    ]);
    expect(figs('a 25-basis-point cut and a 0.25-percentage-point rise').map((f) => f[1])).toEqual(['bp', 'percent']);
    expect(figs('It trades at 19 times earnings, three times the sector, after a 3x rally.').map((f) => f[1])).toEqual(['multiple', 'multiple', 'multiple']);
  });
});

describe('findFigures: not figures', () => {
  it('ignores years, dates, counts, times, model names and versions', () => {
    expect(findFigures('In 2025 the firm, founded on 3 March 2019, had 300 employees and 4,500 stores.')).toEqual([]);
    expect(findFigures('It released Qwen 2.5-Max, rivalling DeepSeek R1 and the top 10 models, with v2.5.1 out at 5.30pm.')).toEqual([]);
    expect(findFigures('COVID-19 hit the S&P 500 and the FTSE 100; call +44 20 7946 0000.')).toEqual([]);
    expect(findFigures('Its P/E ratio is high; the script used $var and $(el).')).toEqual([]);
    expect(findFigures('Output is 1080p video on a 5m screen with 300 million users.')).toEqual([]);
    expect(findFigures('Spain has 8 won the vote')).toEqual([]);
  });
});

describe('findFigures: spans', () => {
  it('returns offsets that slice to the figure text, in order and without overlaps', () => {
    const text = 'Revenue hit \u201c$4.4bn\u201d (\u00a3350m), up 3.8% and 10-15% above 2023; -$3bn outflow, 41p.';
    const spans = findFigures(text);
    expect(spans.length).toBe(7);
    let last = 0;
    for (const s of spans) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.figure.text).toBe(s.text);
      expect(s.start).toBeGreaterThanOrEqual(last);
      last = s.end;
    }
  });
});
