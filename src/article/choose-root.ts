// Picks the element that holds the story: the container the paragraphs below
// score highest (Readability's scheme: a paragraph's score goes to its parent,
// half to the grandparent, less further up), weighed by link density, class
// names and schema.org markers; then widened to ancestors while they only add
// more story (bodies split into chunks or columns), never sidebars, comments,
// teasers, appendices after a rule, or the next story of an endless page.
import { isGood, isTeaserBlurb, type Agg } from './aggregate.ts';
import type { Unit, Walk } from './collect-units.ts';
import { classWords, isBoilerWords, isContentWords, isStrongContentWords } from './tags.ts';
import { spent, type Pace } from './pace.ts';

export interface RootChoice {
  root: Element;
  /** How the root was found, for `reason`. */
  how: string;
}

/**
 * `inLd`, when the page has a JSON-LD articleBody, tells whether a unit's text
 * is in it; if the chosen container's text mostly is, text that is not does
 * not count as more story when widening.
 */
export function* chooseRoot(w: Walk, aggs: Map<Element, Agg>, body: Element, pace: Pace, inLd?: (u: Unit) => boolean): Generator<void, RootChoice | null> {
  const bodyProps = new Set(w.bodyProps);
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, a] of aggs) {
    // Charged for every element summed, scored or not: a 10,000-level page has that many.
    if (spent(pace)) yield;
    if (a.score <= 0 || el.localName === 'html') continue;
    let s = a.score * (1 - a.links / Math.max(1, a.text));
    const words = classWords(el);
    if (isStrongContentWords(words)) s *= 1.5;
    else if (isContentWords(words)) s *= 1.2;
    if (w.boilers.has(el) || isBoilerWords(words)) s *= 0.5;
    if (bodyProps.has(el)) s *= 1.6;
    if (el.localName === 'article') s *= 1.1;
    if (a.controls > 2) s *= 0.8;
    if (s > bestScore) { bestScore = s; best = el; }
  }
  if (!best) return null;
  let how = bodyProps.has(best) ? 'itemprop articleBody' : 'best-scored container';
  // Widen to an ancestor while that adds story text and little else. Levels
  // that add nothing (a grid cell around the body) are looked through.
  let root = best;
  const ldCovers = inLd ? (yield* coverage(w, aggs.get(best)!, inLd, pace)) >= 0.5 : false;
  const isStory = (u: Unit): boolean => isGood(u) && !isTeaserBlurb(w, u) && (!ldCovers || inLd!(u));
  for (let p = root === body ? null : root.parentElement; p && p.localName !== 'html'; p = p.parentElement) {
    const inner = aggs.get(root)!;
    const outer = aggs.get(p);
    if (!outer || w.boilers.has(p)) break;
    if (spent(pace)) yield;
    // Holds no other text: looked through at once (a wrapper of a wrapper, up to 10,000 deep on hostile pages).
    if (outer.first === inner.first && outer.last === inner.last) continue;
    let goodExtra = 0;
    let allExtra = 0;
    let appendix = false;
    for (let i = outer.first; i <= outer.last; i++) {
      if (i >= inner.first && i <= inner.last) continue;
      const u = w.units[i];
      // Text after a rule that follows the story is an appendix, not more story.
      if (i > inner.last && u.afterRule) appendix = true;
      // Another headline: the next story of an endless-scroll page, not more of this one.
      if (u.tag === 'h1') { goodExtra = -1; break; }
      allExtra += u.text;
      if (!appendix && isStory(u) && !(u.boiler && u.boiler !== p && p.contains(u.boiler))) goodExtra += u.text;
      if (spent(pace)) yield;
    }
    if (goodExtra < 0) break;
    if (allExtra < 50) continue;
    if (goodExtra < Math.max(80, 0.2 * inner.good) || goodExtra < 0.5 * allExtra) break;
    root = p;
    how = 'story split over several containers';
  }
  // The publisher's own marker (itemprop/property="articleBody") around the chosen root wins.
  for (let a = root === body ? null : root.parentElement; a && a !== body; a = a.parentElement) {
    if (bodyProps.has(a)) { root = a; how = 'itemprop articleBody'; break; }
    if (spent(pace)) yield;
  }
  return { root, how };
}

/** Share of a container's good text that the JSON-LD articleBody holds. */
function* coverage(w: Walk, a: Agg, inLd: (u: Unit) => boolean, pace: Pace): Generator<void, number> {
  let good = 0;
  let found = 0;
  for (let i = a.first; i <= a.last; i++) {
    const u = w.units[i];
    if (spent(pace)) yield;
    if (!isGood(u)) continue;
    good += u.text;
    if (inLd(u)) found += u.text;
  }
  return good ? found / good : 0;
}
