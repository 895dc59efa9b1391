import { describe, expect, it } from 'vitest';
import { findWordAmounts, readCurrencyAfter, readCurrencyBefore } from './money.ts';

/** Currency read before the first digit of `text`. */
function before(text: string) {
  return readCurrencyBefore(text, text.search(/\d/));
}

describe('readCurrencyBefore', () => {
  it('reads symbols and dollar prefixes', () => {
    expect(before('$4.4bn')).toEqual({ start: 0, currency: 'USD' });
    expect(before('at HK$98.50')).toEqual({ start: 3, currency: 'HKD' });
    expect(before('US$140 billion')?.currency).toBe('USD');
    for (const [p, c] of [['A$', 'AUD'], ['AU$', 'AUD'], ['C$', 'CAD'], ['CA$', 'CAD'], ['NZ$', 'NZD'], ['S$', 'SGD'], ['R$', 'BRL'], ['NT$', 'TWD']]) {
      expect(before(`${p}12`)?.currency, p).toBe(c);
    }
    expect(before('£350m')?.currency).toBe('GBP');
    expect(before('€1.2 trillion')?.currency).toBe('EUR');
    expect(before('¥2.5tn')?.currency).toBe('JPY');
    expect(before('CN¥7')).toEqual({ start: 0, currency: 'CNY' });
    expect(before('₹500')?.currency).toBe('INR');
    expect(before('₩1,000')?.currency).toBe('KRW');
  });

  it('reads ISO codes and letter prefixes, attached or after one space', () => {
    expect(before('USD 5 million')).toEqual({ start: 0, currency: 'USD' });
    expect(before('EUR3bn')?.currency).toBe('EUR');
    expect(before('(CHF 2.1bn)')).toEqual({ start: 1, currency: 'CHF' });
    expect(before('SFr5.4bn')?.currency).toBe('CHF');
    expect(before('Rmb3bn')?.currency).toBe('CNY');
    expect(before('Rs. 500 crore')?.currency).toBe('INR');
    expect(before('Rs 20')?.currency).toBe('INR');
  });

  it('reads dollar forms with the country after the sign or an ISO code before it', () => {
    expect(before('$A1.2bn')).toEqual({ start: 0, currency: 'AUD' });
    expect(before('a $US500m loan')).toEqual({ start: 2, currency: 'USD' });
    expect(before('AUD$4')?.currency).toBe('AUD');
    expect(before('RM1.2bil')?.currency).toBe('MYR');
    expect(before('X$A5')).toBeNull();
  });

  it('ignores letters that are not currencies and codes inside words', () => {
    expect(before('DeepSeek R1')).toBeNull();
    expect(before('Airbus A320')).toBeNull();
    expect(before('XUSD 5')).toBeNull();
    expect(before('HKX$5')).toBeNull();
    expect(before('in 2023')).toBeNull();
  });
});

describe('readCurrencyAfter', () => {
  it('reads pence and cents', () => {
    expect(readCurrencyAfter('41p.', 2, false, true)).toEqual({ end: 3, currency: 'GBP', factor: 0.01 });
    expect(readCurrencyAfter('2,874 pence', 5, false, false)).toMatchObject({ end: 11, factor: 0.01, currency: 'GBP' });
    expect(readCurrencyAfter('45 cents a share', 2, false, true)).toMatchObject({ end: 8, factor: 0.01, cents: true });
  });

  it('reads euro cents and symbols written after the amount', () => {
    expect(readCurrencyAfter(' euro cents', 0, false, true)).toMatchObject({ currency: 'EUR', factor: 0.01 });
    expect(readCurrencyAfter(' €', 0, false, true)).toMatchObject({ end: 2, currency: 'EUR', factor: 1 });
    expect(readCurrencyAfter('¢', 0, false, true)).toMatchObject({ factor: 0.01, cents: true });
    expect(readCurrencyAfter(' €6', 0, false, true)).toBeNull();
  });

  it('does not read pence from pm, pp or a video resolution', () => {
    expect(readCurrencyAfter('5.30pm', 4, false, true)).toBeNull();
    expect(readCurrencyAfter('2pp', 1, false, true)).toBeNull();
    expect(readCurrencyAfter('1080p video', 4, false, false)).toBeNull();
  });

  it('reads currency words and codes after the amount', () => {
    const after = (t: string) => readCurrencyAfter(t, 0, true, false)?.currency;
    expect(after(' yuan')).toBe('CNY');
    expect(after(' renminbi')).toBe('CNY');
    expect(after(' Swiss francs')).toBe('CHF');
    expect(after(' Hong Kong dollars')).toBe('HKD');
    expect(after(' US dollars')).toBe('USD');
    expect(after(' euros')).toBe('EUR');
    expect(after(' rupees')).toBe('INR');
    expect(after(' won')).toBe('KRW');
    expect(after(' USD')).toBe('USD');
    expect(after(' Egyptian pounds')).toBe('EGP');
    expect(after(' Mexican pesos')).toBe('MXN');
    expect(after(' South Korean won')).toBe('KRW');
    expect(after('-dollar deal')).toBe('USD');
    expect(after(' dollar')).toBe('USD');
    expect(after(' pesos')).toBeUndefined();
    expect(after(' yenx')).toBeUndefined();
    expect(after(' users')).toBeUndefined();
  });

  it('reads "won" and "pounds" as money only where they are not a verb or a weight', () => {
    expect(readCurrencyAfter(' won the vote', 0, false, true)).toBeNull();
    expect(readCurrencyAfter(' won a share', 0, false, false)?.currency).toBe('KRW');
    expect(readCurrencyAfter(' pounds of beef', 0, false, false)).toBeNull();
    expect(readCurrencyAfter(' pounds a week', 0, false, true)?.currency).toBe('GBP');
  });
});

describe('findWordAmounts', () => {
  it('reads amounts written in words when a currency follows', () => {
    expect(findWordAmounts('They spent a billion dollars and half a trillion yen.').map((w) => [w.value, w.currency])).toEqual([
      [1e9, 'USD'], [5e11, 'JPY'],
    ]);
    const t = 'nearly two million euros';
    const [w] = findWordAmounts(t);
    expect(t.slice(w.start, w.end)).toBe('two million euros');
  });

  it('ignores counts and adjectives', () => {
    expect(findWordAmounts('a million users and a billion-dollar company')).toEqual([]);
  });
});
