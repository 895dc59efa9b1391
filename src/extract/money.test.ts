import { describe, expect, it } from 'vitest';
import { findWordAmounts, readCurrencyAfter, readCurrencyBefore } from './money.ts';
import { readNumber, readScale } from './numbers.ts';

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
  /** Reads the first number of `text` and its scale as the recogniser does, then the currency after them. */
  function after(text: string) {
    const num = readNumber(text, text.search(/\d/));
    const scale = readScale(text, num.end);
    return readCurrencyAfter(text, scale ? scale.end : num.end, !!scale, num);
  }

  it('reads pence and cents', () => {
    expect(after('41p.')).toEqual({ end: 3, currency: 'GBP', factor: 0.01 });
    expect(after('2,874 pence')).toMatchObject({ end: 11, factor: 0.01, currency: 'GBP' });
    expect(after('45 cents a share')).toMatchObject({ end: 8, factor: 0.01, cents: true });
    expect(after('20 euro cents')).toMatchObject({ currency: 'EUR', factor: 0.01 });
    expect(after('45¢')).toMatchObject({ factor: 0.01, cents: true });
  });

  it('reads "45c" only where it is a price or a price move', () => {
    expect(after('fell 5c to $1.20')).toMatchObject({ factor: 0.01, cents: true });
    expect(after('paid 45c a share')).toMatchObject({ factor: 0.01 });
    expect(after('under section 5c of the act')).toBeNull();
  });

  it('reads symbols written after the amount, unless they start the next amount', () => {
    expect(after('5 €')).toMatchObject({ end: 3, currency: 'EUR', factor: 1 });
    expect(after('5 €6')).toBeNull();
  });

  it('does not read pence from times, pp or a video resolution', () => {
    expect(after('5.30pm')).toBeNull();
    expect(after('at 3p.m. on Friday')).toBeNull();
    expect(after('2pp')).toBeNull();
    expect(after('1080p video')).toBeNull();
  });

  it('reads currency words and codes after the amount', () => {
    const cur = (t: string) => after(t)?.currency;
    expect(cur('5bn yuan')).toBe('CNY');
    expect(cur('5bn renminbi')).toBe('CNY');
    expect(cur('5bn Swiss francs')).toBe('CHF');
    expect(cur('5bn Hong Kong dollars')).toBe('HKD');
    expect(cur('5 US dollars')).toBe('USD');
    expect(cur('5 euros')).toBe('EUR');
    expect(cur('5 crore rupees')).toBe('INR');
    expect(cur('5,000 won')).toBe('KRW');
    expect(cur('5bn USD')).toBe('USD');
    expect(cur('5bn Egyptian pounds')).toBe('EGP');
    expect(cur('5m Mexican pesos')).toBe('MXN');
    expect(cur('5tn South Korean won')).toBe('KRW');
    expect(cur('a 5-billion-dollar deal')).toBe('USD');
    expect(cur('5 billion dollar')).toBe('USD');
    expect(cur('5 pesos')).toBeUndefined();
    expect(cur('5 yenx')).toBeUndefined();
    expect(cur('5 users')).toBeUndefined();
  });

  it('reads "won" as money only where it is not the verb', () => {
    expect(after('8 won the vote')).toBeNull();
    expect(after('1,000 won a share')?.currency).toBe('KRW');
  });

  it('reads "pounds" as money, not weight, only with a scale, pence or "sterling"', () => {
    expect(after('5 million pounds')?.currency).toBe('GBP');
    expect(after('4.50 pounds')?.currency).toBe('GBP');
    expect(after('20 pounds sterling')?.currency).toBe('GBP');
    expect(after('lost 20 pounds')).toBeNull();
    expect(after('300 pounds of beef')).toBeNull();
    expect(after('a 5-pound bag')).toBeNull();
    expect(after('a 2-billion-pound fund')?.currency).toBe('GBP');
    expect(after('a 10 pound note')).toBeNull();
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
