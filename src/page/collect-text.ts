// Reads one article block's text the way a reader reads it, plus a map from
// every character of that text back to the DOM (text node + offset), so the
// extractor's offsets can become Ranges without touching the page.
// Normalisation follows blockText() in src/article: runs of whitespace become
// one space, a <br> or the edge of a nested block element becomes a line
// break, nested block elements are left out (they are blocks of their own) and
// the ends are trimmed. We also skip what a reader does not read as prose:
// form fields, contenteditable, code, scripts, and hidden elements.
import { BLOCK_TAGS } from '../article/tags.ts';

export interface CollectedText {
  /** The normalised text handed to the extractor. */
  text: string;
  /** Text nodes the characters come from. */
  nodes: Text[];
  /**
   * Where the characters come from, as runs: triples (first character of the
   * run in `text`, index into `nodes`, offset in that node); the run's
   * characters sit at consecutive offsets of one node. A paragraph that is one
   * text node is one run: a per-character map cost 8 bytes a character, 35 MB
   * on a 5 MB page, and the garbage collector's time grew with it. A plain
   * array of exact size: an Int32Array of three numbers was three objects, 130
   * bytes in Chromium, for every block of the page.
   */
  runs: readonly number[];
}

/** The run holding character `i` (binary search over the run starts): its index in triples. */
function runAt(ct: CollectedText, i: number): number {
  const r = ct.runs;
  let lo = 0;
  let hi = r.length / 3 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (r[mid * 3] <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo * 3;
}

/** The text node and offset of character `i` of the block's text. */
export function pointOf(ct: CollectedText, i: number): { node: Text; offset: number } {
  const k = runAt(ct, i);
  return { node: ct.nodes[ct.runs[k + 1]], offset: ct.runs[k + 2] + i - ct.runs[k] };
}

/** Elements whose content is not prose. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button', 'label',
  'code', 'pre', 'kbd', 'samp', 'var', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'img', 'picture', 'figure', 'figcaption', 'nav', 'dialog', 'map',
]);

/** Class words of visually hidden helpers (screen-reader-only text is not on the page a reader sees). */
const HIDDEN_CLASS_WORDS = ['sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-text', 'a11y-hidden', 'hidden'];

/**
 * Phrasing elements the walk only descends into: a block whose descendants are all of these, with
 * none of the attributes isSkipped() reads (a superset of them: any style, any class word holding
 * a hidden one), is plain text nodes joined, line breaks and cells aside. Said as one native
 * query, a whitelist: a list of every special tag (skipped, block, br, cells) cost Chromium
 * 0.25-0.57 ms per paragraph of 250 <span>s, this 0.09 ms.
 */
const INLINE = 'a,abbr,b,bdi,bdo,cite,data,del,dfn,em,font,i,ins,mark,q,s,small,span,strong,sub,sup,time,u,wbr';
const NOT_PLAIN = [`:not(${INLINE})`, '[hidden]', '[aria-hidden]', '[contenteditable]', '[style]', ...HIDDEN_CLASS_WORDS.map((w) => `[class*="${w}"]`)].join(',');

/**
 * True when the block is plain (see INLINE): its text and map need none of its elements, and a
 * TreeWalker hands over its text nodes alone. Each node a content script touches gets a wrapper
 * (in Chromium's isolated world held by a weak handle that every young-generation collection
 * visits), and on a page of 50,000 one-word <span>s those collections made the long slices:
 * the plain read touches the 500 text nodes of a paragraph there, not all 750 nodes.
 */
const isPlain = (block: Element) => block.querySelector(NOT_PLAIN) === null;

/** The characters JavaScript's \s matches (what blockText collapses), without a regex per character. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** An inline style that hides the element (declarations are separated by ";", so no backtracking across them). */
const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** A class list holding one of HIDDEN_CLASS_WORDS. */
const HIDDEN_CLASS = new RegExp(`(?:^|\\s)(?:${HIDDEN_CLASS_WORDS.join('|')})(?:\\s|$)`);

/**
 * True when the element's text is not read as prose (editable, code, hidden by
 * markup). Cheap: no layout or style reads, because this runs between our own
 * highlight updates and a forced style recalculation there costs a big page
 * milliseconds per call. Layout-hidden blocks are filtered once, up front
 * (isLaidOutHidden).
 */
export function isSkipped(el: Element, tag = el.localName): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  // Most inline elements carry no attribute at all: nothing more to ask (each question crosses into the DOM).
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  // The attribute, not isContentEditable: we never descend into a skipped element, so an
  // editable ancestor inside the block has already cut the walk; the block itself is checked
  // with isContentEditable once (isEditableBlock).
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  // The style attribute's text, not el.style: that would build an inline-style object on every element we pass.
  const style = el.getAttribute('style');
  if (style && INLINE_HIDDEN.test(style)) return true;
  const cls = el.getAttribute('class');
  return !!cls && HIDDEN_CLASS.test(cls);
}

