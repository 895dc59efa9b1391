import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScheduler, SLICE_MS } from './scan-scheduler.ts';

afterEach(() => vi.restoreAllMocks());

describe('createScheduler', () => {
  /**
   * Runs `costs.length` items on a virtual clock (item i "costs" costs[i] ms) with a budget of `sliceMs`
   * (5 ms in the tests of the rule, the round figure they were written with): how many ran in each slice,
   * and each slice's length.
   */
  async function slicesOf(costs: number[], sliceMs: number | 'default' = 5) {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const perSlice: number[] = [];
    const lengths: number[] = [];
    let inSlice = 0;
    const ran: number[] = [];
    let drained!: () => void;
    const done = new Promise<void>((ok) => (drained = ok));
    const s = createScheduler<number>({
      run: (i) => { now += costs[i]; inSlice++; ran.push(i); },
      onSlice: (ms) => { perSlice.push(inSlice); lengths.push(ms); inSlice = 0; },
      onDrain: () => drained(),
      sliceMs: sliceMs === 'default' ? undefined : sliceMs,
    });
    for (let i = 0; i < costs.length; i++) s.push(i);
    await done;
    expect(ran).toEqual([...costs.keys()]);
    return { perSlice, sliceMs: lengths };
  }

  it('has a budget of SLICE_MS (3 ms) by default', async () => {
    // 1 ms items: a third would end at 3 ms, so two run per slice.
    const { perSlice, sliceMs } = await slicesOf(Array(6).fill(1), 'default');
    expect(SLICE_MS).toBe(3);
    expect(perSlice).toEqual([2, 2, 2]);
    expect(Math.max(...sliceMs)).toBe(2);
  });

  it('runs items in slices of about 5 ms, yielding between them', async () => {
    // A virtual clock, so the test does not depend on the machine's speed. Items of 2 ms: the third would
    // end at 6 ms, past the 5 ms budget, so it waits for the next slice.
    const { perSlice, sliceMs } = await slicesOf(Array(12).fill(2));
    expect(perSlice).toEqual([2, 2, 2, 2, 2, 2]);
    expect(Math.max(...sliceMs)).toBe(4);
  });

  it("does not start an item it expects to overrun the slice with (the last item's cost is the guess)", async () => {
    // 3 ms items: the second would end at 6 ms, so each runs alone (the old rule, "while under 5 ms", ran two:
    // 6 ms slices).
    expect((await slicesOf(Array(6).fill(3))).perSlice).toEqual([1, 1, 1, 1, 1, 1]);
    // After 4 ms, nothing more starts: the old rule ran the 9 ms item next, a 13 ms slice. A dear item is a
    // slice of its own, and once items are cheap again slices fill up again.
    const { perSlice, sliceMs } = await slicesOf([4, 9, 1, 1, 1, 1, 1, 1]);
    expect(perSlice).toEqual([1, 1, 4, 2]);
    expect(Math.max(...sliceMs)).toBe(9);
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
    // Still sliced: one 3 ms step per slice (the default budget is 3 ms).
    expect(slices.every((sl) => sl.length === 1)).toBe(true);
    expect(slices.length).toBeGreaterThanOrEqual(3);
  });
});
