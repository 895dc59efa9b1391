// One read-only pass over the page: splits the visible text into paragraph-like
// units (a block element and its own inline text) with the cheap statistics the
// later steps score on. Nothing else in detection walks the whole tree.
// The walk runs in steps (see pace.ts) and the live page may change while it is
// suspended, so it re-checks its position on every resume (see `repair`).
import { PLAIN, SKIP_TAGS, isBlock, isBoilerWords, look } from './tags.ts';
import type { HiddenCheck } from './block-text.ts';
import { CHARS_PER_UNIT, HIDDEN_CHECK_COST, type Pace } from './pace.ts';

export interface Unit {
  el: Element;
  tag: string;
  /** Characters of the unit's own inline text (whitespace runs count once). */
  text: number;
  /** Of those, characters inside links. */
  links: number;
  commas: number;
  /** Sentence ends: . ! ? followed by a space or the end. */
  stops: number;
  /** Innermost boilerplate-looking ancestor (by class/id words or tag), or null. */
  boiler: Element | null;
  /** First text after an <hr>: what follows a rule is often an appendix ("About Acme", "More stories"). */
  afterRule: boolean;
  /** Starts right after an image: with italic text only, an image caption. */
  afterImage: boolean;
  /** Characters inside <em>, <i> or <small>. */
  emph: number;
  index: number;
}

export interface Walk {
  units: Unit[];
  /** Elements whose class/id or tag say "not the story" (share bars, related boxes, asides...). */
  boilers: Set<Element>;
  /** Visible <h1>s in document order. */
  h1s: Element[];
  /** Form controls (newsletter boxes, search forms): their ancestors get a penalty. */
  controls: Element[];
  /** Elements that say they are the article body (itemprop/property="articleBody"). */
  bodyProps: Element[];
  /** JSON-LD scripts met in the body. */
  ldScripts: Element[];
  /** schema.org microdata types (itemtype) met in the body. */
  itemTypes: string[];
  /** Elements skipped for aria-hidden="true" alone, which held blocks. */
  ariaHiddenBlocks: number;
  /** Set by an <hr>, cleared by the next text. */
  pendingRule: boolean;
  /** Set by an <img>, cleared by the next text. */
  pendingImage: boolean;
}

const BOILER_TAGS = new Set(['aside', 'footer', 'header', 'address']);
// Form fields (not buttons: share and play buttons sit inside stories too).
const CONTROL_TAGS = new Set(['input', 'textarea', 'select']);

/**
 * `honourAriaHidden` false reads what aria-hidden="true" hides: the page
 * behind a cookie wall's modal can carry it.
 */
export function* collectUnits(root: Element, pace: Pace, isHidden?: HiddenCheck, honourAriaHidden = true): Generator<void, Walk> {
  const w: Walk = { units: [], boilers: new Set(), h1s: [], controls: [], bodyProps: [], ldScripts: [], itemTypes: [], ariaHiddenBlocks: 0, pendingRule: false, pendingImage: false };
  const rootUnit = newUnit(root, null, w);
  const stack: Frame[] = [{ el: root, last: null, anchors: null, next: root.firstChild, unit: rootUnit, inLink: false, boiler: null, inEmph: false }];
  for (;;) {
    walkSome(stack, w, pace, isHidden, honourAriaHidden);
    if (!stack.length) break;
    markPlace(stack);
    yield;
    repair(stack);
  }
  const units: Unit[] = [];
  for (const u of w.units) {
    if (u.text > 0) {
      u.index = units.length;
      units.push(u);
    }
  }
  w.units = units;
  return w;
}

function newUnit(el: Element, boiler: Element | null, w: Walk): Unit {
  const u: Unit = { el, tag: el.localName, text: 0, links: 0, commas: 0, stops: 0, boiler, afterRule: false, afterImage: false, emph: 0, index: 0 };
  w.units.push(u);
  return u;
}

const EMPH_TAGS = new Set(['em', 'i', 'small']);
const BLOCKISH_RE = /^(?:div|main|section|article)$/;

/** Where the walk stands in one element: its next child and what that child inherits. */
interface Frame {
  el: Element;
  /** The child taken last (null before the first): where to pick up if `next` was removed. */
  last: ChildNode | null;
  /** Set at a pause: `last` and the siblings before it, where to pick up if both `last` and `next` were removed. */
  anchors: ChildNode[] | null;
  next: ChildNode | null;
  unit: Unit;
  inLink: boolean;
  boiler: Element | null;
  inEmph: boolean;
}

/**
 * Depth-first, in document order, with an explicit stack rather than recursion:
 * a page can nest elements thousands deep (10,000 levels overflowed the call
 * stack, seen in test/e2e/hostile-pages.test.ts). Walks until the stack is
 * empty or the step's units are spent; a plain function, so the hot loop is
 * not a generator's.
 */
