// Chooses the blocks of the story inside the chosen root: everything that holds
// text, minus boxes that are not the story (related links, newsletter sign-ups,
// share bars, captions, bylines) and trailing headings left with nothing below.
import type { Agg } from './aggregate.ts';
import type { Unit, Walk } from './collect-units.ts';
import { HEADING_TAGS } from './tags.ts';

/** Short lines that are furniture, not story: bylines, credits, calls to action. */
const FURNITURE_RE = /^(?:(?:additional )?(?:reporting|writing|editing|compiled|edited|produced|research) by\b|by [\p{Lu}][^.!?]{0,60}$|(?:photo|image|picture|video|graphic)s?(?: credit)?\s*:|advertisement$|sponsored$|story continues below|continue reading|read more\b|related\s*:|click here|sign up\b|subscribe\b|follow us\b|share this\b|(?:published|updated|posted|last updated)\b)/iu;

export function selectBlocks(w: Walk, aggs: Map<Element, Agg>, root: Element, title: string, text: (u: Unit) => string): Unit[] {
  const rootAgg = aggs.get(root)!;
  const excluded = new Map<Element, boolean>();
  const isExcludedBox = (el: Element): boolean => {
    let v = excluded.get(el);
    if (v === undefined) {
      const a = aggs.get(el);
      v = false;
      if (a) {
        const mostOfStory = a.good > 0.5 * rootAgg.good;
        const ld = a.links / Math.max(1, a.text);
        if (w.boilers.has(el) && !mostOfStory) v = true;
        else if (a.controls > 0 && a.text < 600 && !mostOfStory) v = true;
        else if (ld > 0.5 && a.good < 200 && el.localName !== 'p') v = true;
      }
      excluded.set(el, v);
    }
    return v;
  };
  const titleKey = title.trim().toLowerCase();
  const picked: Unit[] = [];
  for (let i = rootAgg.first; i <= rootAgg.last; i++) {
    const u = w.units[i];
    if (u.tag === 'h1' || (u.links / u.text > 0.6 && u.text < 200)) continue;
    let out = false;
    for (let a: Element | null = u.el; a && a !== root; a = a.parentElement) {
      if (isExcludedBox(a)) { out = true; break; }
    }
    if (out) continue;
    if (u.text < 160) {
      const t = text(u);
      if (FURNITURE_RE.test(t) || t.toLowerCase() === titleKey) continue;
    }
    picked.push(u);
  }
  // Headings with nothing of the story after them announce boxes we left out.
  while (picked.length && HEADING_TAGS.has(picked[picked.length - 1].tag)) picked.pop();
  return picked;
}
