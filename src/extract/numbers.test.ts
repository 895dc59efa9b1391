import { describe, expect, it } from 'vitest';
import { readNumber, readScale, scaleValue } from './numbers.ts';

describe('readNumber', () => {
  it('reads plain, grouped and decimal numbers', () => {
    expect(readNumber('4.4bn', 0)).toMatchObject({ end: 3, value: 4.4, decimals: 1, valid: true });
    expect(readNumber('1,234,567.89 x', 0)).toMatchObject({ end: 12, value: 1234567.89, grouped: true });
    expect(readNumber('13\u2009990p', 0)).toMatchObject({ value: 13990, end: 6 });
    expect(readNumber('13\u202f990', 0).value).toBe(13990);
    expect(readNumber('5\u00a0000\u00a0000 euros', 0).value).toBe(5000000);
  });

  it('does not take a comma and a space as a thousands separator', () => {
    expect(readNumber('2019, 2020', 0)).toMatchObject({ value: 2019, end: 4 });
    expect(readNumber('5 000', 0)).toMatchObject({ value: 5, end: 1 });
  });

  it('ends before a sentence full stop', () => {
    expect(readNumber('up 15.', 3)).toMatchObject({ value: 15, end: 5 });
  });

  it('marks version numbers, comma lists and huge digit runs invalid but consumes them', () => {
    expect(readNumber('2.5.1 release', 0)).toMatchObject({ valid: false, end: 5 });
    expect(readNumber('1,1,1,1', 0)).toMatchObject({ valid: false, end: 7 });
    expect(readNumber('12,34', 0)).toMatchObject({ valid: false });
    expect(readNumber('9'.repeat(40), 0)).toMatchObject({ valid: false, end: 40 });
    expect(readNumber('000 euros', 0)).toMatchObject({ valid: false });
    expect(readNumber('0.5', 0)).toMatchObject({ valid: true, value: 0.5 });
  });
});

describe('readScale', () => {
  it('reads attached and spaced scale words', () => {
    expect(readScale('bn from', 0)).toEqual({ end: 2, factor: 1e9 });
    expect(readScale(' billion yuan', 0)).toEqual({ end: 8, factor: 1e9 });
    expect(readScale('\u00a0trillion', 0)).toEqual({ end: 9, factor: 1e12 });
    expect(readScale('mn', 0)?.factor).toBe(1e6);
    expect(readScale('m.', 0)?.factor).toBe(1e6);
    expect(readScale('k salary', 0)?.factor).toBe(1e3);
    expect(readScale(' crore', 0)?.factor).toBe(1e7);
    expect(readScale(' lakh crore', 0)?.factor).toBe(1e12);
    expect(readScale('MM', 0)?.factor).toBe(1e6);
    expect(readScale('-billion deal', 0)).toEqual({ end: 8, factor: 1e9 });
  });

  it('does not take a single letter after a space or the start of a word', () => {
    expect(readScale(' m', 0)).toBeNull();
    expect(readScale('mx', 0)).toBeNull();
    expect(readScale(' mm', 0)).toBeNull();
    expect(readScale('bnx', 0)).toBeNull();
    expect(readScale(' more', 0)).toBeNull();
  });
});

describe('scaleValue', () => {
  it('removes floating-point noise', () => {
    expect(scaleValue(4.4, 1e9)).toBe(4400000000);
    expect(scaleValue(1234, 0.01)).toBe(12.34);
    expect(scaleValue(1.195, 1e9)).toBe(1195000000);
  });
});
