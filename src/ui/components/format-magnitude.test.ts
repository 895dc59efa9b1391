import { describe, expect, it } from 'vitest';
import { abbreviateNumber, formatMagnitude, formatMoney } from './format-magnitude.ts';

describe('format-magnitude', () => {
  it('abbreviates large numbers', () => {
    expect(abbreviateNumber(4_400_000_000)).toBe('4.4bn');
    expect(abbreviateNumber(1_000_000_000_000)).toBe('1tn');
    expect(abbreviateNumber(31_700_000_000)).toBe('31.7bn');
    expect(abbreviateNumber(250_000)).toBe('250k');
    expect(abbreviateNumber(0.41)).toBe('0.41');
  });
  it('formats money with a symbol or the ISO code', () => {
    expect(formatMoney(4_400_000_000, 'USD')).toBe('$4.4bn');
    expect(formatMoney(0.41, 'GBP')).toBe('£0.41');
    expect(formatMoney(2_000_000, 'CHF')).toBe('2m CHF');
    expect(formatMoney(-5e6, 'EUR')).toBe('-€5m');
  });
  it('formats move sizes by unit', () => {
    expect(formatMagnitude({ value: 15, unit: '%' })).toBe('15%');
    expect(formatMagnitude({ value: 2.125, unit: '%' })).toBe('2.13%');
    expect(formatMagnitude({ value: 25, unit: 'bp' })).toBe('25 bp');
    expect(formatMagnitude({ value: 120, unit: 'points' })).toBe('120 pts');
    expect(formatMagnitude({ value: 1e12, unit: 'USD' })).toBe('$1tn');
  });
});
