// Shared harness for end-to-end tests in real browsers (see /work/shared/testing.md):
// build the extension, serve a local folder, launch headless Chromium
// (playwright-core) or Firefox ESR (puppeteer-core over WebDriver BiDi) with the
// extension loaded, and open the extension's own pages. Every test file and the
// demo/bench scripts use these helpers so the browser quirks live in one place.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export type BrowserName = 'chrome' | 'firefox';

/** The gecko id from manifest.json; the fixed UUID makes moz-extension:// URLs predictable. */
export const geckoId = 'newsmark@newsmark.app';
export const firefoxUuid = '8f4c3a52-7d1e-4b6a-9c2f-0e5b1d7a6c31';

/**
 * Where the built extension lives. NEWSMARK_DIST (a folder holding chrome/ and
 * firefox/) lets a developer test a private build while other builds of the
 * shared tree are in flight.
 */
export function distDir(browser: BrowserName): string {
  const base = process.env.NEWSMARK_DIST ? resolve(process.env.NEWSMARK_DIST) : join(repoRoot, 'dist');
  return join(base, browser);
}

let built = false;
/**
 * Builds both browsers once per process unless a build is already there
 * (`npm run test:browser` builds before vitest starts; set NEWSMARK_REBUILD=1 to force).
 */
export function buildOnce(options: { force?: boolean } = {}): void {
  if (built) return;
  const present = existsSync(join(distDir('chrome'), 'manifest.json')) && existsSync(join(distDir('firefox'), 'manifest.json'));
  // A private NEWSMARK_DIST is the caller's own build: never overwrite it.
  const force = (options.force || process.env.NEWSMARK_REBUILD === '1') && !process.env.NEWSMARK_DIST;
  if (!present || force) {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  }
  built = true;
}

// ---------------------------------------------------------------- static server

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Served {
  /** e.g. http://127.0.0.1:8101 (no trailing slash) */
  origin: string;
  /** Extra routes answered before the folder: path -> body (HTML), a function of the request URL, or a body with extra headers. */
  routes: Map<string, string | ((url: URL) => string) | { body: string; headers: Record<string, string> }>;
  close(): Promise<void>;
}

/**
 * Serves `dir` on 127.0.0.1:`port`. Unknown paths fall back to index.html only
 * when `spaFallback` is set (so a history.pushState URL can be reloaded).
 */
export async function serveFolder(dir: string, port: number, options: { spaFallback?: boolean } = {}): Promise<Served> {
  const root = resolve(dir);
  const routes: Served['routes'] = new Map();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const route = routes.get(url.pathname);
    if (route !== undefined) {
      const extra = typeof route === 'object' ? route.headers : {};
      res.writeHead(200, { 'content-type': mime['.html'], 'cache-control': 'no-store', ...extra });
      res.end(typeof route === 'string' ? route : typeof route === 'function' ? route(url) : route.body);
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root + sep) && path !== root) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path) && options.spaFallback) path = join(root, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': mime[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(path));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    routes,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

// ---------------------------------------------------------------- Chromium

export interface ChromiumRun {
  context: BrowserContext;
  extensionId: string;
  /** chrome-extension://ID/<path> */
  extensionUrl(path: string): string;
  /** Opens an extension page (e.g. 'src/ui/popup/index.html') in a new tab. */
  openExtensionPage(path: string): Promise<PwPage>;
  close(): Promise<void>;
}

export async function launchChromium(options: { headless?: boolean; withExtension?: boolean; args?: string[] } = {}): Promise<ChromiumRun> {
  const withExtension = options.withExtension ?? true;
  const dist = distDir('chrome');
  const profile = mkdtempSync(join(tmpdir(), 'newsmark-chromium-'));
  const args = [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ...(withExtension ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : []),
    ...(options.args ?? []),
  ];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    args,
    viewport: { width: 1280, height: 900 },
  });
  let extensionId = '';
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
  }
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  return {
    context,
    extensionId,
    extensionUrl,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(extensionUrl(path));
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- Firefox

export interface FirefoxRun {
  browser: PpBrowser;
  /** The add-on id Firefox reported on install (the gecko id). */
  addonId: string;
  extensionUuid: string;
  /** moz-extension://UUID/<path> */
  extensionUrl(path: string): string;
  /**
   * Opens an extension page in a new tab. Firefox 153 lets BiDi navigate to
   * moz-extension:// only with --remote-allow-system-access (we pass it), and
   * the goto promise may never settle: we start it and poll for the document.
   */
  openExtensionPage(path: string, readySelector?: string): Promise<PpPage>;
  newPage(): Promise<PpPage>;
  close(): Promise<void>;
}

/** `env`: variables added to the test's environment for the browser (e.g. the Gecko profiler's, gecko-slice-cpu.ts). */
export async function launchFirefox(options: { headless?: boolean; withExtension?: boolean; env?: Record<string, string> } = {}): Promise<FirefoxRun> {
  const withExtension = options.withExtension ?? true;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: options.headless ?? true,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: firefoxUuid }),
      // Keep the test profile quiet and offline.
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
    },
  });
  const addonId = withExtension ? await browser.installExtension(distDir('firefox')) : '';
  const extensionUrl = (path: string) => `moz-extension://${firefoxUuid}/${path.replace(/^\//, '')}`;
  return {
    browser,
    addonId,
    extensionUuid: firefoxUuid,
    extensionUrl,
    newPage: () => browser.newPage(),
    async openExtensionPage(path, readySelector = 'body') {
      const page = await browser.newPage();
      const url = extensionUrl(path);
      page.goto(url).catch(() => {});
      const deadline = Date.now() + 15_000;
      for (;;) {
        const ok = await page
          .evaluate((sel: string, want: string) => location.href.startsWith(want) && document.readyState !== 'loading' && !!document.querySelector(sel), readySelector, url)
          .catch(() => false);
        if (ok) return page;
        if (Date.now() > deadline) throw new Error(`Firefox did not open ${url}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

// ---------------------------------------------------------------- small utilities

/** Polls `fn` until it returns a truthy value (returned) or throws after `timeout` ms. */
export async function waitFor<T>(fn: () => Promise<T> | T, options: { timeout?: number; interval?: number; message?: string } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeout ?? 10_000);
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`${options.message ?? 'waitFor timed out'} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, options.interval ?? 100));
  }
}
