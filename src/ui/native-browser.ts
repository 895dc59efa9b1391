// The extension API object of the browser we run in. Extension pages use it
// directly instead of webextension-polyfill: every call they make returns a
// promise natively in MV3 Chrome (chrome.*) and Firefox (browser.*), and the
// popup opens faster without the polyfill's 10 kB and proxies.
import type { BrowserLike } from './api.ts';

export function nativeBrowser(): BrowserLike {
  const g = globalThis as { browser?: BrowserLike; chrome?: BrowserLike };
  const api = g.browser ?? g.chrome;
  if (!api?.runtime) throw new Error('Not running as an extension page');
  return api;
}
