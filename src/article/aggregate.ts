// Subtree statistics of every element that holds text, summed from the units
// in one pass over each unit's ancestors (units x depth, no tree re-walks).
import type { Unit, Walk } from './collect-units.ts';
import { spent, type Pace } from './pace.ts';

export interface Agg {
  text: number;
  links: number;
  /** Characters of "good" units: paragraph-like text with few links. */
  good: number;
  /** Readability-style content score handed up from the paragraphs below. */
  score: number;
  /** First and last index of the units inside (units are in document order, so a subtree is a range). */
  first: number;
  last: number;
  controls: number;
}

/** A paragraph a person wrote: some length, a sentence end or comma, few links. */
export const isGood = (u: Unit): boolean => u.text >= 60 && u.links / u.text < 0.3 && u.stops + u.commas >= 1;

/** A heading that is all link: the headline of a teaser for another story. */
const isLinkedHeading = (u: Unit | undefined): boolean =>
  !!u && /^h[2-6]$/.test(u.tag) && u.links / u.text > 0.8;

/** The blurb under a teaser's linked headline, in the same card. */
export function isTeaserBlurb(w: Walk, u: Unit): boolean {
  const prev = w.units[u.index - 1];
  return u.text < 300 && isLinkedHeading(prev) && prev.el.parentElement === u.el.parentElement;
}

/** Ancestors climbed per walk unit of pace. */
const LEVELS_PER_UNIT = 8;

export function* aggregate(w: Walk, top: Element, unitWeight: (u: Unit) => number, pace: Pace): Generator<void, Map<Element, Agg>> {
  const aggs = new Map<Element, Agg>();
  // The loops run in plain functions, a step at a time: a generator's own loop is slower.
  const climb: Climb = { i: 0, a: null, el: null, level: 0, good: 0, weight: 0 };
  while (addUnits(w, top, unitWeight, pace, aggs, climb) < w.units.length) yield;
  let i = 0;
  while ((i = addControls(w, top, pace, aggs, i)) < w.controls.length) yield;
  return aggs;
}

/**
 * Where addUnits stopped: the next unit, or the unit whose climb is under way
 * (a: the next ancestor to add it to). A climb can stop midway, so a page
 * nesting 10,000 levels deep costs steps, not one long step per paragraph.
 */
interface Climb {
  i: number;
  a: Element | null;
  /** The element that gets the unit's score at this level, and how many levels have had it. */
  el: Element | null;
  level: number;
  good: number;
  weight: number;
}

/** Adds units to their ancestors' sums until the step is spent; returns the index of the next unit to start. */
function addUnits(w: Walk, top: Element, unitWeight: (u: Unit) => number, pace: Pace, aggs: Map<Element, Agg>, c: Climb): number {
  const get = (el: Element): Agg => {
    let a = aggs.get(el);
    if (!a) {
      aggs.set(el, (a = { text: 0, links: 0, good: 0, score: 0, first: Infinity, last: -1, controls: 0 }));
      pace.left--; // a new entry costs about what visiting an element does
    }
    return a;
  };
  while (c.i < w.units.length) {
    const u = w.units[c.i];
    if (!c.a) {
      c.a = u.el;
      c.good = isGood(u) ? u.text : 0;
      c.weight = u.text >= 25 ? unitWeight(u) : 0;
      c.level = 0;
      // A <p> hands its score to its container; a div with its own text is a container itself.
      c.el = u.tag === 'p' || u.tag === 'li' || u.tag === 'tr' || /^h\d$/.test(u.tag) ? u.el.parentElement : u.el;
      if (spent(pace)) return c.i;
    }
    let depth = 0;
    for (let a: Element | null = c.a; a; a = a.parentElement) {
      const g = get(a);
      g.text += u.text;
      g.links += u.links;
      g.good += c.good;
      if (u.index < g.first) g.first = u.index;
      if (u.index > g.last) g.last = u.index;
      if (a === c.el && c.level < 5) {
        g.score += c.weight / (c.level === 0 ? 1 : c.level === 1 ? 2 : c.level * 3);
        c.level++;
        c.el = a.parentElement;
      }
      if (a === top) break;
      if (++depth % LEVELS_PER_UNIT === 0 && spent(pace)) {
        c.a = a.parentElement;
        if (c.a) return c.i;
      }
    }
    c.a = null;
    c.i++;
  }
  return c.i;
}

/** Counts form controls in their ancestors' sums, from index `from` until the step is spent. */
function addControls(w: Walk, top: Element, pace: Pace, aggs: Map<Element, Agg>, from: number): number {
  for (let i = from; i < w.controls.length; ) {
    let depth = 0;
    for (let a: Element | null = w.controls[i++].parentElement; a; a = a.parentElement) {
      const g = aggs.get(a);
      if (g) g.controls++;
      if (a === top) break;
      depth++;
    }
    if (spent(pace, 1 + depth / LEVELS_PER_UNIT)) return i;
  }
  return w.controls.length;
}
