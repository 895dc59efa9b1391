// Article-body detection: finds the story's blocks on a page without touching
// it. Works on the live DOM (content script) and on linkedom (CLI, tests).
import { aggregate, isGood } from './aggregate.ts';
import { blockText, type HiddenCheck } from './block-text.ts';
import { chooseRoot } from './choose-root.ts';
import { collectUnits, type Unit } from './collect-units.ts';
import { isArticleType, isListingType, readMeta, textKey } from './metadata.ts';
import { selectBlocks } from './select-blocks.ts';
import { findTitle, findStandfirst } from './title.ts';
import type { ArticleBody } from './types.ts';

export interface DetectOptions {
  /** Layout-aware hidden check for the live page (e.g. getComputedStyle, used sparingly). */
  isHidden?: HiddenCheck;
}

export function detectArticle(doc: Document, options: DetectOptions = {}): ArticleBody {
  const body = doc.body;
  if (!body) return { isArticle: false, reason: 'no <body>', title: '', blocks: [] };
  const w = collectUnits(body, options.isHidden);
  const meta = readMeta(doc, w.ldScripts, w.itemTypes);
  const texts = new Map<Unit, string>();
  const text = (u: Unit): string => {
    let t = texts.get(u);
    if (t === undefined) texts.set(u, (t = blockText(u.el, options.isHidden)));
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
    if (meta.bodyKey && u.text >= 40 && inLdBody(u)) s *= 2;
    return s;
  });
  const h1 = findTitle(w.h1s, meta.headline, doc.title);
  const choice = chooseRoot(w, aggs, body);
  if (!choice) return { isArticle: false, reason: 'no paragraph-like text', title: h1.text, blocks: [] };
  const units = selectBlocks(w, aggs, choice.root, h1.text, text);
  const standfirst = findStandfirst(w, h1.el, units[0], meta.description, text);
  const verdict = judge(w, units, choice.root, meta);
  return {
    isArticle: verdict.ok,
    reason: verdict.ok ? `${choice.how}${meta.bodyKey ? ', JSON-LD articleBody' : ''}` : verdict.why,
    title: h1.text,
    blocks: units.map((u) => u.el),
    ...(standfirst ? { standfirst } : {}),
  };
}

const ARTICLE_MIN_CHARS = 400;

function judge(w: Walk, units: Unit[], root: Element, meta: ReturnType<typeof readMeta>): { ok: boolean; why: string } {
  const typed = meta.types.some(isArticleType) || meta.ogType === 'article';
  const listing = !typed && meta.types.some(isListingType);
  const good = units.reduce((n, u) => n + (isGood(u) ? u.text : 0), 0);
  const teasers = countTeasers(w, root);
  if (teasers >= 4 && good < 500 * teasers) return { ok: false, why: `list of ${teasers} teasers, not one story` };
  if (good < (typed ? 150 : ARTICLE_MIN_CHARS)) return { ok: false, why: `too little story text (${good} characters)` };
  if (listing && good < 1500) return { ok: false, why: `page says it is a ${meta.types.find(isListingType)}` };
  return { ok: true, why: '' };
}

type Walk = ReturnType<typeof collectUnits>;

/** Headings that are mostly one link, or several <article>s: the shape of a front page or search results. */
function countTeasers(w: Walk, root: Element): number {
  const articles = w.articles.filter((a) => a !== root && root.contains(a)).length;
  let linked = 0;
  for (const u of w.units) {
    if ((u.tag === 'h2' || u.tag === 'h3' || u.tag === 'h4') && u.links / u.text > 0.8 && root.contains(u.el)) linked++;
  }
  return Math.max(articles, linked);
}