/** The block sits inside an editor (a contenteditable ancestor): not prose to highlight. */
export function isEditableBlock(el: Element): boolean {
  return !!(el as HTMLElement).isContentEditable;
}

/** Hidden by layout (display:none, visibility:hidden, content-visibility:hidden). Reads style: call in batches. */
export function isLaidOutHidden(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return !!check && !check.call(el, { visibilityProperty: true });
}

/**
 * Collects the block's prose text. `isNestedBlock` lets the caller skip
 * descendants that are blocks of their own (a <p> inside a <blockquote>),
 * so no text is scanned twice. `plainOk` says that every such block is a block
 * element or a table cell (what article detection returns): a plain block
 * (isPlain) has none, and its text nodes are read without visiting its elements.
 */
export function collectText(block: Element, isNestedBlock: (el: Element) => boolean = () => false, plainOk = true): CollectedText {
  const nodes: Text[] = [];
  // Few allocations on purpose: a 50,000-word page runs this for every block, and
  // per-character garbage shows up as GC pauses inside our time slices.
  const chunks: string[] = [];
  let len = 0;
  let nRuns = 0;
  /** Maps the next `count` characters (text index len on) to node n from offset o: extends the last run or starts one. */
  const mapChars = (n: number, o: number, count: number) => {
    const k = (nRuns - 1) * 3;
    if (nRuns === 0 || scratch[k + 1] !== n || scratch[k + 2] + len - scratch[k] !== o) {
      scratch[nRuns * 3] = len;
      scratch[nRuns * 3 + 1] = n;
      scratch[nRuns * 3 + 2] = o;
      nRuns++;
    }
    len += count;
  };
  // Whitespace seen since the last emitted character, emitted lazily so runs collapse
  // to one separator (a line break wins over a space) and the ends are trimmed.
  let pendingCh = '';
  let pendingNode = 0;
  let pendingOffset = 0;
  const setPending = (ch: string, n: number, o: number) => {
    if (len === 0) return;
    if (pendingCh === '') {
      pendingNode = n;
      pendingOffset = o;
    }
    if (pendingCh !== '\n') pendingCh = ch;
  };
  /** A separator placed just after the last character emitted. */
  const afterLast = (ch: string) => {
    if (len === 0) return;
    const k = (nRuns - 1) * 3;
    setPending(ch, scratch[k + 1], scratch[k + 2] + len - scratch[k]);
  };

  const addText = (node: Text) => {
    const data = node.data;
    if (!data) return;
    const n = nodes.push(node) - 1;
    let i = 0;
    while (i < data.length) {
      if (isSpace(data.charCodeAt(i))) {
        setPending(' ', n, i);
        i++;
        continue;
      }
      if (pendingCh !== '') {
        chunks.push(pendingCh);
        mapChars(pendingNode, pendingOffset, 1);
        pendingCh = '';
      }
      const start = i;
      while (i < data.length && !isSpace(data.charCodeAt(i))) i++;
      mapChars(n, start, i - start);
      chunks.push(start === 0 && i === data.length ? data : data.slice(start, i));
    }
  };
  // Exact-size copies: these are kept for the block's life, and an array grown by push has room for 17.
  const done = () => ({ text: chunks.join(''), nodes: nodes.slice(), runs: scratch.slice(0, nRuns * 3) });

  if (plainOk && isPlain(block)) {
    // Only its text nodes: a TreeWalker steps over the elements natively, making no wrapper for them.
    const walker = block.ownerDocument.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) addText(t as Text);
    return done();
  }

  // Iterative walk (not recursion): a hostile page can nest inline elements
  // thousands deep, which would overflow the stack.
  let child: Node | null = block.firstChild;
  while (child) {
    const type = child.nodeType;
    if (type === 3) {
      addText(child as Text);
    } else if (type === 1) {
      const el = child as Element;
      const tag = el.localName;
      if (tag === 'br' || isNestedBlock(el) || BLOCK_TAGS.has(tag)) afterLast('\n');
      else {
        if (tag === 'td' || tag === 'th') afterLast(' ');
        const first = isSkipped(el, tag) ? null : el.firstChild;
        if (first) {
          child = first;
          continue;
        }
      }
    }
    // Next sibling, climbing back up as far as needed (never above the block). Each property read is a call
    // into the DOM (in Firefox through a content script's wrapper), so each is read once.
    let next: Node | null = null;
    while (child && child !== block && !(next = child.nextSibling)) child = child.parentNode;
    child = next;
  }
  return done();
}
/** The runs of the block being read: one buffer reused by every call (sliced to size at the end), written in order so it stays packed. */
const scratch: number[] = [];

