// One page summary's worth of work: the article's blocks on the live DOM,
// scanned visible-first in time slices, highlighted, and kept up to date as
// content is added. A new URL (SPA navigation) gets a new session.
import { detectArticleSteps, layoutHidden, type ArticleBody } from '../article/index.ts';
import { createDocument, type Mention, type PageSummary, type ScannedDocument } from '../extract/index.ts';
import { BLOCK_TAGS, CELL_TAGS } from '../article/tags.ts';
import { collectText, isEditableBlock, isLaidOutHidden, isSkipped, piecesOf, staticRangeOf, type CollectedText } from './collect-text.ts';
import { createHitIndex, type HitIndex, type MentionRef } from './hit-test.ts';
import type { Highlighter } from './highlighter.ts';
import { createHighlightWindow } from './highlight-window.ts';
import { runInSlices } from './run-in-slices.ts';
import { createScheduler } from './scan-scheduler.ts';
import { benchMark, benchSlice, benchTimed } from './bench-hook.ts';

export interface BlockState {
  kind: 'block';
  el: Element;
  ct?: CollectedText;
  /** The extractor's index for this block's current text. */
  index?: number;
  refs: MentionRef[];
  signature: string;
  /** Hidden by layout when last read: read again when the article is re-read. */
  hidden?: boolean;
}

export interface PageSession {
  readonly article: ArticleBody;
  summary(): PageSummary;
  hits: HitIndex;
  /** Scanned blocks in reading order, for keyboard stepping and notes. */
  blocksInOrder(): BlockState[];
  /**
   * The block's painted mentions, painting it first if it was read but left
   * unpainted (a very long page paints only what is near the viewport); with
   * `wanted`, only if one of its mentions is wanted.
   */
  refsOf(st: BlockState, wanted?: (m: Mention) => boolean): MentionRef[];
  /** Mentions with the same identity on the page (the card's "appears N times"). */
  countOf(m: Mention): number;
  /**
   * Re-reads the article after the page changed; `dirty` are known blocks whose
   * text may have changed. Detection runs in slices, hence the promise.
   */
  update(dirty: Iterable<Element>): Promise<{ added: number }>;
  /** The block element containing `node`, if it is one of ours. */
  blockOf(node: Node): Element | undefined;
  /** Resolves when every queued block has been scanned. */
  settled(): Promise<void>;
  stop(): void;
}

export interface SessionOptions {
  doc: Document;
  article: ArticleBody;
  highlighter: Highlighter;
  /** Called when the summary grew, after a scan pass (the caller throttles sending). */
  onChange(): void;
  /** Called after a scan pass drains (notes re-anchor then). */
  onSettled?(): void;
}

/** Identity of a mention for counting: same company, same person, same figure, same move. */
export function mentionKey(m: Mention): string {
  switch (m.category) {
    case 'company':
    case 'person':
      return `${m.category}:${m.name.toLowerCase()}`;
    case 'figure':
      return `figure:${m.figure.kind}:${m.figure.value}:${m.figure.currency ?? ''}`;
    case 'move':
      return `move:${m.move.subject.toLowerCase()}:${m.move.direction}:${m.move.magnitude?.value ?? ''}${m.move.magnitude?.unit ?? ''}`;
  }
}

/**
 * The elements read as article text: the standfirst (kept out of `blocks` only
 * because the body benchmark does not count it) and then the body, as the CLI
 * scans them, so the live summary and `npm run scan` agree.
 */
const readingOrder = (a: ArticleBody) => (a.standfirst && !a.blocks.includes(a.standfirst) ? [a.standfirst, ...a.blocks] : a.blocks);

/**
 * Article detection in short slices (tens of ms on a big page in one go). Steps of 150 units
 * (src/article/pace.ts), not the default 500: a unit was measured on linkedom and Chromium, and
 * in Firefox every DOM access from a content script crosses a wrapper, so a step there costs
 * several times more; a slice ends within one step of its budget.
 */
export const detectInSlices = (doc: Document) => runInSlices(detectArticleSteps(doc, { isHidden: layoutHidden, step: 150 }), 'detect');

const signatureOf = (ms: Mention[]) => ms.map((m) => `${m.category}${m.start}-${m.end}${mentionKey(m)}`).join('|');

