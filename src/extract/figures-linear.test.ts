// Guards the "linear time on page text" rule for the figure recognisers:
// hostile 1 MB inputs must take about 4x as long as 256 KB ones. A quadratic
// scanner or a backtracking regex gives ~16x (or never returns) and fails.
import { describe, expect, it } from 'vitest';
import { findFigures } from './figures.ts';
import { LINEAR_LIMIT, measureGrowthDetail, repeatTo } from './linear-time.ts';

const ADVERSARIAL: Record<string, (n: number) => string> = {
  'one long run of digits': (n) => '9'.repeat(n),
  'digits then percent': (n) => '9'.repeat(n - 1) + '%',
  'comma list of ones': (n) => repeatTo('1,', n),
  'dotted run': (n) => repeatTo('1.', n),
  'dollar signs': (n) => '$'.repeat(n - 1) + '1',
  'digits and spaces': (n) => repeatTo('1 ', n),
  'repeated between': (n) => repeatTo('between $1 and ', n),
  'dash ranges': (n) => repeatTo('1-', n),
  'currency codes and dashes': (n) => repeatTo('HK$1-US$2bn-', n),
  'thin-space groups': (n) => repeatTo('1\u2009000\u2009', n),
  'percent words': (n) => repeatTo('1 per cent 2 percentage point ', n),
  'number words and times': (n) => repeatTo('three times ', n),
  'word percents': (n) => repeatTo('half a half a quarter of a per per-cent five-percentage ', n),
  'hyphenated units': (n) => repeatTo('1-billion-dollar-1-basis-', n),
  'word amounts': (n) => repeatTo('a billion a million two thousand half a trillion ', n),
  'dollar suffix letters': (n) => repeatTo('$A$US$1', n),
  'letters glued to digits': (n) => repeatTo('A1', n),
  'minus signs': (n) => repeatTo('-−–1', n),
  'spaces after a word number': (n) => 'three' + ' '.repeat(n - 12) + 'times',
  'realistic prose': (n) => repeatTo('Shares rose 2.3% to HK$98.50, valuing it at $4.4bn (£3.5bn), 10-15% above 2023. ', n),
};

describe('findFigures runs in linear time', () => {
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    it(name, () => {
      const g = measureGrowthDetail(findFigures, make);
      expect(g.ratio, `256 KB took ${g.smallMs.toFixed(1)} ms, 1 MB took ${g.largeMs.toFixed(1)} ms`).toBeLessThan(LINEAR_LIMIT);
    }, 30_000); // timing on a shared, loaded machine: generous, the ratio is what is asserted
  }

  it('the helper itself tells quadratic from linear', () => {
    const quadratic = (s: string) => {
      let x = 0;
      for (let i = 0; i < s.length; i += 64) x += s.indexOf('z', i);
      return x;
    };
    const g = measureGrowthDetail(quadratic, (n) => 'a'.repeat(n), 64 * 1024);
    expect(g.ratio).toBeGreaterThan(8);
  }, 30_000);
});
