// Keeps only the painted blocks near the viewport in CSS.highlights. Chromium's
// rendering re-derives every registered range in each frame where a highlight
// changed (src/page/highlighter.ts): on the 50,000-span hostile page, 6,200
// ranges made frames of 75-164 ms while we painted. Blocks are still read and
// painted wherever they are (mentions, hit-test pieces, counts); this decides
// only which of their ranges the browser renders.
import type { Highlighter } from './highlighter.ts';

/** Two viewport heights above and below the screen. */
const WINDOW_MARGIN = '200% 0px';

export interface HighlightWindow {
  /**
   * A block's ranges from now on follow its distance from the viewport. It
   * starts off the page: the observer's first report (the next frame) puts it
   * on if it is near. Tracking a block twice changes nothing.
   */
  track(owner: object, el: Element): void;
  /** The block left the page. */
  untrack(el: Element): void;
  stop(): void;
}

export function createHighlightWindow(doc: Document, highlighter: Highlighter): HighlightWindow {
  const tracked = new Map<Element, object>();
  const io = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
        for (const e of entries) {
          const owner = tracked.get(e.target);
          if (owner) highlighter.show(owner, e.isIntersecting);
        }
      }, { rootMargin: WINDOW_MARGIN })
    : null;

  // Printing (or saving as PDF) shows the whole article: every tracked block goes on the page before, and
  // after, each goes back to what the observer says of it (observed afresh, so it reports the block again).
  // One long frame for a print the reader asked for.
  const view = doc.defaultView;
  const beforePrint = () => tracked.forEach((owner) => highlighter.show(owner, true));
  const afterPrint = () => tracked.forEach((owner, el) => {
    highlighter.show(owner, false);
    io?.unobserve(el);
    io?.observe(el);
  });
  view?.addEventListener('beforeprint', beforePrint);
  view?.addEventListener('afterprint', afterPrint);

  return {
    track(owner, el) {
      if (!io || tracked.has(el)) return;
      tracked.set(el, owner);
      highlighter.show(owner, false);
      io.observe(el);
    },
    untrack(el) {
      tracked.delete(el);
      io?.unobserve(el);
    },
    stop() {
      io?.disconnect();
      tracked.clear();
      view?.removeEventListener('beforeprint', beforePrint);
      view?.removeEventListener('afterprint', afterPrint);
    },
  };
}
