// Notices content the page adds or changes after we scanned it (infinite
// scroll, "load more", live blogs) without letting a constantly mutating page
// make us spin: records are filtered cheaply (only text the reader could read,
// never our own host element), work is debounced, and the interval between
// re-reads of the article backs off while they keep finding nothing new.

export interface MutationWatchOptions {
  doc: Document;
  /** Our card's host element: mutations in or of it are ours. */
  isOurs(node: Node): boolean;
  /** Known block containing the node (its text may have changed). */
  blockOf(node: Node): Element | undefined;
  /** Called with the changed known blocks; returns (or resolves to) how many new blocks were found. */
  onChange(dirty: Set<Element>, structural: boolean): number | Promise<number>;
}

/** Text smaller than this, added outside known blocks, is a ticker tick or a badge, not content. */
const MIN_NEW_TEXT = 60;
const DEBOUNCE_MS = 250;
const MIN_INTERVAL_MS = 500;
const MAX_INTERVAL_MS = 8000;

export function watchMutations(o: MutationWatchOptions): () => void {
  const dirty = new Set<Element>();
  let structural = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let interval = MIN_INTERVAL_MS;
  let lastRun = 0;
  /** A re-read is under way (it runs in slices): the next one waits for it. */
  let running = false;
  let stopped = false;

  const observer = new MutationObserver((records) => {
    let relevant = false;
    const head = o.doc.head;
    for (const r of records) {
      if (o.isOurs(r.target) || (head && head.contains(r.target))) continue;
      const block = o.blockOf(r.target);
      if (block) {
        dirty.add(block);
        relevant = true;
        continue;
      }
      if (r.type !== 'childList') continue;
      let text = 0;
      for (const n of r.addedNodes) {
        if (o.isOurs(n)) continue;
        text += n.nodeType === 1 || n.nodeType === 3 ? (n.textContent?.length ?? 0) : 0;
        if (text >= MIN_NEW_TEXT) break;
      }
      // Removals alone do not matter: a removed block's highlights no longer paint, and
      // counting them would make a ticker that swaps its children look like new content.
      if (text >= MIN_NEW_TEXT) {
        structural = true;
        relevant = true;
      }
    }
    if (relevant) schedule();
  });

  function schedule() {
    if (timer !== undefined || running || stopped) return;
    const wait = Math.max(DEBOUNCE_MS, lastRun + interval - Date.now());
    timer = setTimeout(run, wait);
  }

  async function run() {
    timer = undefined;
    lastRun = Date.now();
    const d = new Set(dirty);
    const s = structural;
    dirty.clear();
    structural = false;
    let found = 0;
    running = true;
    try {
      found = await o.onChange(d, s);
    } catch {
      // never into the page console
    }
    running = false;
    interval = found > 0 || d.size > 0 ? MIN_INTERVAL_MS : Math.min(MAX_INTERVAL_MS, interval * 2);
    // Changes seen while we were re-reading.
    if (dirty.size || structural) schedule();
  }

  // The whole document, not <body>: some apps replace <body> itself, and an
  // observer on the old one would go deaf. <head> changes are skipped above.
  observer.observe(o.doc.documentElement, { childList: true, subtree: true, characterData: true });
  return () => {
    stopped = true;
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
}
