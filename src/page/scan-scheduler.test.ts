import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScheduler } from './scan-scheduler.ts';

afterEach(() => vi.restoreAllMocks());

describe('createScheduler', () => {
  it('runs items in slices of about 5 ms, yielding between them', async () => {
    // A virtual clock: each item "costs" 3 ms, so the test does not depend on the machine's speed.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const perSlice: number[] = [];
    let inSlice = 0;
    const ran: number[] = [];
    let drained!: () => void;
    const done = new Promise<void>((ok) => (drained = ok));
    const s = createScheduler<number>({
      run: (i) => { now += 3; inSlice++; ran.push(i); },
      onSlice: () => { perSlice.push(inSlice); inSlice = 0; },
      onDrain: () => drained(),
    });
    for (let i = 0; i < 12; i++) s.push(i);
    await done;
    expect(ran).toEqual([...Array(12).keys()]);
    // Items start at 0 and 3 ms; the third would start at 6 ms, past the 5 ms budget.
    expect(perSlice).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('runs urgent and promoted items before the rest', async () => {
    const ran: string[] = [];
    let drained!: () => void;
    const done = new Promise<void>((ok) => (drained = ok));
    const s = createScheduler<string>({ run: (i) => { ran.push(i); }, onDrain: () => drained() });
    s.push('a');
    s.push('b');
    s.push('c');
    s.push('visible', true);
    s.promote('c');
    s.push('a'); // already queued: no duplicate
    await done;
    expect(ran).toEqual(['visible', 'c', 'a', 'b']);
  });

  it('keeps going after an item throws, and clear() drops queued work', async () => {
    const ran: number[] = [];
    const s = createScheduler<number>({ run: (i) => { if (i === 1) throw new Error('bad block'); ran.push(i); } });
    s.push(1);
    s.push(2);
    s.runNow();
    expect(ran).toEqual([2]);
    s.push(3);
    s.clear();
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toEqual([2]);
    expect(s.pending()).toBe(0);
  });

  it('runs an unfinished item again before anything else, across slices, until it says it is done', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const ran: string[] = [];
    const slices: string[][] = [];
    let current: string[] = [];
    let steps = 0;
    let drained!: () => void;
    const done = new Promise<void>((ok) => (drained = ok));
    const s = createScheduler<string>({
      // 'long' needs five steps of 3 ms; each call does one.
      run: (i) => { now += 3; ran.push(i); current.push(i); if (i === 'long') return ++steps === 5; },
      onSlice: () => { slices.push(current); current = []; },
      onDrain: () => drained(),
    });
    s.push('long', true);
    s.push('x');
    s.push('urgent', true);
    await done;
    expect(ran).toEqual(['long', 'long', 'long', 'long', 'long', 'urgent', 'x']);
    // Still sliced: two 3 ms steps per 5 ms slice at most.
    expect(slices.every((sl) => sl.length <= 2)).toBe(true);
    expect(slices.length).toBeGreaterThanOrEqual(3);
  });
});
