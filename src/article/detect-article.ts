// Article-body detection: finds the story's blocks on a page without touching
// it. Works on the live DOM (content script) and on linkedom (CLI, tests).
// Steps: one walk splits the page into paragraph units (collect-units), their
// statistics are summed per container (aggregate), the story's container is
// chosen and widened (choose-root), its blocks are picked (select-blocks), and
// the page is judged an article or not (judge, below). Each step is a
// generator that yields when its share of work is spent (pace.ts), so the
// content script can run detection in slices; detectArticle runs it at once.
import { aggregate } from './aggregate.ts';
import { visibleBlockText, type HiddenCheck } from './block-text.ts';
import { chooseRoot } from './choose-root.ts';
import { collectUnits, type Unit, type Walk } from './collect-units.ts';
import { isArticleType, isListingType, readMeta, textKey, type PageMeta } from './metadata.ts';
import { HIDDEN_CHECK_COST, KEY_CHARS_PER_UNIT, SEARCH_CHARS_PER_UNIT, TEXT_CHARS_PER_UNIT, drain, newPace, spent, type Pace } from './pace.ts';
import { selectBlocks } from './select-blocks.ts';
import { HEADING_TAGS } from './tags.ts';
import { findTitle, findStandfirst } from './title.ts';
import type { ArticleBody } from './types.ts';

export interface DetectOptions {
  /**
   * Layout-aware hidden check for the live page (`layoutHidden` uses getComputedStyle).
   * Asked only about elements that carry attributes, once each. Markup-level
   * hiding (hidden, aria-hidden, inline display:none) is always honoured.
   */
  isHidden?: HiddenCheck;
  /**
   * Work units between two yields of detectArticleSteps (default DEFAULT_STEP:
   * at most about 1 ms on linkedom, less in Chromium; a unit is about one
   * element visited, see pace.ts).
   */
  step?: number;
}

export function detectArticle(doc: Document, options: DetectOptions = {}): ArticleBody {
  // Drained in one go, no other code runs between the steps: the page cannot change.
  return drain(steps(doc, options, false));
}

/**
 * detectArticle in short steps: each `next()` does a bounded amount of work
 * (options.step units) and the last one returns the result, the same as
 * detectArticle's for a page that did not change in between. The content
 * script spreads the steps over idle slices of the main thread.
 *
 * The page may change while the generator is suspended. It never throws for
 * that, and every block and standfirst it returns is in the document when it
 * returns, once each. Text added ahead of the walk is read, text removed
 * ahead of it is not; what changed behind the walk is not seen (removed text
 * still counts in the statistics, though its blocks are dropped; added text
 * is missed), and if the page replaces all children of an element the walk
 * is inside, the rest of that element is skipped. So after a change the
 * result is what detection might find on a page between the two states;
 * the content script detects again when the page changes
 * (src/page/mutation-watch.ts).
 */
export function detectArticleSteps(doc: Document, options: DetectOptions = {}): Generator<void, ArticleBody> {
  return steps(doc, options, true);
}

/** `mayChange`: the caller runs other code between steps, so the page may change meanwhile. */
function* steps(doc: Document, options: DetectOptions, mayChange: boolean): Generator<void, ArticleBody> {
  // linkedom throws on `body` when the markup has no element at all.
  const body = doc.documentElement ? doc.body : null;
  if (!body) return { isArticle: false, reason: 'no <body>', title: '', blocks: [] };
  const pace = newPace(options.step);
  const w = yield* collectUnits(body, pace, options.isHidden);
  let found = yield* detectIn(doc, body, w, options, pace);
  // A cookie wall's modal may set aria-hidden on the whole page behind it: if
  // nothing was found, read the containers aria-hidden hides, once.
  if (!found.isArticle && w.ariaHiddenBlocks > 0) {
    const second = yield* detectIn(doc, body, yield* collectUnits(body, pace, options.isHidden, false), options, pace);
    if (second.isArticle) found = { ...second, reason: `${second.reason}, behind aria-hidden` };
  }
  return mayChange ? yield* settle(found, body, pace) : found;
}

/**
 * Drops the second meeting of a block the page moved ahead of the walk, then,
 * within the last step (no pause after it, so it still holds when the result
 * is returned), blocks the page removed while detection was suspended: an
 * isConnected per block (a flag in browsers). Neither happens on a page that
 * did not change.
 */
function* settle(found: ArticleBody, body: HTMLElement, pace: Pace): Generator<void, ArticleBody> {
  const seen = new Set<Element>();
  let blocks: Element[] = [];
  for (const el of found.blocks) {
    if (!seen.has(el)) blocks.push(el);
    seen.add(el);
    if (spent(pace)) yield;
  }
  const live = body.isConnected;
  if (!live || blocks.some((el) => !el.isConnected)) blocks = live ? blocks.filter((el) => el.isConnected) : [];
  const standfirst = found.standfirst && live && found.standfirst.isConnected ? found.standfirst : undefined;
  if (blocks.length === found.blocks.length && standfirst === found.standfirst) return found;
  const { standfirst: _, ...rest } = found;
  const kept: ArticleBody = { ...rest, blocks, ...(standfirst ? { standfirst } : {}) };
  return blocks.length || !found.isArticle ? kept : { ...kept, isArticle: false, reason: 'the page removed the story during detection' };
}

