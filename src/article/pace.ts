// Count-based pacing of the steppable detection (detectArticleSteps): every
// loop whose length grows with the page charges work units to one shared
// budget and yields when it is spent. No clocks here: the caller decides how
// many steps fit its time slice. A unit is about one element visited by the
// walk (1-2 µs on linkedom, less in Chromium); costlier work (a layout hidden
// check, a long text) charges more. The rates below were measured on the
// saved pages of ../shared/pages (see test/bench/article.ts).

export interface Pace {
  /** Units left in the current step. */
  left: number;
  /** Units per step. */
  step: number;
}

/**
 * Units between two yields by default: at most about 1 ms of steady work on
 * linkedom, 0.2-1 ms in headless Chromium with layoutHidden (measured).
 */
export const DEFAULT_STEP = 500;

/** Characters of text scanned once (counted, parsed as JSON, cut) per unit. */
export const CHARS_PER_UNIT = 200;
/** Characters of a block's text built from its nodes (visibleBlockText) per unit. */
export const TEXT_CHARS_PER_UNIT = 20;
/** Characters keyed (textKey: lower-cased, split on a Unicode class) per unit. */
export const KEY_CHARS_PER_UNIT = 60;
/** Characters searched (String.includes) per unit. */
export const SEARCH_CHARS_PER_UNIT = 4000;
/** What one layout hidden check (getComputedStyle on a live page) costs in units. */
export const HIDDEN_CHECK_COST = 4;

/** A pace of `step` units a step (at least 1; Infinity: one step; not a positive number: the default). */
export function newPace(step = DEFAULT_STEP): Pace {
  const units = step > 0 ? Math.max(1, step) : DEFAULT_STEP;
  return { left: units, step: units };
}

/** Charges `cost` units; true when the step is spent (the next one starts): the caller then yields. */
export function spent(pace: Pace, cost = 1): boolean {
  if ((pace.left -= cost) > 0) return false;
  pace.left = pace.step;
  return true;
}

/** Runs a step generator to its end at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
