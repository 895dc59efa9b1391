// Test helper: an Api whose answers come from plain functions, recording every
// call, so components run in happy-dom without an extension around them.
import type { ContentRequests, RequestType, Requests } from '../../messages.ts';
import type { Api, ContentType } from '../api.ts';

type Handlers = {
  [T in RequestType]?: (req: Requests[T]['req']) => Requests[T]['res'] | Promise<Requests[T]['res']>;
};
type TabHandlers = {
  [T in ContentType]?: (req: ContentRequests[T]['req'], tabId: number) => ContentRequests[T]['res'] | Promise<ContentRequests[T]['res']>;
};

export interface FakeApi extends Api {
  calls: { type: string; req: unknown; tabId?: number }[];
  broadcast(msg: { type: string; [k: string]: unknown }): void;
  opened: string[];
}

export function fakeApi(handlers: Handlers, tabHandlers: TabHandlers = {}, tab: { id: number; url?: string } | null = { id: 7, url: 'https://news.example/a' }): FakeApi {
  const listeners = new Set<(msg: any) => void>();
  const api: FakeApi = {
    calls: [],
    opened: [],
    async call(type, req) {
      api.calls.push({ type, req });
      const h = handlers[type] as ((r: unknown) => unknown) | undefined;
      if (!h) throw new Error(`unexpected ${type}`);
      return (await h(req)) as never;
    },
    async callTab(tabId, type, req) {
      api.calls.push({ type, req, tabId });
      const h = tabHandlers[type] as ((r: unknown, id: number) => unknown) | undefined;
      if (!h) throw new Error('Could not establish connection. Receiving end does not exist.');
      return (await h(req, tabId)) as never;
    },
    async currentTab() {
      return tab;
    },
    async openSidePanel(tabId) {
      api.opened.push(`panel:${tabId}`);
    },
    async openOptions() {
      api.opened.push('options');
    },
    onBroadcast(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    broadcast(msg) {
      for (const fn of listeners) fn(msg);
    },
  };
  return api;
}

/** Lets pending promises and Preact's batched renders settle. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}
