// Runs a one-time job written as a generator (article detection, the
// extractor's warm-up) in short main-thread slices: steps until the slice's
// budget is used, then gives the page the thread back before the next slice.
// Steps are a few milliseconds at most, so no slice grows into a long task.
import { benchSlice } from './bench-hook.ts';
import type { PostTask } from './scan-scheduler.ts';

/** Lets the page run (input, rendering, its own tasks) before we continue. */
function yieldToPage(): Promise<void> {
  const postTask = (globalThis as unknown as { scheduler?: { postTask?: PostTask } }).scheduler?.postTask;
  if (postTask) return postTask(() => {}, { priority: 'user-visible' }).then(() => undefined, () => undefined);
  return new Promise((ok) => setTimeout(ok, 0));
}

export async function runInSlices<T>(steps: Generator<void, T>, what: string, sliceMs = 5): Promise<T> {
  for (;;) {
    const t0 = performance.now();
    let r = steps.next();
    while (!r.done && performance.now() - t0 < sliceMs) r = steps.next();
    benchSlice(performance.now() - t0, what);
    if (r.done) return r.value;
    await yieldToPage();
  }
}
