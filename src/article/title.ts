// The headline and the standfirst (sub-heading) of the story.
import type { Unit, Walk } from './collect-units.ts';
import { textKey } from './metadata.ts';
import { blockText } from './block-text.ts';
import { TEXT_CHARS_PER_UNIT, spent, type Pace } from './pace.ts';

/** The visible <h1> that best matches what the page's metadata calls its headline. */
export function* findTitle(h1s: Element[], headline: string, docTitle: string, pace: Pace): Generator<void, { el: Element | null; text: string }> {
  const wanted = textKey(headline || docTitle || '');
  let best: { el: Element | null; text: string } = { el: null, text: '' };
  let bestScore = -1;
  for (const el of h1s) {
    if (spent(pace)) yield;
    const t = blockText(el).replace(/\n/g, ' ');
    pace.left -= t.length / TEXT_CHARS_PER_UNIT;
    if (t.length < 4) continue;
    const key = textKey(t);
    const score = wanted && key ? overlap(key, wanted) : 0.01;
    if (score > bestScore) { bestScore = score; best = { el, text: t }; }
  }
  if (best.el && (bestScore >= 0.5 || !wanted)) return best;
  if (headline) return { el: best.el, text: headline.trim() };
  const cleaned = (docTitle ?? '').split(/\s+[|\u2013\u2014-]\s+/)[0].trim();
  return { el: best.el, text: best.text || cleaned };
}

/** Share of the words of `a` found in `b`. */
function overlap(a: string, b: string): number {
  const words = a.split(' ');
  const have = new Set(b.split(' '));
  return words.filter((x) => have.has(x)).length / words.length;
}

const STANDFIRST_RE = /(?:^| )(?:standfirst|dek|deck|subtitle|sub title|subheadline|sub headline|subhead|summary|description|lede|lead|intro|strapline|teaser text|excerpt|abstract)(?= |$)/;
/** Inside the body only unambiguous names count: "lead" or "intro" there is the first paragraph. */
const STRONG_STANDFIRST_RE = /(?:^| )(?:standfirst|dek|deck|subtitle|sub title|subheadline|sub headline|subhead|strapline)(?= |$)/;

const wordsOf = (el: Element): string =>
  `${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''}`.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/[^a-z]+/g, ' ');

/**
 * The sub-heading between the headline and the body: an element marked as
 * such (class words, itemprop="description") or repeating the page's
 * description. `blocks` are the body's units; a standfirst found as the first
 * of them (marked unambiguously) is taken out of the body.
 */
export function* findStandfirst(w: Walk, h1: Element | null, blocks: Unit[], description: string, text: (u: Unit) => string, pace: Pace): Generator<void, { el?: Element; inBody: boolean }> {
  const first = blocks[0];
  if (!h1 || !first) return { inBody: false };
  if (first.text <= 600 && STRONG_STANDFIRST_RE.test(wordsOf(first.el)) && blocks.length > 1) return { el: first.el, inBody: true };
  const descKey = textKey(description).slice(0, 60);
  let seen = false;
  for (const u of w.units) {
    if (spent(pace)) yield;
    if (u.el === h1) { seen = true; continue; }
    if (!seen) continue;
    if (u === first || u.el.contains(first.el)) break;
    if (u.text < 30 || u.text > 600 || u.links / u.text > 0.3) continue;
    if (STANDFIRST_RE.test(wordsOf(u.el)) || (descKey.length > 20 && textKey(text(u)).startsWith(descKey))) return { el: u.el, inBody: false };
  }
  return { inBody: false };
}
