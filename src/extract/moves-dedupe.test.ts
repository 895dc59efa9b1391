// dropNested and mergeWithClauses against the plain pairwise versions they
// replaced (kept here as the reference), on random sentences' candidates, and
// their time on one endless sentence with thousands of candidates.
import { describe, expect, it } from 'vitest';
import { LINEAR_LIMIT, measureGrowth } from './linear-time.ts';
import { dropNested, mergeWithClauses } from './moves-dedupe.ts';
import type { MoveCandidate } from './moves.ts';
import type { Direction } from './types.ts';

function referenceDropNested(found: MoveCandidate[]) {
  for (let k = found.length - 1; k >= 0; k--) {
    const a = found[k];
    for (const b of found) {
      if (b === a || b.direction !== a.direction || !a.magnitude || !b.magnitude || a.magnitude.unit !== b.magnitude.unit || a.magnitude.value !== b.magnitude.value) continue;
      if (a.start >= b.end || b.start >= a.end) continue;
      const as = a.subject.toLowerCase();
      const bs = b.subject.toLowerCase();
      if (bs.length > as.length && bs.includes(as)) { found.splice(k, 1); break; }
    }
  }
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
}

const SUBJECTS = ['index', 'the index', 'retail index', 'the retail index', 'Index', 'shares', 'Acme shares', 'acme'];

function candidates(rnd: () => number, n: number): MoveCandidate[] {
  return Array.from({ length: n }, () => {
    const start = Math.floor(rnd() * 60);
    const magnitude = rnd() < 0.8 ? { value: Math.floor(rnd() * 3), unit: rnd() < 0.7 ? '%' : 'USD' } : undefined;
    return {
      subject: SUBJECTS[Math.floor(rnd() * SUBJECTS.length)], kind: 'index', company: undefined, companyText: undefined,
      direction: (rnd() < 0.7 ? 'down' : 'up') as Direction, magnitude, magnitude_alt: undefined,
      start, end: start + Math.floor(rnd() * 25), sentence: 0, restatesValue: undefined,
    };
  });
}

describe('dropNested', () => {
  it('keeps exactly what the pairwise comparison kept', () => {
    const rnd = random(7);
    for (let round = 0; round < 3000; round++) {
      const list = candidates(rnd, 1 + Math.floor(rnd() * 12));
      const want = list.slice();
      referenceDropNested(want);
      const got = list.slice();
      dropNested(got);
      expect(got).toEqual(want);
      expect(got.every((m, i) => m === want[i])).toBe(true);
    }
  });

  it('drops "index down 1.8%" inside "the retail index down 1.8%", not a different size', () => {
    const m = (subject: string, start: number, end: number, value: number): MoveCandidate => ({
      subject, kind: 'index', company: undefined, companyText: undefined, direction: 'down', magnitude: { value, unit: '%' },
      magnitude_alt: undefined, start, end, sentence: 0, restatesValue: undefined,
    });
    const list = [m('the retail index', 10, 40, 1.8), m('index', 21, 40, 1.8), m('index', 45, 60, 2)];
    dropNested(list);
    expect(list.map((x) => x.subject)).toEqual(['the retail index', 'index']);
  });

  it('takes time linear in the number of candidates of one sentence', () => {
    // One endless sentence: every candidate the same size and direction, each overlapping its neighbours.
    const make = (n: number) => 'x'.repeat(n);
    const run = (s: string) => {
      const list: MoveCandidate[] = [];
      for (let i = 0; i < s.length / 64; i++) {
        list.push({
          subject: i % 3 ? 'index' : 'the index', kind: 'index', company: undefined, companyText: undefined, direction: 'up',
          magnitude: { value: 1, unit: '%' }, magnitude_alt: undefined, start: i * 10, end: i * 10 + 30, sentence: 0, restatesValue: undefined,
        });
      }
      dropNested(list);
      return list.length;
    };
    expect(measureGrowth(run, make, 128 * 1024)).toBeLessThan(LINEAR_LIMIT);
  });
});

describe('mergeWithClauses', () => {
  const m = (subject: string, start: number, end: number, value?: number): MoveCandidate => ({
    subject, kind: subject === 'the dollar' ? 'currency' : 'index', company: undefined, companyText: undefined, direction: 'down',
    magnitude: value === undefined ? undefined : { value, unit: '%' }, magnitude_alt: undefined, start, end, sentence: 0, restatesValue: undefined,
  });

  it('sizes a move by the "with" clause that follows it, once per pair', () => {
    const text = 'The dollar weakened, with an index of the greenback sliding 0.6%. The dollar weakened, with an index of the greenback sliding 0.7%';
    const list = [m('the dollar', 0, 19), m('an index of the greenback', 26, 64, 0.6), m('the dollar', 66, 85), m('an index of the greenback', 92, 130, 0.7)];
    mergeWithClauses(text, list);
    expect(list.map((x) => [x.subject, x.magnitude?.value, x.end])).toEqual([['the dollar', 0.6, 64], ['the dollar', 0.7, 130]]);
  });

  it('takes time linear in the number of merges', () => {
    const clause = 'the dollar weakened, with the dollar index sliding 1%, ';
    const run = (s: string) => {
      const list: MoveCandidate[] = [];
      for (let at = 0; at + clause.length <= s.length; at += clause.length) list.push(m('the dollar', at, at + 19), m('the dollar index', at + 26, at + 53, 1));
      mergeWithClauses(s, list);
      return list.length;
    };
    expect(measureGrowth(run, (n) => clause.repeat(Math.ceil(n / clause.length)), 128 * 1024)).toBeLessThan(LINEAR_LIMIT);
  });
});
