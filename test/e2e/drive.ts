// One small driver over both automation libraries, so each content-script
// test is written once and runs in Chromium (playwright-core) and Firefox
// (puppeteer-core over BiDi). Page code is passed as strings: it runs in the
// page's own world, which is how a test sees what a reader's page sees.
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { launchChromium, launchFirefox, type ChromiumRun, type FirefoxRun } from './browsers.ts';

export type Engine = 'chromium' | 'firefox';

export interface Driver {
  engine: Engine;
  /** Navigates the test tab; `beforeLoad` runs in the page before its own scripts. */
  goto(url: string, options?: { beforeLoad?: string }): Promise<void>;
  /** Evaluates an expression (may be a promise) in the page world. */
  eval<T>(expression: string): Promise<T>;
  mouseMove(x: number, y: number): Promise<void>;
  /** e.g. ['Alt', 'Shift', 'ArrowDown'] pressed together. */
  press(keys: string[]): Promise<void>;
  /** Sends a message to the test tab's content script from an extension page; resolves to the raw reply. */
  askContent<T = unknown>(message: object): Promise<T>;
  /**
   * Names and values in the accessibility tree (which, unlike page scripts, sees
   * into closed shadow roots). Chromium only (CDP); undefined in Firefox.
   */
  accessibleTexts?(): Promise<string[]>;
  /** Sends a runtime message to the background from an extension page. */
  askBackground<T = unknown>(message: object): Promise<T>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Extension-page code: find the tab whose URL starts with `prefix` and message it. */
const toTab = (prefix: string, message: object) => `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const tabs = await api.tabs.query({});
  const tab = tabs.find((t) => (t.url || '').startsWith(${JSON.stringify(prefix)}));
  if (!tab) throw new Error('no tab for ' + ${JSON.stringify(prefix)} + ' in ' + tabs.map((t) => t.url).join(', '));
  return await api.tabs.sendMessage(tab.id, ${JSON.stringify(message)});
})()`;
const toBackground = (message: object) => `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  return await api.runtime.sendMessage(${JSON.stringify(message)});
})()`;

export async function launchDriver(engine: Engine, options: { origin: string }): Promise<Driver> {
  return engine === 'chromium' ? chromiumDriver(await launchChromium(), options.origin) : firefoxDriver(await launchFirefox(), options.origin);
}

function chromiumDriver(run: ChromiumRun, origin: string): Driver {
  let page: PwPage | null = null;
  let ext: PwPage | null = null;
  const extPage = async () => (ext ??= await run.openExtensionPage('src/ui/popup/index.html'));
  return {
    engine: 'chromium',
    async goto(url, options = {}) {
      await page?.close();
      page = await run.context.newPage();
      if (options.beforeLoad) await page.addInitScript(options.beforeLoad);
      await page.goto(url);
      await page.bringToFront();
    },
    eval: (expression) => page!.evaluate(expression),
    mouseMove: (x, y) => page!.mouse.move(x, y),
    async press(keys) {
      await page!.keyboard.press(keys.join('+'));
    },
    async askContent(message) {
      const p = await extPage();
      return p.evaluate(toTab(origin, message));
    },
    async accessibleTexts() {
      const cdp = await run.context.newCDPSession(page!);
      try {
        const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: unknown }; ignored?: boolean }[] };
        return nodes.filter((n) => !n.ignored).map((n) => String(n.name?.value ?? '')).filter(Boolean);
      } finally {
        await cdp.detach();
      }
    },
    async askBackground(message) {
      const p = await extPage();
      return p.evaluate(toBackground(message));
    },
    close: () => run.close(),
  };
}

function firefoxDriver(run: FirefoxRun, origin: string): Driver {
  let page: PpPage | null = null;
  let ext: PpPage | null = null;
  const extPage = async () => (ext ??= await run.openExtensionPage('src/ui/popup/index.html'));
  return {
    engine: 'firefox',
    async goto(url, options = {}) {
      await page?.close();
      page = await run.newPage();
      if (options.beforeLoad) await page.evaluateOnNewDocument(options.beforeLoad);
      await page.goto(url, { waitUntil: 'load' });
      await page.bringToFront();
    },
    eval: (expression) => page!.evaluate(expression) as never,
    mouseMove: (x, y) => page!.mouse.move(x, y),
    async press(keys) {
      const mods = keys.slice(0, -1);
      for (const k of mods) await page!.keyboard.down(k as never);
      await page!.keyboard.press(keys[keys.length - 1] as never);
      for (const k of mods.reverse()) await page!.keyboard.up(k as never);
    },
    async askContent(message) {
      const p = await extPage();
      const value = await p.evaluate(toTab(origin, message));
      await sleep(0);
      return value as never;
    },
    async askBackground(message) {
      const p = await extPage();
      return p.evaluate(toBackground(message)) as never;
    },
    close: () => run.close(),
  };
}

/** Page-world code: the text of every range of each of our highlights (null when not registered). */
export const readHighlights = `(() => {
  const out = {};
  for (const name of ['company', 'person', 'figure', 'move', 'note', 'current']) {
    const h = CSS.highlights.get('newsmark-' + name);
    out[name] = h ? [...h].map((r) => {
      const rg = document.createRange();
      rg.setStart(r.startContainer, r.startOffset);
      rg.setEnd(r.endContainer, r.endOffset);
      const el = r.startContainer.parentElement;
      return { text: rg.toString(), boiler: !!el.closest('nav, .ticker, aside, footer, .cookie, .newsletter, code, header.site') };
    }) : null;
  }
  return out;
})()`;

export type HighlightDump = Record<'company' | 'person' | 'figure' | 'move' | 'note' | 'current', { text: string; boiler: boolean }[] | null>;