function* detectIn(doc: Document, body: HTMLElement, w: Walk, options: DetectOptions, pace: Pace): Generator<void, ArticleBody> {
  const meta = yield* readMeta(doc, w.ldScripts, w.itemTypes, pace);
  const texts = new Map<Unit, string>();
  const { isHidden } = options;
  const paidHidden = isHidden && ((el: Element): boolean => { pace.left -= HIDDEN_CHECK_COST; return isHidden(el); });
  const text = (u: Unit): string => {
    let t = texts.get(u);
    if (t === undefined) {
      texts.set(u, (t = visibleBlockText(u.el, paidHidden)));
      pace.left -= 1 + t.length / TEXT_CHARS_PER_UNIT;
    }
    return t;
  };
  const inLdBody = (u: Unit): boolean => {
    const t = text(u);
    const key = textKey(t).slice(0, 80);
    pace.left -= t.length / KEY_CHARS_PER_UNIT + meta.bodyKey.length / SEARCH_CHARS_PER_UNIT;
    return key.length > 20 && meta.bodyKey.includes(key);
  };
  const aggs = yield* aggregate(w, body, (u) => {
    const ld = u.links / u.text;
    let s = (1 + u.commas + Math.min(u.text / 100, 3)) * (1 - ld);
    if (u.boiler) s *= 0.3;
    // JSON-LD articleBody is the publisher's own word on what the story is.
    if (meta.bodyKey && u.text >= 40) s *= inLdBody(u) ? 3 : meta.bodyKey.length >= 300 ? 0.5 : 1;
    return s;
  }, pace);
  const h1 = yield* findTitle(w.h1s, meta.headline, doc.title, pace);
  const choice = yield* chooseRoot(w, aggs, body, pace, meta.bodyKey ? inLdBody : undefined);
  if (!choice) return { isArticle: false, reason: 'no paragraph-like text', title: h1.text, blocks: [] };
  const found = yield* selectBlocks(w, aggs, choice.root, h1.text, text, pace);
  const { el: standfirst, inBody } = yield* findStandfirst(w, h1.el, found, meta.description, text, pace);
  const units = inBody ? found.slice(1) : found;
  const verdict = yield* judge(w, units, choice.root, meta, h1.el !== null, pace);
  return {
    isArticle: verdict.ok,
    reason: verdict.ok ? `${choice.how}${meta.bodyKey ? ', JSON-LD articleBody' : ''}` : verdict.why,
    title: h1.text,
    blocks: units.map((u) => u.el),
    ...(standfirst ? { standfirst } : {}),
  };
}

function* judge(w: Walk, units: Unit[], root: Element, meta: PageMeta, hasH1: boolean, pace: Pace): Generator<void, { ok: boolean; why: string }> {
  const typed = meta.types.some(isArticleType) || meta.ogType === 'article';
  const listing = !typed && meta.types.some(isListingType);
  // Unlinked sentence text of the chosen blocks (a link-rich story still counts, at its unlinked share).
  const good = Math.round(units.reduce((n, u) => n + (u.text >= 40 && u.stops + u.commas > 0 ? u.text - u.links : 0), 0));
  const teasers = yield* countTeasers(w, root, pace);
  if (teasers >= 4 && good < (typed ? 200 : 500) * teasers) return { ok: false, why: `list of ${teasers} teasers, not one story` };
  // Very short stories exist (a two-paragraph brief): the page's own metadata or a headline vouches for them.
  const least = typed ? 100 : hasH1 ? 250 : 400;
  if (good < least) return { ok: false, why: `too little story text (${good} characters)` };
  if (listing && good < 1500) return { ok: false, why: `page says it is a ${meta.types.find(isListingType)}` };
  return { ok: true, why: '' };
}

/**
 * Headline-sized lines that are all link and are a heading or come with a
 * blurb, outside boxes named as boilerplate (a "related" box inside a story is
 * not a teaser list): the shape of a front page, a section page or search results.
 */
function* countTeasers(w: Walk, root: Element, pace: Pace): Generator<void, number> {
  const count = { teasers: 0 };
  // The loop runs in a plain function, a step at a time: a generator's own loop is slower.
  let i = 0;
  while ((i = countSome(w, root, pace, count, i)) < w.units.length) yield;
  return count.teasers;
}

function countSome(w: Walk, root: Element, pace: Pace, count: { teasers: number }, from: number): number {
  for (let i = from; i < w.units.length; i++) {
    // Not before the first unit: a resumed step always moves on.
    if (i > from && spent(pace)) return i;
    const u = w.units[i];
    if (u.text < 20 || u.text > 200 || u.links / u.text < 0.8 || u.stops > 1) continue;
    if (!(root === u.el || root.contains(u.el))) continue;
    if (u.boiler && u.boiler !== root && u.boiler !== u.el && root.contains(u.boiler)) continue;
    const next = w.units[u.index + 1];
    const blurb = next && next.text >= 40 && next.text <= 400 && next.links / next.text < 0.2;
    if (HEADING_TAGS.has(u.tag) || blurb) count.teasers++;
  }
  return w.units.length;
}
