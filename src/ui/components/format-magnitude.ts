// Short display forms of figures and move sizes: "$4.4bn", "15%", "25 bp".
import type { Magnitude } from '../../extract/types.ts';

const SYMBOLS: Record<string, string> = { USD: '$', GBP: '£', EUR: '€', JPY: '¥', CNY: '¥', HKD: 'HK$', AUD: 'A$', CAD: 'C$', INR: '₹' };

/** 4400000000 -> "4.4bn"; keeps at most 3 significant digits, which is what a glance needs. */
export function abbreviateNumber(n: number): string {
  const abs = Math.abs(n);
  const units: [number, string][] = [[1e12, 'tn'], [1e9, 'bn'], [1e6, 'm'], [1e3, 'k']];
  for (const [size, suffix] of units) {
    if (abs >= size) return trim(n / size) + suffix;
  }
  return trim(n);
}

function trim(n: number): string {
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(n.toFixed(digits)));
}

export function formatMoney(value: number, currency?: string): string {
  const symbol = currency ? SYMBOLS[currency] : '$';
  const sign = value < 0 ? '-' : '';
  return symbol ? `${sign}${symbol}${abbreviateNumber(Math.abs(value))}` : `${sign}${abbreviateNumber(Math.abs(value))} ${currency}`;
}

export function formatMagnitude(m: Magnitude): string {
  switch (m.unit) {
    case '%':
      return `${trim(m.value)}%`;
    case 'bp':
      return `${trim(m.value)} bp`;
    case 'points':
      return `${abbreviateNumber(m.value)} pts`;
    default:
      return /^[A-Z]{3}$/.test(m.unit) ? formatMoney(m.value, m.unit) : `${trim(m.value)} ${m.unit}`;
  }
}
