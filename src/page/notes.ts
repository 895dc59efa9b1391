// The in-page half of notes: the article's text as one string (blocks in
// reading order, one line each) for the W3C selectors, the current selection
// described as selectors, and saved notes anchored back onto the page and
// painted on the 'newsmark-note' highlight. A note that cannot be found is
// reported detached ('note/anchored'), never dropped.
import type { Note, TextPositionSelector, TextQuoteSelector } from '../messages.ts';
import { anchorSpan, describeSpan } from './anchoring.ts';
import { indexOfPoint, staticRangeOf } from './collect-text.ts';
import type { Highlighter } from './highlighter.ts';
import type { BlockState, PageSession } from './page-session.ts';

export interface BodyText {
  text: string;
  blocks: BlockState[];
  /** Start of each block's text in `text`. */
  starts: number[];
}

const SEP = '\n';

export function bodyTextOf(session: PageSession): BodyText {
  const blocks = session.blocksInOrder().filter((st) => st.ct && st.ct.text);
  const starts: number[] = [];
  const parts: string[] = [];
  let at = 0;
  for (const st of blocks) {
    starts.push(at);
    parts.push(st.ct!.text);
    at += st.ct!.text.length + SEP.length;
  }
  return { text: parts.join(SEP), blocks, starts };
}

/** Selectors for the current selection, clipped to the article's blocks; null if it touches none. */
export function selectorsForRange(body: BodyText, range: Range): { quote: TextQuoteSelector; position: TextPositionSelector } | null {
  if (range.collapsed) return null;
  let start = -1;
  let end = -1;
  body.blocks.forEach((st, i) => {
    if (!range.intersectsNode(st.el)) return;
    const ct = st.ct!;
    const inside = (node: Node) => st.el.contains(node);
    const ls = inside(range.startContainer) ? indexOfPoint(ct, range.startContainer, range.startOffset, st.el.ownerDocument) : 0;
    const le = inside(range.endContainer) ? indexOfPoint(ct, range.endContainer, range.endOffset, st.el.ownerDocument) : ct.text.length;
    if (start < 0) start = body.starts[i] + ls;
    end = body.starts[i] + le;
  });
  if (start < 0 || end <= start) return null;
  // Trim the separators and spaces a drag often catches.
  while (start < end && /\s/.test(body.text[start])) start++;
  while (end > start && /\s/.test(body.text[end - 1])) end--;
  if (end <= start) return null;
  return describeSpan(body.text, start, end);
}

/** Paints the span [start, end) of the body text on the note layer, block by block. */
function paintSpan(body: BodyText, start: number, end: number, hl: Highlighter, owner: object) {
  body.blocks.forEach((st, i) => {
    const bs = body.starts[i];
    const be = bs + st.ct!.text.length;
    const s = Math.max(start, bs);
    const e = Math.min(end, be);
    if (s >= e) return;
    const r = staticRangeOf(st.ct!, s - bs, e - bs);
    if (r) hl.add(owner, 'note', r);
  });
}

export interface NotesLayer {
  /** Re-anchors the notes on the current text; returns each note's detached state. */
  anchor(notes: Note[], session: PageSession): Map<string, boolean>;
  clear(): void;
}

export function createNotesLayer(hl: Highlighter): NotesLayer {
  const owner = {};
  return {
    anchor(notes, session) {
      hl.clear(owner);
      const out = new Map<string, boolean>();
      // The whole body's text is only worth building when there is a note to find in it (5 MB pages exist).
      if (!notes.length) return out;
      const body = bodyTextOf(session);
      for (const note of notes) {
        let a = null;
        try {
          a = anchorSpan(body.text, { quote: note.quote, position: note.position });
        } catch {
          a = null;
        }
        if (a) paintSpan(body, a.start, a.end, hl, owner);
        out.set(note.id, !a);
      }
      return out;
    },
    clear: () => hl.clear(owner),
  };
}
