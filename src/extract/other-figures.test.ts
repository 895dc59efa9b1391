import { describe, expect, it } from 'vitest';
import { findWordMultiples, readOtherUnitAfter } from './other-figures.ts';

describe('readOtherUnitAfter', () => {
  it('reads basis points', () => {
    expect(readOtherUnitAfter('25 basis points', 2)).toEqual({ end: 15, kind: 'bp' });
    expect(readOtherUnitAfter('1 basis point', 1)).toEqual({ end: 13, kind: 'bp' });
    expect(readOtherUnitAfter('25bp cut', 2)).toEqual({ end: 4, kind: 'bp' });
    expect(readOtherUnitAfter('25 bps', 2)).toEqual({ end: 6, kind: 'bp' });
  });

  it('reads index points and multiples', () => {
    expect(readOtherUnitAfter('120.5 points', 5)).toEqual({ end: 12, kind: 'points' });
    expect(readOtherUnitAfter('38 pts', 2)).toEqual({ end: 6, kind: 'points' });
    expect(readOtherUnitAfter('3x revenue', 1)).toEqual({ end: 2, kind: 'multiple' });
    expect(readOtherUnitAfter('10 times earnings', 2)).toEqual({ end: 8, kind: 'multiple' });
  });

  it('rejects look-alikes', () => {
    expect(readOtherUnitAfter('3 x 4', 1)).toBeNull();
    expect(readOtherUnitAfter('0x1F', 1)).toBeNull();
    expect(readOtherUnitAfter('5 basis for', 1)).toBeNull();
    expect(readOtherUnitAfter('5 pointers', 1)).toBeNull();
  });
});

describe('findWordMultiples', () => {
  it('finds number words before "times" when a comparison follows', () => {
    expect(findWordMultiples('It trades at three times earnings.')).toEqual([{ start: 13, end: 24, value: 3 }]);
    expect(findWordMultiples('Revenue was five times as large')).toHaveLength(1);
  });

  it('ignores "times" as a count of occasions', () => {
    expect(findWordMultiples('The board met three times this year.')).toEqual([]);
    expect(findWordMultiples('He has tried two times.')).toEqual([]);
  });
});
