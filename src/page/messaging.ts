// The content script's side of the message contract (src/messages.ts): calls
// to the background that never throw into the page (the background may not
// answer: not installed yet, restarting, or an older build), and the listener
// that answers 'content/*' requests with Reply values.
import browser from 'webextension-polyfill';
import type { ContentRequests, Reply, RequestType, Requests } from '../messages.ts';

/** Sends a request; resolves to the value, or undefined on error, error reply or timeout. */
export async function call<T extends RequestType>(type: T, req: Requests[T]['req'], timeoutMs = 3000): Promise<Requests[T]['res'] | undefined> {
  try {
    const reply = await Promise.race([
      browser.runtime.sendMessage({ type, ...req }) as Promise<unknown>,
      new Promise<undefined>((ok) => setTimeout(() => ok(undefined), timeoutMs)),
    ]);
    if (reply && typeof reply === 'object' && 'ok' in reply) {
      const r = reply as Reply<Requests[T]['res']>;
      return r.ok ? r.value : undefined;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

export type ContentHandlers = {
  [K in keyof ContentRequests]?: (req: ContentRequests[K]['req']) => ContentRequests[K]['res'] | Promise<ContentRequests[K]['res']>;
};

/** Answers content/* messages; other messages are left to other listeners. Returns an unsubscribe function. */
export function listen(handlers: ContentHandlers): () => void {
  const fn = (msg: unknown): Promise<Reply<unknown>> | undefined => {
    if (!msg || typeof msg !== 'object') return undefined;
    const type = (msg as { type?: unknown }).type;
    if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(handlers, type)) return undefined;
    const handler = handlers[type as keyof ContentRequests] as ((req: unknown) => unknown) | undefined;
    if (!handler) return undefined;
    return (async () => {
      try {
        return { ok: true as const, value: await handler(msg) };
      } catch (e) {
        return { ok: false as const, error: e instanceof Error ? e.message : String(e) };
      }
    })();
  };
  browser.runtime.onMessage.addListener(fn as never);
  return () => browser.runtime.onMessage.removeListener(fn as never);
}
