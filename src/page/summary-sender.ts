// Sends the page summary to the background in batches: at once on the first
// change, then at most every 2 s while it grows, and a last time when the page
// is hidden or left (pagehide). Never per mention.
import type { PageInfo } from '../messages.ts';
import type { PageSummary } from '../extract/types.ts';
import { call } from './messaging.ts';

export interface SummarySender {
  dirty(): void;
  /** Sends now if anything changed since the last send. */
  flush(): void;
  /** Drops unsent changes (the site turned out to be disabled). */
  discard(): void;
}

export function createSummarySender(read: () => { page: PageInfo; summary: PageSummary } | null, intervalMs = 2000): SummarySender {
  let pending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;

  function send() {
    timer = undefined;
    if (!pending) return;
    const snap = read();
    pending = false;
    last = Date.now();
    if (snap) void call('page/update', snap);
  }

  const api: SummarySender = {
    dirty() {
      pending = true;
      if (timer !== undefined) return;
      timer = setTimeout(send, Math.max(0, last + intervalMs - Date.now()));
    },
    flush() {
      if (timer !== undefined) clearTimeout(timer);
      send();
    },
    discard() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = false;
    },
  };
  addEventListener('pagehide', () => api.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') api.flush();
  });
  return api;
}