export function createPageSession(opts: SessionOptions): PageSession {
  const { doc, highlighter } = opts;
  let article = opts.article;
  // Cheap once the content script's warm-up has built the engine's tables; timed so the bench shows it if not.
  const extractor: ScannedDocument = benchTimed('session-init', () => createDocument({ title: article.title }));
  const hits = createHitIndex();
  const blocks = new Map<Element, BlockState>();
  let order: Element[] = [];
  const counts = new Map<string, number>();
  let stopped = false;
  let firstPainted = false;
  let waiters: Array<() => void> = [];

  const isNested = (self: Element) => (el: Element) => el !== self && blocks.has(el);
  /** A block that is neither a block element nor a table cell (a standfirst <span>): collectText's plain-block read cannot see it nested. */
  let oddBlocks = false;

  /** Only painted blocks near the viewport are registered in CSS.highlights (src/page/highlight-window.ts). */
  const highlightWindow = createHighlightWindow(doc, highlighter);

  function paint(st: BlockState, mentions: Mention[], signature: string) {
    unpaint(st);
    highlightWindow.track(st, st.el);
    const ct = st.ct!;
    for (const m of mentions) {
      if (m.start < 0 || m.end > ct.text.length || m.start >= m.end) continue;
      const range = staticRangeOf(ct, m.start, m.end);
      if (!range) continue;
      highlighter.add(st, m.category, range);
      const ref: MentionRef = { mention: m, pieces: piecesOf(ct, m.start, m.end), block: st };
      hits.add(ref);
      st.refs.push(ref);
      const k = mentionKey(m);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    st.signature = signature;
    if (!firstPainted && st.refs.length) {
      firstPainted = true;
      benchMark('newsmark:first-highlight');
    }
  }

  function unpaint(st: BlockState) {
    highlighter.clear(st);
    for (const ref of st.refs) {
      hits.remove(ref);
      const k = mentionKey(ref.mention);
      counts.set(k, (counts.get(k) ?? 1) - 1);
    }
    st.refs = [];
  }

  // Work comes in two kinds. "Read" collects a block's text and hands it to the
  // extractor (cost proportional to the block). "Paint" asks for the block's
  // mentions and highlights them. The extractor resolves names over the whole
  // page on the first mentions() call after new text (src/extract/index.ts), so
  // paints are batched: the visible blocks right away, blocks scrolled into view
  // at most every PAINT_DEFER_MS, and everything else once all blocks are read;
  // never a resolve per block, which would make a long page quadratic.
  const PAINT_DEFER_MS = 400;
  /**
   * "On screen" includes this margin above and below the viewport, the same for
   * the first pass and the IntersectionObserver, so the observer's initial report
   * names blocks the first pass already painted (no extra resolve for them).
   */
  const NEAR_PX = 300;
  /**
   * Above this many blocks (a 5 MB page has 15,500; a long news article a few
   * hundred) only the blocks near the viewport are painted, and more as the
   * reader scrolls: every painted mention holds a range, hit-test pieces and a
   * ref, and painting all of them made the garbage collector copy tens of MB
   * of fresh survivors inside our slices (scavenges of 30-60 ms seen).
   */
  const PAINT_ALL_MAX_BLOCKS = 2000;
  const paintsNearOnly = () => order.length > PAINT_ALL_MAX_BLOCKS;
  /** Read but not painted with its current text. */
  const unpainted = new Set<BlockState>();
  /** Blocks were read (or the page changed) since the last paint pass: one is due when the queue drains. */
  let passDue = false;
  /** Nothing read since the last pass was painted: the extractor answers mentions() from its cache. */
  const passCached = () => !passDue && scheduler.pending() === 0;
  let deferTimer: ReturnType<typeof setTimeout> | undefined;

  function read(st: BlockState) {
    io?.unobserve(st.el);
    if (!st.el.isConnected || isSkipped(st.el) || isEditableBlock(st.el)) return;
    // Hidden by the page's layout (a collapsed "read more", a closed tab): tried again on the next re-read of the article.
    st.hidden = isLaidOutHidden(st.el);
    if (st.hidden) return;
    const ct = collectText(st.el, isNested(st.el), !oddBlocks);
    const sameText = st.ct !== undefined && st.index !== undefined && st.ct.text === ct.text;
    st.ct = ct;
    if (!ct.text) return;
    // Unchanged text (the nodes were re-rendered): re-map the known mentions, do not count them twice.
    if (!sameText) {
      st.index = extractor.addBlock(ct.text);
      grew = true;
    }
    st.signature = ''; // the DOM nodes may be new: repaint even if the mentions are the same
    unpainted.add(st);
    passDue = true;
  }

  /**
   * Paints a block with the current resolution; skipped when nothing changed.
   * False while the extractor's page-level pass is still under way: it runs in
   * steps (about a millisecond each), and the scheduler runs this again.
   */
  function paintBlock(st: BlockState): boolean {
    if (st.index === undefined || !st.el.isConnected) return true;
    if (!extractor.advance()) return false;
    unpainted.delete(st);
    const ms = extractor.mentions(st.index);
    const signature = signatureOf(ms);
    if (signature !== st.signature) paint(st, ms, signature);
    return true;
  }

  type AdoptItem = { kind: 'adopt'; list: Element[]; from: number };
  type Item = BlockState | { kind: 'paint'; st: BlockState } | AdoptItem;
  const paintItems = new WeakMap<BlockState, { kind: 'paint'; st: BlockState }>();
  const paintItem = (st: BlockState) => {
    let it = paintItems.get(st);
    if (!it) paintItems.set(st, (it = { kind: 'paint', st }));
    return it;
  };
  /** New text since the summary was last offered (offered once a pass is painted: the resolution is cached then). */
  let grew = false;

  const scheduler = createScheduler<Item>({
    run(item) {
      if (stopped) return;
      if (item.kind === 'block') read(item);
      else if (item.kind === 'adopt') adoptChunk(item);
      else return paintBlock(item.st);
    },
    // The slice is named after its longest item: reading a block, or painting (with the extractor's page-level pass).
    onSlice: (ms, longest) => benchSlice(ms, longest.item.kind === 'block' ? 'scan:read' : longest.item.kind === 'adopt' ? 'adopt' : 'scan:paint'),
    onDrain() {
      if (stopped) return;
      // Everything is read: one resolve, then (re)paint every block in reading order (on a very long
      // page, the ones painted before and the ones near the viewport). Earlier blocks may now resolve
      // better ("Wu" -> "Eddie Wu"); unchanged ones are skipped.
      if (passDue) {
        passDue = false;
        const all = !paintsNearOnly();
        const near = all ? undefined : new Set(nearViewport());
        let queued = 0;
        for (const el of order) {
          const st = blocks.get(el);
          if (st?.index === undefined) continue;
          const painted = !unpainted.has(st);
          if (!all && !painted && !near!.has(el)) continue;
          scheduler.push(paintItem(st));
          queued++;
        }
        if (all) unpainted.clear();
        if (queued) return;
      }
      benchMark('newsmark:settled');
      if (grew) {
        grew = false;
        opts.onChange();
      }
      opts.onSettled?.();
      const w = waiters;
      waiters = [];
      for (const f of w) f();
    },
  });

  /** Visible blocks: read now, paint soon (batched, so the extractor resolves once for all of them). */
  const visibleWanted = new Set<BlockState>();
  const urgent = (item: Item) => {
    scheduler.push(item, true);
    scheduler.promote(item); // already queued as normal work: move it up
  };
  function wantVisible(st: BlockState) {
    if (st.index === undefined) urgent(st);
    visibleWanted.add(st);
    // Batched while blocks are being read (each batch costs a page-level pass); soon once the pass is cached.
    deferTimer ??= setTimeout(flushVisible, passDue ? PAINT_DEFER_MS : 16);
  }
  function flushVisible() {
    if (deferTimer !== undefined) clearTimeout(deferTimer);
    deferTimer = undefined;
    for (const st of visibleWanted) urgent(paintItem(st));
    visibleWanted.clear();
  }

  const io = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          const st = blocks.get(e.target);
          if (st && (st.index === undefined || unpainted.has(st))) wantVisible(st);
        }
      }, { rootMargin: `${NEAR_PX}px 0px` })
    : null;

  /** The blocks from the top of the viewport to NEAR_PX below it (reading order, so a binary search then a walk). */
  function nearViewport(): Element[] {
    const bottom = (doc.defaultView?.innerHeight ?? 800) + NEAR_PX;
    const out: Element[] = [];
    for (let i = firstOnScreen(order); i < order.length && order[i].getBoundingClientRect().top < bottom; i++) out.push(order[i]);
    return out;
  }

  /** On a page painted near the viewport only: the blocks scrolled near it get painted (once per frame at most). */
  let scrollFrame = 0;
  function onScroll() {
    if (stopped || scrollFrame || !paintsNearOnly()) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      if (stopped) return;
      for (const el of nearViewport()) {
        const st = blocks.get(el);
        if (st?.index !== undefined && unpainted.has(st)) wantVisible(st);
      }
    });
  }
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });

  /** Index of the first block whose box reaches the viewport (blocks are in reading order, so binary search). */
  function firstOnScreen(list: Element[]): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].getBoundingClientRect().bottom < -NEAR_PX) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Blocks registered per step of adoption: a 5 MB page has 15,000 blocks, too many for one task. */
  const ADOPT_CHUNK = 400;

  /** A new block's state, or undefined for a known one (a known block hidden when last read is queued again). */
  function register(el: Element): BlockState | undefined {
    const known = blocks.get(el);
    if (known) {
      if (known.hidden) scheduler.push(known);
      return undefined;
    }
    const st: BlockState = { kind: 'block', el, refs: [], signature: '' };
    blocks.set(el, st);
    if (!BLOCK_TAGS.has(el.localName) && !CELL_TAGS.has(el.localName)) oddBlocks = true;
    return st;
  }

  /**
   * Takes the article's blocks in reading order: the ones on screen now are
   * registered and wanted first, the rest in chunks of ADOPT_CHUNK as scheduler
   * work, each chunk queuing its blocks for reading ahead of the next chunk.
   * Returns how many blocks are new. Style is read when a block is read.
   */
  function adopt(list: Element[]): number {
    order = list;
    let fresh = 0;
    for (const el of list) if (!blocks.has(el)) fresh++;
    if (!fresh) {
      for (const el of list) register(el);
      return 0;
    }
    for (const el of nearViewport()) {
      const st = register(el);
      if (st) wantVisible(st);
    }
    flushVisible();
    scheduler.push({ kind: 'adopt', list, from: 0 });
    return fresh;
  }

  function adoptChunk(item: AdoptItem) {
    const end = Math.min(item.list.length, item.from + ADOPT_CHUNK);
    for (let i = item.from; i < end; i++) {
      const st = register(item.list[i]);
      if (!st) continue;
      scheduler.push(st);
      io?.observe(st.el);
    }
    if (end < item.list.length) scheduler.push({ ...item, from: end });
  }

  function dropDisconnected() {
    for (const [el, st] of blocks) {
      if (el.isConnected) continue;
      unpaint(st);
      highlightWindow.untrack(el);
      blocks.delete(el);
    }
  }

  benchMark('newsmark:session-start');
  benchTimed('adopt', () => adopt(readingOrder(article)));
  scheduler.runNow();

  return {
    get article() {
      return article;
    },
    summary: () => extractor.summary(),
    hits,
    blocksInOrder: () => order.map((el) => blocks.get(el)!).filter((st) => st && st.ct && st.el.isConnected),
    refsOf(st, wanted) {
      // Painted on demand only while the page-level pass is cached: never a whole pass inside a key press.
      if (unpainted.has(st) && passCached() && (!wanted || extractor.mentions(st.index!).some(wanted))) paintBlock(st);
      return st.refs;
    },
    countOf: (m) => counts.get(mentionKey(m)) ?? 0,
    async update(dirty) {
      if (stopped) return { added: 0 };
      for (const el of dirty) {
        const st = blocks.get(el);
        if (st) scheduler.push(st, true);
      }
      // New text anywhere can change how earlier mentions resolve.
      passDue = true;
      dropDisconnected();
      const next = await detectInSlices(doc);
      if (stopped) return { added: 0 };
      // The page went on changing while we detected: a block it removed meanwhile is dropped, never adopted.
      dropDisconnected();
      if (next.isArticle || next.blocks.length) article = { ...next, blocks: next.blocks };
      const list = (next.blocks.length ? readingOrder(next) : order).filter((el) => el.isConnected);
      return { added: benchTimed('adopt', () => adopt(list)) };
    },
    blockOf(node) {
      for (let n: Node | null = node; n && n !== doc.body; n = n.parentNode) {
        if (n.nodeType === 1 && blocks.has(n as Element)) return n as Element;
      }
      return undefined;
    },
    settled: () => (scheduler.pending() === 0 ? Promise.resolve() : new Promise<void>((ok) => waiters.push(ok))),
    stop() {
      stopped = true;
      scheduler.clear();
      if (deferTimer !== undefined) clearTimeout(deferTimer);
      if (scrollFrame) cancelAnimationFrame(scrollFrame);
      doc.removeEventListener('scroll', onScroll, { capture: true });
      io?.disconnect();
      highlightWindow.stop();
      for (const st of blocks.values()) unpaint(st);
      blocks.clear();
      const w = waiters;
      waiters = [];
      for (const f of w) f();
    },
  };
}
