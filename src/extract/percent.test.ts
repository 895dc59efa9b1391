import { describe, expect, it } from 'vitest';
import { findWordPercents, readPercentAfter } from './percent.ts';

describe('readPercentAfter', () => {
  it('reads the common percent units', () => {
    expect(readPercentAfter('3.8%', 3)).toEqual({ end: 4, points: false });
    expect(readPercentAfter('3.8 %', 3)).toEqual({ end: 5, points: false });
    expect(readPercentAfter('15 percent higher', 2)).toEqual({ end: 10, points: false });
    expect(readPercentAfter('15 per cent.', 2)).toEqual({ end: 11, points: false });
    expect(readPercentAfter('15\u00a0per\u00a0cent', 2)).toEqual({ end: 11, points: false });
    expect(readPercentAfter('3.5pc rise', 3)).toEqual({ end: 5, points: false });
    expect(readPercentAfter('4 pct', 1)).toEqual({ end: 5, points: false });
  });

  it('reads percentage points as percent with points set', () => {
    expect(readPercentAfter('0.5 percentage point from', 3)).toEqual({ end: 20, points: true });
    expect(readPercentAfter('2 percentage points', 1)).toEqual({ end: 19, points: true });
    expect(readPercentAfter('2pp', 1)).toEqual({ end: 3, points: true });
    expect(readPercentAfter('1.5% points', 3)).toEqual({ end: 11, points: true });
  });

  it('rejects look-alikes', () => {
    expect(readPercentAfter('3 percentage of', 1)).toBeNull();
    expect(readPercentAfter('3 persons', 1)).toBeNull();
    expect(readPercentAfter('3 pc', 1)).toBeNull();
    expect(readPercentAfter('3pcs', 1)).toBeNull();
    expect(readPercentAfter('3 per centre', 1)).toBeNull();
    expect(readPercentAfter('3  %', 1)).toBeNull();
  });
});

describe('findWordPercents', () => {
  const values = (t: string) => findWordPercents(t).map((w) => w.value);

  it('reads spelled-out percentages, including compound numbers that open a sentence', () => {
    expect(values('Fifty-one percent of voters agreed.')).toEqual([51]);
    expect(values('The bank cut by half a percentage point, then a quarter of a percentage point.')).toEqual([0.5, 0.25]);
    expect(values('Sales rose five per cent; margins fell three-quarters of a percentage point.')).toEqual([5, 0.75]);
    expect(values('Seventeen percent and forty two per cent')).toEqual([17, 42]);
  });

  it('gives spans that cover the words', () => {
    const t = 'Roughly twenty percent said no.';
    const [w] = findWordPercents(t);
    expect(t.slice(w.start, w.end)).toBe('twenty percent');
  });

  it('ignores number words that are not followed by a percent unit or are the tail of a bigger number', () => {
    expect(values('one of the five percentages')).toEqual([]);
    expect(values('a hundred-and-one percent effort')).toEqual([]);
    expect(values('someone percent')).toEqual([]);
  });
});