/** One text node's share of a span: [start, end) in node offsets. */
export interface NodePiece {
  node: Text;
  start: number;
  end: number;
}

/** Splits the text span [start, end) into per-text-node pieces (a mention across <a> or <b> has several). */
export function piecesOf(ct: CollectedText, start: number, end: number): NodePiece[] {
  const out: NodePiece[] = [];
  if (start < 0 || end > ct.text.length || start >= end) return out;
  const r = ct.runs;
  let cur: NodePiece | null = null;
  for (let k = runAt(ct, start); k < r.length && r[k] < end; k += 3) {
    const from = Math.max(start, r[k]);
    const to = Math.min(end, k + 3 < r.length ? r[k + 3] : ct.text.length);
    const node = ct.nodes[r[k + 1]];
    const a = r[k + 2] + from - r[k];
    const b = r[k + 2] + to - r[k];
    // Characters of one node belong to one piece, across whitespace that was collapsed between them.
    if (cur && cur.node === node && a >= cur.end - 1) {
      cur.end = b;
    } else {
      cur = { node, start: a, end: b };
      out.push(cur);
    }
  }
  return out;
}

/** The span as a StaticRange (does not slow the page's DOM mutations as live Ranges do). */
export function staticRangeOf(ct: CollectedText, start: number, end: number): StaticRange | null {
  if (start < 0 || end > ct.text.length || start >= end) return null;
  const a = pointOf(ct, start);
  const b = pointOf(ct, end - 1);
  return new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset + 1 });
}

/** The span as a live Range (for geometry and selections). */
export function rangeOf(ct: CollectedText, start: number, end: number, doc: Document = document): Range | null {
  if (start < 0 || end > ct.text.length || start >= end) return null;
  const a = pointOf(ct, start);
  const b = pointOf(ct, end - 1);
  const r = doc.createRange();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset + 1);
  return r;
}

/**
 * The text index of a DOM boundary point: the first character at or after the
 * point (text.length when the point is past the block's last character).
 * Binary search with Range.comparePoint, so it works for element containers too.
 */
export function indexOfPoint(ct: CollectedText, container: Node, offset: number, doc: Document = document): number {
  const probe = doc.createRange();
  probe.setStart(container, offset);
  probe.collapse(true);
  let lo = 0;
  let hi = ct.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // comparePoint: -1 when the character's position is before the probe point.
    const p = pointOf(ct, mid);
    const cmp = probe.comparePoint(p.node, p.offset);
    if (cmp < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
