// Reads one article block's text the way a reader reads it, plus a map from
// every character of that text back to the DOM (text node + offset), so the
// extractor's offsets can become Ranges without touching the page.
// Normalisation follows blockText() in src/article: runs of whitespace become
// one space, a <br> or the edge of a nested block element becomes a line
// break, nested block elements are left out (they are blocks of their own) and
// the ends are trimmed. We also skip what a reader does not read as prose:
// form fields, contenteditable, code, scripts, and elements hidden by layout.
import { BLOCK_TAGS } from '../article/tags.ts';

export interface CollectedText {
  /** The normalised text handed to the extractor. */
  text: string;
  /** Text nodes the characters come from. */
  nodes: Text[];
  /** For each character of `text`: index into `nodes`. */
  node: Uint32Array;
  /** For each character of `text`: offset inside that node. */
  offset: Uint32Array;
}

/** Elements whose content is not prose. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button', 'label',
  'code', 'pre', 'kbd', 'samp', 'var', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'img', 'picture', 'figure', 'figcaption', 'nav', 'dialog', 'map',
]);

/** The characters JavaScript's \s matches (what blockText collapses), without a regex per character. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when the element's text is not read as prose (editable, code, hidden, ...). */
export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const html = el as HTMLElement;
  if (html.isContentEditable) return true;
  // checkVisibility covers display:none, content-visibility:hidden and visibility:hidden
  // without us reading computed styles ourselves; older engines lack it.
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (check && !check.call(el, { visibilityProperty: true })) return true;
  return false;
}

/**
 * Collects the block's prose text. `isNestedBlock` lets the caller skip
 * descendants that are blocks of their own (a <p> inside a <blockquote>),
 * so no text is scanned twice.
 */
export function collectText(block: Element, isNestedBlock: (el: Element) => boolean = () => false): CollectedText {
  const nodes: Text[] = [];
  const chars: string[] = [];
  const nodeIdx: number[] = [];
  const offs: number[] = [];
  // pendingSpace: whitespace seen since the last emitted character; emitted lazily
  // so runs collapse to one separator (a line break wins over a space) and the ends are trimmed.
  let pendingSpace: { node: number; offset: number; ch: string } | null = null;
  const lineBreak = () => {
    if (chars.length === 0) return;
    const at = pendingSpace ?? { node: nodeIdx[nodeIdx.length - 1], offset: offs[offs.length - 1] + 1 };
    pendingSpace = { ...at, ch: '\n' };
  };

  const emit = (c: string, n: number, o: number) => {
    if (pendingSpace && chars.length > 0) {
      chars.push(pendingSpace.ch);
      nodeIdx.push(pendingSpace.node);
      offs.push(pendingSpace.offset);
    }
    pendingSpace = null;
    chars.push(c);
    nodeIdx.push(n);
    offs.push(o);
  };

  const visit = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const t = child as Text;
        const data = t.data;
        if (!data) continue;
        const n = nodes.push(t) - 1;
        for (let i = 0; i < data.length; i++) {
          if (isSpace(data.charCodeAt(i))) {
            if (!pendingSpace) pendingSpace = { node: n, offset: i, ch: ' ' };
          } else emit(data[i], n, i);
        }
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.localName;
        if (tag === 'br' || isNestedBlock(el) || BLOCK_TAGS.has(tag)) {
          lineBreak();
          continue;
        }
        if (tag === 'td' || tag === 'th') {
          if (chars.length && !pendingSpace) pendingSpace = { node: nodeIdx[nodeIdx.length - 1], offset: offs[offs.length - 1] + 1, ch: ' ' };
        }
        if (isSkipped(el)) continue;
        visit(el);
      }
    }
  };
  visit(block);
  return { text: chars.join(''), nodes, node: Uint32Array.from(nodeIdx), offset: Uint32Array.from(offs) };
}

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
  let cur: NodePiece | null = null;
  for (let i = start; i < end; i++) {
    const n = ct.nodes[ct.node[i]];
    const o = ct.offset[i];
    if (cur && cur.node === n && o >= cur.end - 1) {
      cur.end = o + 1;
    } else {
      cur = { node: n, start: o, end: o + 1 };
      out.push(cur);
    }
  }
  return out;
}

/** The span as a StaticRange (does not slow the page's DOM mutations as live Ranges do). */
export function staticRangeOf(ct: CollectedText, start: number, end: number): StaticRange | null {
  if (start < 0 || end > ct.text.length || start >= end) return null;
  return new StaticRange({
    startContainer: ct.nodes[ct.node[start]],
    startOffset: ct.offset[start],
    endContainer: ct.nodes[ct.node[end - 1]],
    endOffset: ct.offset[end - 1] + 1,
  });
}

/** The span as a live Range (for geometry and selections). */
export function rangeOf(ct: CollectedText, start: number, end: number, doc: Document = document): Range | null {
  if (start < 0 || end > ct.text.length || start >= end) return null;
  const r = doc.createRange();
  r.setStart(ct.nodes[ct.node[start]], ct.offset[start]);
  r.setEnd(ct.nodes[ct.node[end - 1]], ct.offset[end - 1] + 1);
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
    const cmp = probe.comparePoint(ct.nodes[ct.node[mid]], ct.offset[mid]);
    if (cmp < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
