// Finds the mention under a point or a DOM position without touching the
// page: the caret position at the point (caretPositionFromPoint, or WebKit's
// caretRangeFromPoint) is looked up in an index of mention pieces per text
// node, then confirmed against the piece's on-screen boxes (the caret API
// snaps to the nearest text even when the pointer is in a margin).
import type { Mention } from '../extract/types.ts';
import type { NodePiece } from './collect-text.ts';

export interface MentionRef {
  mention: Mention;
  pieces: NodePiece[];
  /** The article block the mention is in (opaque to this module). */
  block: object;
}

export interface HitIndex {
  add(ref: MentionRef): void;
  remove(ref: MentionRef): void;
  at(node: Node, offset: number): MentionRef | undefined;
}

export function createHitIndex(): HitIndex {
  const byNode = new WeakMap<Node, MentionRef[]>();
  return {
    add(ref) {
      for (const p of ref.pieces) {
        const list = byNode.get(p.node);
        if (list) list.push(ref);
        else byNode.set(p.node, [ref]);
      }
    },
    remove(ref) {
      for (const p of ref.pieces) {
        const list = byNode.get(p.node);
        if (!list) continue;
        const i = list.indexOf(ref);
        if (i >= 0) list.splice(i, 1);
      }
    },
    at(node, offset) {
      const list = byNode.get(node);
      if (!list) return undefined;
      // Prefer the shortest span: a figure inside a move is the more specific hit.
      let best: MentionRef | undefined;
      let bestLen = Infinity;
      for (const ref of list) {
        for (const p of ref.pieces) {
          if (p.node === node && p.start <= offset && offset <= p.end) {
            const len = ref.mention.end - ref.mention.start;
            if (len < bestLen) {
              best = ref;
              bestLen = len;
            }
          }
        }
      }
      return best;
    },
  };
}

/** The text position at a viewport point, or null. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (d.caretRangeFromPoint) {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** The viewport boxes of a mention. */
export function rectsOf(ref: MentionRef, doc: Document = document): DOMRect[] {
  const out: DOMRect[] = [];
  for (const p of ref.pieces) {
    if (!p.node.isConnected) continue;
    const r = doc.createRange();
    r.setStart(p.node, p.start);
    r.setEnd(p.node, Math.min(p.end, p.node.length));
    out.push(...r.getClientRects());
  }
  return out;
}

/** The mention under the point, confirmed by geometry. */
export function mentionAtPoint(index: HitIndex, doc: Document, x: number, y: number): { ref: MentionRef; rect: DOMRect } | null {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  const ref = index.at(caret.node, caret.offset);
  if (!ref) return null;
  for (const rect of rectsOf(ref, doc)) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return { ref, rect };
  }
  return null;
}
