// The tiny typed client every extension page uses to talk to the background
// (runtime messages) and to the content script of a tab (tabs messages).
// Pages receive an Api object instead of importing the browser directly, so
// components can be rendered in tests with a fake one.
import type { ContentRequests, Reply, RequestType, Requests } from '../messages.ts';

export type ContentType = keyof ContentRequests;

export interface Api {
  call<T extends RequestType>(type: T, req: Requests[T]['req']): Promise<Requests[T]['res']>;
  callTab<T extends ContentType>(tabId: number, type: T, req: ContentRequests[T]['req']): Promise<ContentRequests[T]['res']>;
  /** The tab the page is about: `?tab=<id>` when given (tests, panels opened for a tab), else the active tab of the last-focused window. */
  currentTab(): Promise<{ id: number; url?: string } | null>;
  /** Open the side panel (Chrome) or sidebar (Firefox); must run inside a user gesture. */
  openSidePanel(tabId: number): Promise<void>;
  openOptions(): Promise<void>;
  /** Listen to background broadcasts (runtime messages without reply); returns an unsubscribe function. */
  onBroadcast(listener: (msg: { type: string; [k: string]: unknown }) => void): () => void;
}

/** Unwrap a Reply; content scripts may also answer with a bare value. */
/** What to show the reader for a failed call: `call` throws Error(reply.error), browsers may reject with anything. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String((e as { message?: unknown } | null)?.message ?? e);
}

export function unwrap<R>(reply: unknown, type: string): R {
  if (reply === undefined) throw new Error(`No answer to ${type}`);
  if (reply && typeof reply === 'object' && 'ok' in reply && typeof (reply as Reply<R>).ok === 'boolean') {
    const r = reply as Reply<R>;
    if (r.ok) return r.value;
    throw new Error(r.error);
  }
  return reply as R;
}

/** The subset of the WebExtension API the pages use (webextension-polyfill's `browser`). */
export interface BrowserLike {
  runtime: {
    sendMessage(msg: unknown): Promise<unknown>;
    openOptionsPage(): Promise<void>;
    onMessage: { addListener(fn: (msg: any) => void): void; removeListener(fn: (msg: any) => void): void };
  };
  tabs: {
    sendMessage(tabId: number, msg: unknown): Promise<unknown>;
    query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number; url?: string }[]>;
    get(id: number): Promise<{ id?: number; url?: string }>;
  };
}

export function createApi(browser: BrowserLike, search: string = location.search): Api {
  const forcedTab = Number(new URLSearchParams(search).get('tab')) || undefined;
  const g = globalThis as any;
  return {
    async call(type, req) {
      return unwrap(await browser.runtime.sendMessage({ type, ...req }), type);
    },
    async callTab(tabId, type, req) {
      return unwrap(await browser.tabs.sendMessage(tabId, { type, ...req }), type);
    },
    async currentTab() {
      if (forcedTab) {
        const tab = await browser.tabs.get(forcedTab).catch(() => null);
        return tab ? { id: forcedTab, url: tab.url } : null;
      }
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id !== undefined ? { id: tab.id, url: tab.url } : null;
    },
    async openSidePanel(tabId) {
      // Called straight from a click handler: both APIs refuse to open outside a user gesture,
      // so no await may come before them.
      if (g.chrome?.sidePanel?.open) await g.chrome.sidePanel.open({ tabId });
      else if (g.browser?.sidebarAction?.open) await g.browser.sidebarAction.open();
      else throw new Error('No side panel in this browser');
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    onBroadcast(listener) {
      const fn = (msg: any) => {
        if (msg && typeof msg.type === 'string' && msg.type.startsWith('ui/')) listener(msg);
      };
      browser.runtime.onMessage.addListener(fn);
      return () => browser.runtime.onMessage.removeListener(fn);
    },
  };
}
