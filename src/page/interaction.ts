// Pointer and keyboard access to the highlights: hovering a mention (after a
// short dwell) or clicking it opens its card; Alt+Shift+ArrowDown / ArrowUp
// step through the visible mentions in reading order, scroll each into view,
// mark it on the 'newsmark-current' layer and open its card with focus on its
// first button (Tab moves between the actions, Esc closes and returns focus).
// Clicks are never prevented, so links inside mentions work as before.
import type { Mention } from '../extract/types.ts';
import { createCard, type CardAction, type CardModel, type CardView } from './card.tsx';
import type { Highlighter } from './highlighter.ts';
import { mentionAtPoint, rectsOf, type MentionRef } from './hit-test.ts';
import type { PageSession } from './page-session.ts';

export interface InteractionOptions {
  doc: Document;
  highlighter: Highlighter;
  session(): PageSession | null;
  /** Extra facts for the card (exchange, role) from the page summary. */
  detailOf?(m: Mention): string | undefined;
  /** How often the page mentions the same thing, if the caller knows better than the session's own count. */
  countOf?(m: Mention): number | undefined;
  onAction(action: 'panel' | 'note' | 'hide', ref: MentionRef): void;
}

const HOVER_DELAY_MS = 150;
const LEAVE_DELAY_MS = 350;

export interface Interaction {
  card: CardView;
  /** Opens the card of a mention (keyboard or scroll-to), scrolling it into view. */
  focusMention(ref: MentionRef, options?: { focusCard?: boolean }): void;
  step(dir: 1 | -1): MentionRef | null;
  stop(): void;
}

function isEditable(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || el.nodeType !== 1) return false;
  return el.isContentEditable || /^(input|textarea|select)$/i.test(el.localName);
}

export function createInteraction(o: InteractionOptions): Interaction {
  const { doc, highlighter } = o;
  const win = doc.defaultView!;
  let shown: MentionRef | null = null;
  let pinned = false;
  let current: MentionRef | null = null;
  const currentOwner = {};
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let lastPoint = { x: 0, y: 0 };

  const card = createCard(doc, (action: CardAction, _model: CardModel) => {
    const ref = shown;
    if (action === 'close') return hide(true);
    if (action === 'next' || action === 'prev') return void step(action === 'next' ? 1 : -1);
    if (!ref) return;
    if (action === 'hide') hide(true);
    o.onAction(action, ref);
  });

  function modelOf(ref: MentionRef): CardModel {
    const s = o.session();
    const count = o.countOf?.(ref.mention) ?? s?.countOf(ref.mention) ?? 1;
    return { mention: ref.mention, count: Math.max(1, count), detail: o.detailOf?.(ref.mention) };
  }

  function show(ref: MentionRef, rect: DOMRect, options: { pin?: boolean; focus?: boolean } = {}) {
    clearTimeout(leaveTimer);
    shown = ref;
    pinned = !!options.pin;
    card.show(modelOf(ref), rect, { focus: options.focus });
  }

  function hide(force = false) {
    if (!force && (pinned || card.hovered())) return;
    shown = null;
    pinned = false;
    card.hide();
    highlighter.clear(currentOwner);
  }

  const visible = (ref: MentionRef) => highlighter.visible(ref.mention.category);

  function onPointerMove(e: PointerEvent) {
    lastPoint = { x: e.clientX, y: e.clientY };
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      const s = o.session();
      if (!s || !highlighter.state().enabled || card.hovered()) return;
      const hit = mentionAtPoint(s.hits, doc, lastPoint.x, lastPoint.y);
      if (hit && visible(hit.ref)) {
        clearTimeout(leaveTimer);
        if (shown === hit.ref) return;
        clearTimeout(hoverTimer);
        hoverTimer = setTimeout(() => show(hit.ref, hit.rect), shown ? 0 : HOVER_DELAY_MS);
      } else {
        clearTimeout(hoverTimer);
        if (shown && !pinned) {
          clearTimeout(leaveTimer);
          leaveTimer = setTimeout(() => hide(), LEAVE_DELAY_MS);
        }
      }
    });
  }

  function onClick(e: MouseEvent) {
    const host = card.host();
    if (host && e.composedPath().includes(host)) return;
    const s = o.session();
    const hit = s && highlighter.state().enabled ? mentionAtPoint(s.hits, doc, e.clientX, e.clientY) : null;
    if (hit && visible(hit.ref)) show(hit.ref, hit.rect, { pin: true });
    else if (card.isOpen()) hide(true);
  }

  function onKey(e: KeyboardEvent) {
    if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const host = card.host();
    if (host && e.composedPath().includes(host)) return; // the card handles its own keys
    if (isEditable(e.target) || !o.session() || !highlighter.state().enabled) return;
    if (step(e.key === 'ArrowDown' ? 1 : -1)) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  function focusMention(ref: MentionRef, options: { focusCard?: boolean } = {}) {
    const first = ref.pieces[0];
    if (!first || !first.node.isConnected) return;
    let rects = rectsOf(ref, doc);
    const r = rects[0];
    if (r && (r.top < 0 || r.bottom > win.innerHeight)) {
      win.scrollBy({ top: r.top - win.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
      rects = rectsOf(ref, doc);
    }
    highlighter.clear(currentOwner);
    for (const p of ref.pieces) {
      highlighter.add(currentOwner, 'current', new StaticRange({ startContainer: p.node, startOffset: p.start, endContainer: p.node, endOffset: p.end }));
    }
    current = ref;
    show(ref, rects[0] ?? new DOMRect(20, 20, 0, 0), { pin: true, focus: options.focusCard ?? true });
  }

  /**
   * The next visible mention in reading order, wrapping at the ends. Walks
   * block by block from the current mention's block, so on a very long page
   * (painted near the viewport only) just the blocks it passes get painted.
   */
  function step(dir: 1 | -1): MentionRef | null {
    const s = o.session();
    if (!s) return null;
    const blocks = s.blocksInOrder();
    const n = blocks.length;
    if (!n) return null;
    const from = current ? blocks.indexOf(current.block as (typeof blocks)[number]) : -1;
    const start = from >= 0 ? from : dir > 0 ? 0 : n - 1;
    // One more than a full turn: a page whose only mention is the current one comes back to it.
    for (let k = 0; k <= n; k++) {
      const refs = s.refsOf(blocks[(((start + dir * k) % n) + n) % n]).filter(visible).sort((a, b) => a.mention.start - b.mention.start);
      // In the current mention's block, continue from it (if it was rescanned away, from the block's first/last).
      const at = k === 0 && from >= 0 && current ? refs.indexOf(current) : -1;
      const next = at >= 0 ? refs[at + dir] : dir > 0 ? refs[0] : refs[refs.length - 1];
      if (next) {
        focusMention(next);
        return next;
      }
    }
    return null;
  }

  doc.addEventListener('pointermove', onPointerMove, { passive: true });
  doc.addEventListener('click', onClick, true);
  win.addEventListener('keydown', onKey, true);

  return {
    card,
    focusMention,
    step,
    stop() {
      doc.removeEventListener('pointermove', onPointerMove);
      doc.removeEventListener('click', onClick, true);
      win.removeEventListener('keydown', onKey, true);
      clearTimeout(hoverTimer);
      clearTimeout(leaveTimer);
      if (frame) win.cancelAnimationFrame(frame);
      hide(true);
      current = null;
    },
  };
}
