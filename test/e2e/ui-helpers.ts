// Helpers for the UI end-to-end tests (ui-*.test.ts): one small surface over
// Chromium (playwright-core) and Firefox (puppeteer-core) pages, driven only
// through page.evaluate so both browsers run the same steps.
import { launchChromium, launchFirefox, waitFor, type BrowserName } from './browsers.ts';

/** What playwright's and puppeteer's pages have in common that we use. */
export interface AnyPage {
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  close(): Promise<void>;
}

export interface Ext {
  name: BrowserName;
  /** Opens a web page in a new tab. */
  openPage(url: string): Promise<AnyPage>;
  /** Opens an extension page (path + query/hash) in a new tab, once its document has `ready`. */
  openExtensionPage(path: string, ready?: string): Promise<AnyPage>;
  close(): Promise<void>;
  raw: unknown;
}

export async function launch(name: BrowserName): Promise<Ext> {
  if (name === 'chrome') {
    const run = await launchChromium();
    return {
      name,
      raw: run,
      async openPage(url) {
        const page = await run.context.newPage();
        await page.goto(url);
        return page as unknown as AnyPage;
      },
      async openExtensionPage(path, ready = '#app *') {
        const page = await run.openExtensionPage(path);
        await page.waitForSelector(ready, { timeout: 15_000 });
        return page as unknown as AnyPage;
      },
      close: () => run.close(),
    };
  }
  const run = await launchFirefox();
  return {
    name,
    raw: run,
    async openPage(url) {
      const page = await run.newPage();
      await page.goto(url);
      return page as unknown as AnyPage;
    },
    openExtensionPage: (path, ready = '#app *') => run.openExtensionPage(path, ready) as unknown as Promise<AnyPage>,
    close: () => run.close(),
  };
}

/** Sends a runtime message from an extension page and unwraps the Reply. */
export async function ext<T = unknown>(page: AnyPage, msg: Record<string, unknown>): Promise<T> {
  const reply = await page.evaluate(async (m) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return api.runtime.sendMessage(m);
  }, msg);
  const r = reply as { ok: boolean; value?: T; error?: string };
  if (!r || r.ok !== true) throw new Error(`${String(msg.type)} failed: ${r?.error ?? JSON.stringify(r)}`);
  return r.value as T;
}

/** The id of the (first) tab whose URL starts with `prefix`, asked from an extension page. */
export async function tabIdOf(page: AnyPage, prefix: string): Promise<number> {
  return waitFor(
    () =>
      page.evaluate(async (p) => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        const tabs: { id: number; url?: string }[] = await api.tabs.query({});
        return tabs.find((t) => t.url?.startsWith(p))?.id ?? 0;
      }, prefix),
    { message: `no tab at ${prefix}` },
  );
}

/** Asks the content script of a tab for its summary, from an extension page (null until it answers). */
export async function contentSummary(page: AnyPage, tabId: number): Promise<{ page: { canonicalUrl: string; title: string }; summary: any } | null> {
  return page.evaluate(async (id) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    try {
      const r = await api.tabs.sendMessage(id, { type: 'content/summary' });
      return r?.ok ? r.value : null;
    } catch {
      return null;
    }
  }, tabId);
}

/** Text of the first element matching `selector`, or null. */
export function textOf(page: AnyPage, selector: string): Promise<string | null> {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
}

/** Clicks the first button whose text is `label` (exact, trimmed). */
export async function clickButton(page: AnyPage, label: string): Promise<void> {
  await waitFor(
    () =>
      page.evaluate((l) => {
        const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === l);
        b?.click();
        return !!b;
      }, label),
    { message: `no button "${label}"` },
  );
}

/** Waits until the page's body text contains `text`; returns the body text. */
export function waitForText(page: AnyPage, text: string, timeout = 15_000): Promise<string> {
  return waitFor(
    () => page.evaluate((t) => (document.body.innerText.includes(t) ? document.body.innerText : ''), text),
    { timeout, message: `"${text}" never appeared` },
  );
}

/**
 * Reloads an extension page and waits for `ready`. Goes through location.reload()
 * because Firefox's BiDi navigation to moz-extension:// pages may never settle.
 */
export async function reloadExtensionPage(page: AnyPage, ready: string): Promise<void> {
  await page.evaluate(() => {
    (window as any).__newsmarkOld = true;
    setTimeout(() => location.reload(), 0);
  });
  await waitFor(() => page.evaluate((sel) => !(window as any).__newsmarkOld && document.readyState !== 'loading' && !!document.querySelector(sel), ready).catch(() => false), { timeout: 15_000, message: 'extension page did not reload' });
}

/**
 * Clicks a button by its text with real input events (a user gesture, which
 * sidePanel.open and sidebarAction.open require); clickButton's element.click() is not one.
 */
export async function clickButtonAsUser(page: AnyPage, browser: BrowserName, label: string): Promise<void> {
  if (browser === 'chrome') await (page as any).getByRole('button', { name: label, exact: true }).click();
  else await (page as any).click(`button::-p-text(${label})`);
}
