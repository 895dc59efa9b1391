// Runs scanning work in small slices so the page never janks: each slice
// processes items while the next one, costing what the last one did, would still
// end within SLICE_MS, then yields (a slice overruns only by an item dearer than the
// one before it, so it stays well under the 16 ms of a frame). Urgent items (on screen)
// go first and resume quickly; the rest run when the browser is idle.
// An item that is itself long work (the extractor's page-level pass) does it
// in steps: run() returns false to be run again, before anything else. One
// step is never split, so a pathological single block can still take longer
// than a slice; real paragraphs take well under a millisecond.

/**
 * Our budget per slice. 3 ms, not 5: the work allocates, and a slice that allocated more was
 * likelier to fill V8's young generation itself, so that the collection (3-11 ms on the hostile
 * pages, traced) ran inside it instead of in the collector's own task between slices. Six runs each,
 * alternated, longest slice of ours: 5 MB page in Chromium median 15.1 ms against 17.4, 50,000
 * spans 11.0 against 13.1, 5 MB in Firefox 11 against 14.5 (the spans page in Firefox: 11 against
 * 10); our slices' total time and the time until the page is done did not grow (content-script bench:
 * all done at 50,000 words in 473-491 ms against 520-600).
 */
export const SLICE_MS = 3;

export interface SchedulerOptions<T> {
  /** Does the item's work; false when it is not finished (it runs again next, in this slice or the next). */
  run(item: T): boolean | void;
  /** Called after a slice, with its duration and its longest item (for the bench hook). */
  onSlice?(ms: number, longest: { item: T; ms: number }): void;
  /** Called when both queues are empty. */
  onDrain?(): void;
  sliceMs?: number;
}

export interface Scheduler<T> {
  push(item: T, urgent?: boolean): void;
  /** Moves a queued item to the urgent queue (it scrolled into view). */
  promote(item: T): void;
  /** Runs one slice right now (used at start, so the first highlight does not wait a task). */
  runNow(): void;
  clear(): void;
  pending(): number;
}

/** The Prioritized Task Scheduling API's scheduler.postTask, where the browser has it. */
export type PostTask = (cb: () => void, opts: { priority: 'user-visible' | 'background' }) => Promise<unknown>;

export function createScheduler<T>(options: SchedulerOptions<T>): Scheduler<T> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const urgent: T[] = [];
  const normal: T[] = [];
  let normalHead = 0;
  /** An unfinished item: it goes before everything else. */
  let again: T | undefined;
  const queued = new Set<T>();
  let scheduled = false;
  let generation = 0;
  /**
   * The last item's duration, the guess for the next one's: a slice does not start an item it expects to
   * overrun the budget with. Reading a block of 250 one-word <span>s costs milliseconds in Firefox, and a
   * slice that started one at 4.9 ms ended at 14.
   */
  let lastItemMs = 0;

  const g = globalThis as unknown as {
    scheduler?: { postTask?: PostTask };
    requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
  };

  function next(): T | undefined {
    if (again !== undefined) {
      const item = again;
      again = undefined;
      if (queued.delete(item)) return item;
    }
    while (urgent.length) {
      const item = urgent.shift()!;
      if (queued.delete(item)) return item;
    }
    while (normalHead < normal.length) {
      const item = normal[normalHead++];
      if (queued.delete(item)) return item;
    }
    normal.length = 0;
    normalHead = 0;
    return undefined;
  }

  function slice() {
    scheduled = false;
    const t0 = performance.now();
    let now = t0;
    let longest: { item: T; ms: number } | undefined;
    while (queued.size > 0 && (now === t0 || now - t0 + lastItemMs < sliceMs)) {
      const item = next();
      if (item === undefined) break;
      const before = now;
      try {
        if (options.run(item) === false) {
          again = item;
          queued.add(item);
        }
      } catch {
        // One bad block must not stop the scan (and must never reach the page's console as ours).
      }
      now = performance.now();
      lastItemMs = now - before;
      if (!longest || lastItemMs > longest.ms) longest = { item, ms: lastItemMs };
    }
    if (longest) options.onSlice?.(now - t0, longest);
    if (queued.size > 0) schedule();
    else options.onDrain?.();
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    const gen = generation;
    const run = () => {
      if (gen === generation) slice();
    };
    const hasUrgent = again !== undefined || urgent.some((i) => queued.has(i));
    if (g.scheduler?.postTask) {
      g.scheduler.postTask(run, { priority: hasUrgent ? 'user-visible' : 'background' }).catch(() => {});
    } else if (!hasUrgent && g.requestIdleCallback) {
      g.requestIdleCallback(run, { timeout: 1000 });
    } else {
      setTimeout(run, 0);
    }
  }

  return {
    push(item, isUrgent = false) {
      if (queued.has(item)) return;
      queued.add(item);
      (isUrgent ? urgent : normal).push(item);
      schedule();
    },
    promote(item) {
      if (!queued.has(item)) return;
      urgent.push(item);
      schedule();
    },
    runNow() {
      if (queued.size) slice();
    },
    clear() {
      generation++;
      scheduled = false;
      again = undefined;
      urgent.length = 0;
      normal.length = 0;
      normalHead = 0;
      queued.clear();
    },
    pending: () => queued.size,
  };
}
