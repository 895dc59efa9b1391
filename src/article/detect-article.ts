// Article-body detection: finds the story's blocks on a page without touching
// it. Works on the live DOM (content script) and on linkedom (CLI, tests).
// Steps: one walk splits the page into paragraph units (collect-units), their
// statistics are summed per container (aggregate), the story's container is
// chosen and widened (choose-root), its blocks are picked (select-blocks), and
// the page is judged an article or not (judge, below).
import { aggregate } from './aggregate.ts';
import { visibleBlockText, type HiddenCheck } from './block-text.ts';
import { chooseRoot } from './choose-root.ts';
import { collectUnits, type Unit, type Walk } from './collect-units.ts';
import { isArticleType, isListingType, readMeta, textKey, type PageMeta } from './metadata.ts';
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
}

export function detectArticle(doc: Document, options: DetectOptions = {}): ArticleBody {
  // linkedom throws on `body` when the markup has no element at all.
  const body = doc.documentElement ? doc.body : null;
  if (!body) return { isArticle: false, reason: 'no <body>', title: '', blocks: [] };
  const w = collectUnits(body, options.isHidden);
  const first = detectIn(doc, body, w, options);
  // A cookie wall's modal may set aria-hidden on the whole page behind it: if
  // nothing was found, read the containers aria-hidden hides, once.
  if (first.isArticle || w.ariaHiddenBlocks === 0) return first;
  const second = detectIn(doc, body, collectUnits(body, options.isHidden, false), options);
  return second.isArticle ? { ...second, reason: `${second.reason}, behind aria-hidden` } : first;
}

function detectIn(doc: Document, body: HTMLElement, w: Walk, options: DetectOptions): ArticleBody {
  const meta = readMeta(doc, w.ldScripts, w.itemTypes);
  const texts = new Map<Unit, string>();
  const text = (u: Unit): string => {
    let t = texts.get(u);
    if (t === undefined) texts.set(u, (t = visibleBlockText(u.el, options.isHidden)));
    return t;
  };
  const inLdBody = (u: Unit): boolean => {
    const key = textKey(text(u)).slice(0, 80);
    return key.length > 20 && meta.bodyKey.includes(key);
  };
  const aggs = aggregate(w, body, (u) => {
    const ld = u.links / u.text;
    let s = (1 + u.commas + Math.min(u.text / 100, 3)) * (1 - ld);
    if (u.boiler) s *= 0.3;
    // JSON-LD articleBody is the publisher's own word on what the story is.
    if (meta.bodyKey && u.text >= 40) s *= inLdBody(u) ? 3 : meta.bodyKey.length >= 300 ? 0.5 : 1;
    return s;
  });
  const h1 = findTitle(w.h1s, meta.headline, doc.title);
  const choice = chooseRoot(w, aggs, body, meta.bodyKey ? inLdBody : undefined);
  if (!choice) return { isArticle: false, reason: 'no paragraph-like text', title: h1.text, blocks: [] };
  const found = selectBlocks(w, aggs, choice.root, h1.text, text);
  const { el: standfirst, inBody } = findStandfirst(w, h1.el, found, meta.description, text);
  const units = inBody ? found.slice(1) : found;
  const verdict = judge(w, units, choice.root, meta, h1.el !== null);
  return {
    isArticle: verdict.ok,
    reason: verdict.ok ? `${choice.how}${meta.bodyKey ? ', JSON-LD articleBody' : ''}` : verdict.why,
    title: h1.text,
    blocks: units.map((u) => u.el),
    ...(standfirst ? { standfirst } : {}),
  };
}

function judge(w: Walk, units: Unit[], root: Element, meta: PageMeta, hasH1: boolean): { ok: boolean; why: string } {
  const typed = meta.types.some(isArticleType) || meta.ogType === 'article';
  const listing = !typed && meta.types.some(isListingType);
  // Unlinked sentence text of the chosen blocks (a link-rich story still counts, at its unlinked share).
  const good = Math.round(units.reduce((n, u) => n + (u.text >= 40 && u.stops + u.commas > 0 ? u.text - u.links : 0), 0));
  const teasers = countTeasers(w, root);
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
function countTeasers(w: Walk, root: Element): number {
  let n = 0;
  for (const u of w.units) {
    if (u.text < 20 || u.text > 200 || u.links / u.text < 0.8 || u.stops > 1) continue;
    if (!(root === u.el || root.contains(u.el))) continue;
    if (u.boiler && u.boiler !== root && u.boiler !== u.el && root.contains(u.boiler)) continue;
    const next = w.units[u.index + 1];
    const blurb = next && next.text >= 40 && next.text <= 400 && next.links / next.text < 0.2;
    if (HEADING_TAGS.has(u.tag) || blurb) n++;
  }
  return n;
}