function walkSome(stack: Frame[], w: Walk, pace: Pace, isHidden: HiddenCheck | undefined, aria: boolean): void {
  let left = pace.left;
  while (stack.length) {
    if (left <= 0) {
      pace.left = pace.step;
      return;
    }
    const f = stack[stack.length - 1];
    const node = f.next;
    if (!node) {
      stack.pop();
      continue;
    }
    f.last = node;
    f.next = node.nextSibling;
    left--;
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      addText(data, f.unit, f.inLink, f.inEmph, w);
      if (data.length > CHARS_PER_UNIT) left -= data.length / CHARS_PER_UNIT;
      continue;
    }
    if (type !== 1) continue;
    const child = node as Element;
    const tag = child.localName;
    if (tag === 'br') continue;
    if (tag === 'hr') { w.pendingRule = true; continue; }
    if (CONTROL_TAGS.has(tag)) { w.controls.push(child); continue; }
    if (SKIP_TAGS.has(tag)) {
      if (tag === 'img') w.pendingImage = true;
      if (tag === 'script' && child.getAttribute('type') === 'application/ld+json') w.ldScripts.push(child);
      continue;
    }
    const seen = look(child);
    // look() asked the DOM already (every read from a content script crosses into the page's DOM).
    const attrs = seen !== PLAIN;
    if (seen.hidden) {
      // aria-hidden="true" on a container: honoured, but counted, in case it hides the page behind a modal.
      const wrapper = seen.ariaOnly && BLOCKISH_RE.test(tag) && child.firstElementChild !== null;
      if (wrapper && aria) w.ariaHiddenBlocks++;
      if (!wrapper || aria) continue;
    }
    // The layout check is costly on a live page: ask only about elements a stylesheet can single out.
    if (attrs && isHidden) {
      left -= HIDDEN_CHECK_COST;
      if (isHidden(child)) continue;
    }
    let childBoiler = f.boiler;
    if (BOILER_TAGS.has(tag) || isBoilerWords(seen.words) || (attrs && child.getAttribute('role') === 'complementary')) {
      w.boilers.add(child);
      childBoiler = child;
    }
    if (attrs) {
      const prop = child.getAttribute('itemprop') ?? child.getAttribute('property');
      if (prop && /articlebody|content:encoded/i.test(prop)) w.bodyProps.push(child);
      const type = child.getAttribute('itemtype');
      if (type) w.itemTypes.push(type.split('/').pop() ?? '');
    }
    if (isBlock(child, tag)) {
      if (tag === 'h1') w.h1s.push(child);
      // A block inside a link (a teaser card wrapped in <a>) is still link text.
      stack.push({ el: child, last: null, anchors: null, next: child.firstChild, unit: newUnit(child, childBoiler, w), inLink: f.inLink, boiler: childBoiler, inEmph: false });
    } else {
      stack.push({ el: child, last: null, anchors: null, next: child.firstChild, unit: f.unit, inLink: f.inLink || tag === 'a', boiler: childBoiler, inEmph: f.inEmph || EMPH_TAGS.has(tag) });
    }
  }
  pace.left = left;
}

/** Siblings remembered per frame at a pause, for the innermost frames (a 10,000-deep page must not pay per level). */
const ANCHORS = 16;
const ANCHORED_FRAMES = 64;

function markPlace(stack: Frame[]): void {
  for (let i = Math.max(0, stack.length - ANCHORED_FRAMES); i < stack.length; i++) {
    const f = stack[i];
    const anchors: ChildNode[] = [];
    for (let n = f.last; n && anchors.length < ANCHORS; n = n.previousSibling) anchors.push(n);
    f.anchors = anchors;
  }
}

/**
 * After a pause the page may have moved or removed nodes on the walk's path.
 * Frames whose element left its parent are dropped (the walk carries on in
 * the frame below), and every frame reads its next child afresh: after the
 * child it took last or, if the page removed that one, its old next child or
 * after the nearest earlier sibling still there. Only when all of them are
 * gone (the page replaced that element's children wholesale) is the rest of
 * that element skipped. Never throws; never walks a child twice.
 */
function repair(stack: Frame[]): void {
  for (let i = 1; i < stack.length; i++) {
    if (stack[i].el.parentNode !== stack[i - 1].el) { stack.length = i; break; }
  }
  for (const f of stack) {
    if (!f.last) f.next = f.el.firstChild;
    else if (f.last.parentNode === f.el) f.next = f.last.nextSibling;
    else if (!f.next || f.next.parentNode !== f.el) {
      f.next = null;
      for (const a of f.anchors ?? []) if (a.parentNode === f.el) { f.next = a.nextSibling; break; }
    }
    f.anchors = null;
  }
}

function addText(data: string, unit: Unit, inLink: boolean, inEmph: boolean, w: Walk): void {
  let n = 0;
  let space = true;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160) {
      if (!space) { n++; space = true; }
      continue;
    }
    space = false;
    n++;
    if (c === 44 || c === 0xff0c) unit.commas++;
    else if (c === 46 || c === 33 || c === 63 || c === 0x3002) {
      const next = data.charCodeAt(i + 1);
      if (Number.isNaN(next) || next === 32 || next === 10 || next === 160 || next === 0x201d || next === 34) unit.stops++;
    }
  }
  if (n === 0) return;
  if (w.pendingRule) { unit.afterRule = true; w.pendingRule = false; }
  if (w.pendingImage) { unit.afterImage = unit.text === 0; w.pendingImage = false; }
  unit.text += n;
  if (inLink) unit.links += n;
  if (inEmph) unit.emph += n;
}
