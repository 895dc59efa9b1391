// Test helper: checks that a function's running time grows linearly with its
// input, so a recogniser that backtracks or rescans (quadratic on hostile page
// text) fails a test instead of freezing a reader's tab. It compares two sizes
// rather than asserting wall-clock times, which vary from machine to machine.

/** Best-of-`runs` time in milliseconds of fn(input). */
function bestTime(fn: (s: string) => unknown, input: string, runs: number): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn(input);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export interface Growth {
  /** Time on the large input divided by time on the small one. */
  ratio: number;
  smallMs: number;
  largeMs: number;
}

/**
 * Times fn on make(small) and make(4 * small), best of 3 each, after a warm-up.
 * Linear code gives a ratio near 4, quadratic near 16. `make(n)` must return a
 * string of about n characters.
 */
export function measureGrowthDetail(fn: (s: string) => unknown, make: (n: number) => string, small = 256 * 1024, runs = 3): Growth {
  const smallInput = make(small);
  const largeInput = make(small * 4);
  fn(smallInput); // warm up the JIT so the first timing is not the compile
  // Timer resolution: a tiny small-input time would make any ratio noise, so floor it.
  const smallMs = Math.max(bestTime(fn, smallInput, runs), 0.5);
  const largeMs = bestTime(fn, largeInput, runs);
  return { ratio: largeMs / smallMs, smallMs, largeMs };
}

/** The ratio alone: below ~8 is linear (with room for noise), ~16 is quadratic. */
export function measureGrowth(fn: (s: string) => unknown, make: (n: number) => string, small = 256 * 1024): number {
  return measureGrowthDetail(fn, make, small).ratio;
}

/** Repeats `unit` until the string is at least n characters long, then cuts it to n. */
export function repeatTo(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}
