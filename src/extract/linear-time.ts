// Test helper: checks that a function's running time grows linearly with its
// input, so a recogniser that backtracks or rescans (quadratic on hostile page
// text) fails a test instead of freezing a reader's tab. It compares two sizes
// rather than asserting wall-clock times, which vary from machine to machine.

/** Each timed sample should last at least this long, or timer jitter and one GC pause dominate. */
const MIN_SAMPLE_MS = 20;

/**
 * Best-of-`runs` times of `reps` calls on each input. Small and large runs
 * alternate, so a burst of load from other processes hits both sizes alike.
 */
function bestTimes(fn: (s: string) => unknown, small: string, large: string, runs: number, reps: number): [number, number] {
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  const time = (input: string) => {
    const t0 = performance.now();
    for (let k = 0; k < reps; k++) fn(input);
    return performance.now() - t0;
  };
  for (let r = 0; r < runs; r++) {
    bestSmall = Math.min(bestSmall, time(small));
    if (large) bestLarge = Math.min(bestLarge, time(large));
  }
  return [bestSmall, bestLarge];
}

export interface Growth {
  /** Time on the large input divided by time on the small one. */
  ratio: number;
  smallMs: number;
  largeMs: number;
}

/**
 * Times fn on make(small) and make(4 * small), best of `runs` each, after a
 * warm-up; fast functions are repeated so every sample lasts at least
 * MIN_SAMPLE_MS. Linear code gives a ratio near 4, quadratic near 16. A ratio
 * above 6 is measured once more and the lower result kept: on a loaded machine
 * one unlucky sample can look superlinear, a real quadratic never looks linear.
 * `make(n)` must return a string of about n characters.
 */
export function measureGrowthDetail(fn: (s: string) => unknown, make: (n: number) => string, small = 256 * 1024, runs = 3): Growth {
  const smallInput = make(small);
  const largeInput = make(small * 4);
  fn(largeInput); // warm up the JIT before anything is timed
  // Double the repetitions until one small sample is long enough to time reliably.
  let reps = 1;
  while (reps < 1024 && bestTimes(fn, smallInput, '', 3, reps)[0] < MIN_SAMPLE_MS) reps *= 2;
  let best: Growth | null = null;
  for (let attempt = 0; attempt < 2 && (best === null || best.ratio > 6); attempt++) {
    const [smallMs, largeMs] = bestTimes(fn, smallInput, largeInput, runs, reps);
    const g = { ratio: largeMs / smallMs, smallMs, largeMs };
    if (best === null || g.ratio < best.ratio) best = g;
  }
  return best!;
}

/**
 * The growth ratio tests accept. Linear code measures about 4 and quadratic
 * about 16; measured samples of 8 were seen on a heavily loaded 2-core machine,
 * so the limit sits between the two with room for that noise.
 */
export const LINEAR_LIMIT = 10;

/** The ratio alone: below LINEAR_LIMIT is linear (with room for noise), ~16 is quadratic. */
export function measureGrowth(fn: (s: string) => unknown, make: (n: number) => string, small = 256 * 1024): number {
  return measureGrowthDetail(fn, make, small).ratio;
}

/** Repeats `unit` until the string is at least n characters long, then cuts it to n. */
export function repeatTo(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}
