// Runs a one-time job written as a generator (article detection, the
// extractor's warm-up) in short main-thread slices: steps until the slice's
// budget would be used, then gives the page the thread back before the next
// slice. Steps are a few milliseconds at most, so no slice grows into a long task.
import { benchSlice } from './bench-hook.ts';
import { SLICE_MS, type PostTask } from './scan-scheduler.ts';

/** Lets the page run (input, rendering, its own tasks) before we continue. */
function yieldToPage(): Promise<void> {
  const postTask = (globalThis as unknown as { scheduler?: { postTask?: PostTask } }).scheduler?.postTask;
  if (postTask) return postTask(() => {}, { priority: 'user-visible' }).then(() => undefined, () => undefined);
  return new Promise((ok) => setTimeout(ok, 0));
}

export async function runInSlices<T>(steps: Generator<void, T>, what: string, sliceMs = SLICE_MS): Promise<T> {
  // The last step's duration guesses the next one's: a slice does not start a step it expects to overrun with
  // (as in scan-scheduler.ts).
  let lastMs = 0;
  for (;;) {
    const t0 = performance.now();
    let now = t0;
    let r: IteratorResult<void, T>;
    do {
      const before = now;
      r = steps.next();
      now = performance.now();
      lastMs = now - before;
    } while (!r.done && now - t0 + lastMs < sliceMs);
    benchSlice(now - t0, what);
    if (r.done) return r.value;
    await yieldToPage();
  }
}
