// Test-only timing hook for `npm run bench` and the e2e suite: when the page
// carries <meta name="newsmark-bench">, the content script leaves User Timing
// entries (marks at milestones, one measure per work slice) that the page's
// own world can read with performance.getEntriesByName(). Off on real pages,
// so sites cannot observe us through it.
let enabled: boolean | undefined;

function on(): boolean {
  if (enabled === undefined) {
    try {
      enabled = !!document.querySelector('meta[name="newsmark-bench"]');
    } catch {
      enabled = false;
    }
  }
  return enabled;
}

export function benchMark(name: string): void {
  if (on()) performance.mark(name);
}

/** One slice of our main-thread work that just ended and took `ms`. */
export function benchSlice(ms: number, what = 'scan'): void {
  if (on()) performance.measure('newsmark:slice', { start: performance.now() - ms, duration: ms, detail: what });
}

/** Wraps a synchronous step (detection, notes) so its time is counted like a slice. */
export function benchTimed<T>(what: string, fn: () => T): T {
  if (!on()) return fn();
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    benchSlice(performance.now() - t0, what);
  }
}
