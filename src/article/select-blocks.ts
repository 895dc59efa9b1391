// Chooses the blocks of the story inside the chosen root: everything that holds
// text, minus boxes that are not the story (related links, newsletter sign-ups,
// share bars, captions, bylines) and trailing headings left with nothing below.
import { isTeaserBlurb, type Agg } from './aggregate.ts';
import type { Unit, Walk } from './collect-units.ts';
import { HEADING_TAGS } from './tags.ts';
import { spent, type Pace } from './pace.ts';

/** Lines that are furniture, not story: bylines, credits, calls to action (checked on lines under 250 characters). */
const FURNITURE_RE = /^(?:(?:additional )?(?:reporting|writing|editing|compiled|edited|produced|research) by\b|(?:photo|image|picture|video|graphic)s?(?: credit)?\s*:|story continues below|continue reading|read more\b|related\s*:|click here|share this\b|image \d+ of \d+$|email [^@]{1,40} at \S+@)/iu;
/** The same, for lines under 80 characters only: too common as the start of a real sentence otherwise. */
const SHORT_FURNITURE_RE = /^(?:by [\p{Lu}][^.!?]*$|advertisement\b|sponsored\b|sign up\b|subscribe\b|listen to\b|(?:published|updated|posted|last updated)\b.*\d)/iu;
/** "Follow us on Twitter", "... or follow him @tmalik. Follow The Times on Facebook". */
const FOLLOW_RE = /(?:^|[.!?]\s+)Follow\b.{0,80}\b(?:Twitter|Facebook|Instagram|LinkedIn|YouTube|TikTok|Threads|Bluesky|X)\b/u;
const PROMO_RE = /\bletters? to the editor\b|\bsign up\b.{0,60}\bnewsletters?\b|\bnewsletters?\b.{0,60}\bsign up\b|\bsubscribe to\b.{0,60}\bnewsletters?\b/i;

/** Photo credits: "(Photo by Jane Doe/Getty Images)", "Jane Doe/AP". */
const CREDIT_RE = /^\(?(?:photo|image|picture)s?\s*(?:by\b|credit\b|:)|\/\s*(?:getty images|ap|afp|reuters|shutterstock|bloomberg|epa|ap photo)\)?$/i;
/** A dateline on its own: "November 18, 2019 7:45 am PST", "Updated: 26/03/2026 17:12". */
const MONTH_RE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/i;
const isDateLine = (t: string): boolean => t.length < 50 && !/[.!?]$/.test(t) && t.split(' ').length <= 8 && MONTH_RE.test(t);

const isFurniture = (t: string): boolean =>
  FURNITURE_RE.test(t) || FOLLOW_RE.test(t) || PROMO_RE.test(t) ||
  (t.length < 80 && (SHORT_FURNITURE_RE.test(t) || CREDIT_RE.test(t))) || isDateLine(t);

export function* selectBlocks(w: Walk, aggs: Map<Element, Agg>, root: Element, title: string, text: (u: Unit) => string, pace: Pace): Generator<void, Unit[]> {
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
        else if (ld > 0.3) { v = isLinkList(el); pace.left -= el.childElementCount / 8; }
      }
      excluded.set(el, v);
    }
    return v;
  };
  const pick: Picking = { w, root, titleKey: title.trim().toLowerCase(), text, isExcludedBox, picked: [] };
  // The loop runs in a plain function, a step at a time: a generator's own loop is slower.
  let i = rootAgg.first;
  while ((i = pickSome(pick, i, rootAgg.last, pace)) <= rootAgg.last) yield;
  const { picked } = pick;
  // Headings with nothing of the story after them announce boxes we left out.
  while (picked.length && isHeadingLike(picked[picked.length - 1])) picked.pop();
  return picked;
}

interface Picking {
  w: Walk;
  root: Element;
  titleKey: string;
  text: (u: Unit) => string;
  isExcludedBox: (el: Element) => boolean;
  picked: Unit[];
}

/** Picks the story's units from index `from` to `last` until the step is spent; returns where it stopped. */
function pickSome({ w, root, titleKey, text, isExcludedBox, picked }: Picking, from: number, last: number, pace: Pace): number {
  for (let i = from; i <= last; i++) {
    // Not before the first unit: a resumed step always moves on.
    if (i > from && spent(pace)) return i;
    const u = w.units[i];
    if (u.tag === 'h1' || isTeaserBlurb(w, u)) continue;
    // An italic line right under an image is its caption.
    if (u.afterImage && u.text < 200 && u.emph / u.text > 0.8) continue;
    let out = u.links / u.text > 0.6 && u.text < 200;
    for (let a: Element | null = u.el; a && a !== root && !out; a = a.parentElement) {
      if (isExcludedBox(a)) out = true;
    }
    if (out) {
      // A heading-like line right before a box we dropped was that box's title ("More:", "Read more").
      const prev = picked[picked.length - 1];
      if (prev && prev.index === i - 1 && isHeadingLike(prev)) picked.pop();
      continue;
    }
    if (u.text < 250) {
      const t = text(u);
      if (isFurniture(t) || t.toLowerCase() === titleKey) continue;
    }
    picked.push(u);
  }
  return last + 1;
}

/** A heading, or a short line without a sentence end that is not a list item ("More:", "Read next"). */
const isHeadingLike = (u: Unit): boolean => HEADING_TAGS.has(u.tag) || (u.text < 60 && u.stops === 0 && u.tag !== 'li' && u.tag !== 'tr');

/** A list whose every item carries a link: "more stories", "related", tag lists. */
function isLinkList(el: Element): boolean {
  if (el.localName !== 'ul' && el.localName !== 'ol') return false;
  let items = 0;
  for (const li of el.children) {
    if (li.localName !== 'li') continue;
    items++;
    if (!li.querySelector('a')) return false;
  }
  return items >= 2;
}
