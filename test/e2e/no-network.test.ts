// Newsmark makes no network request: while it reads the demo article and its
// popup, side panel, options and welcome pages are open and used, nothing goes
// anywhere but the local test server and the extension's own files.
//
// Chromium: the browser runs behind a recording proxy on 127.0.0.1, so every
// request any part of the browser makes (page, content script, extension pages,
// service worker) is seen at the network level; playwright's request events
// (pages and, in Chromium, the service worker) are recorded as well. Probes
// sent on purpose from the page and from the service worker show both
// recorders are live, so a silent pass means silence.
// Firefox: WebDriver BiDi request events of the article tab and of each
// extension page (the background page is not a BiDi context: the static scan
// in test/unit/no-remote-code.test.ts covers its code).
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, launchChromium, launchFirefox, repoRoot, serveFolder, waitFor, type ChromiumRun, type FirefoxRun, type Served } from './browsers.ts';
import { contentSummary, ext, tabIdOf, type AnyPage } from './ui-helpers.ts';

const PORTS = { chromeSite: 8301, proxy: 8302, firefoxSite: 8303 };
const PAGES = ['src/ui/popup/index.html', 'src/ui/sidepanel/index.html', 'src/ui/options/index.html', 'src/ui/welcome/index.html'];
const PROBES = ['probe-page.newsmark.invalid', 'probe-worker.newsmark.invalid', 'probe-extension-page.newsmark.invalid'];
/**
 * Chromium's own calls home that the shared launch flags leave on: form
 * autofill hints, the optimization guide and the Google-account cookie check.
 * They are the browser's, not ours: turned off (the account URL pointed at a
 * closed local port), and in case a Chromium version still sends one, these
 * exact hosts (services no extension code calls) are not counted.
 */
const QUIET_CHROMIUM = [
  '--disable-features=AutofillServerCommunication,OptimizationHints,OptimizationHintsFetching,OptimizationGuideModelDownloading,OptimizationTargetPrediction',
  '--gaia-url=http://127.0.0.1:9',
];
const CHROMIUM_SERVICES = ['optimizationguide-pa.googleapis.com', 'content-autofill.googleapis.com', 'accounts.google.com'];
const isChromiumService = (seen: string) => CHROMIUM_SERVICES.some((host) => seen === `connect ${host}:443`);

/** An HTTP proxy that records where each request was going and refuses it. */
async function recordingProxy(port: number): Promise<{ seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.url ?? '?'); // absolute URL for plain http through a proxy
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`connect ${req.url}`); // host:port of an https/wss tunnel
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  return {
    seen,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

/** Waits for the article to be read and saved, then opens and uses every extension page. */
async function exercise(open: (path: string) => Promise<AnyPage>, origin: string): Promise<void> {
  const control = await open('src/ui/options/index.html');
  const tabId = await tabIdOf(control, `${origin}/article.html`);
  const live = await waitFor(async () => {
    const s = await contentSummary(control, tabId);
    return s && (await ext(control, { type: 'page/get', canonicalUrl: s.page.canonicalUrl })) ? s : null;
  }, { timeout: 20_000, message: 'content script never summarised and saved the demo article' });
  expect(live.summary.companies.length).toBeGreaterThan(0);
  for (const path of PAGES) {
    const page = await open(path.includes('welcome') ? path : `${path}?tab=${tabId}`);
    await waitFor(() => page.evaluate(() => document.body.innerText.trim().length > 0), { message: `${path} stayed empty` });
  }
  // Work the background: search, the company view, and an export.
  expect((await ext<unknown[]>(control, { type: 'library/list', text: 'Alibaba' })).length).toBeGreaterThan(0);
  await ext(control, { type: 'library/company', name: live.summary.companies[0].name });
  await ext(control, { type: 'data/export', format: 'json' });
  await ext(control, { type: 'data/export', format: 'markdown' });
  await new Promise((r) => setTimeout(r, 1500)); // anything deferred gets its chance
}

const isLocal = (url: string, origin: string, extensionOrigin: string) =>
  url.startsWith(`${origin}/`) || url.startsWith(`${extensionOrigin}/`) || /^(?:data|blob|about):/.test(url);

beforeAll(() => buildOnce());

describe('chrome: no network', () => {
  let served: Served;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let run: ChromiumRun;
  const requests: string[] = [];

  beforeAll(async () => {
    served = await serveFolder(join(repoRoot, 'test/demo'), PORTS.chromeSite);
    proxy = await recordingProxy(PORTS.proxy);
    // 127.0.0.1 bypasses the proxy (Chromium's default), so only the local site is reachable.
    run = await launchChromium({ args: [`--proxy-server=http://127.0.0.1:${PORTS.proxy}`, ...QUIET_CHROMIUM] });
    run.context.on('request', (r) => requests.push(r.url()));
  });
  afterAll(async () => {
    await run?.close();
    await proxy?.close();
    await served?.close();
  });

  it('the recorders see a request from the page and from the service worker', async () => {
    const page = await run.context.newPage();
    await page.goto(`${served.origin}/article.html`);
    await page.evaluate((host) => fetch(`https://${host}/p`).catch(() => undefined), PROBES[0]);
    const worker: Worker = run.context.serviceWorkers()[0];
    await worker.evaluate((host) => fetch(`https://${host}/w`).catch(() => undefined), PROBES[1]);
    await waitFor(() => proxy.seen.some((s) => s.includes(PROBES[0])) && proxy.seen.some((s) => s.includes(PROBES[1])), { message: `proxy missed a probe: ${proxy.seen.join(', ')}` });
    expect(requests.some((u) => u.includes(PROBES[0]))).toBe(true);
  });

  it('nothing else leaves the browser while Newsmark reads a page and its pages are used', async () => {
    const before = proxy.seen.length;
    const start = requests.length;
    await exercise(async (path) => {
      const page = await run.openExtensionPage(path);
      await page.waitForSelector('#app *', { timeout: 15_000 });
      return page as unknown as AnyPage;
    }, served.origin);
    const extensionOrigin = `chrome-extension://${run.extensionId}`;
    const seenByProxy = proxy.seen.slice(before).filter((s) => !PROBES.some((p) => s.includes(p)) && !isChromiumService(s));
    const ignored = proxy.seen.slice(before).filter(isChromiumService);
    if (ignored.length) console.log(`Chromium's own requests, not counted: ${ignored.join(', ')}`);
    const elsewhere = requests.slice(start).filter((u) => !isLocal(u, served.origin, extensionOrigin) && !PROBES.some((p) => u.includes(p)));
    expect(requests.slice(start).some((u) => u.startsWith(extensionOrigin))).toBe(true); // the recorder saw our own pages load
    expect(seenByProxy, 'requests that reached the network (proxy)').toEqual([]);
    expect(elsewhere, 'requests to anything but the test server and the extension').toEqual([]);
  });
});

describe('firefox: no network from the page and the extension pages', () => {
  let served: Served;
  let run: FirefoxRun;
  let article: Awaited<ReturnType<FirefoxRun['newPage']>>;
  const requests: string[] = [];

  beforeAll(async () => {
    served = await serveFolder(join(repoRoot, 'test/demo'), PORTS.firefoxSite);
    run = await launchFirefox();
  });
  afterAll(async () => {
    await run?.close();
    await served?.close();
  });

  it('the recorders see requests from the page and from an extension page', async () => {
    article = await run.newPage();
    article.on('request', (r) => requests.push(r.url()));
    await article.goto(`${served.origin}/article.html`);
    await article.evaluate((host) => fetch(`https://${host}/p`).catch(() => undefined), PROBES[0]);
    const welcome = await run.openExtensionPage('src/ui/welcome/index.html', '#app *');
    welcome.on('request', (r) => requests.push(r.url()));
    await welcome.evaluate((host) => fetch(`https://${host}/e`).catch(() => undefined), PROBES[2]);
    await waitFor(() => requests.some((u) => u.includes(PROBES[0])) && requests.some((u) => u.includes(PROBES[2])), { message: `BiDi missed a probe: ${requests.join(', ')}` });
    await welcome.close();
  });

  it('nothing but the test server and the extension is requested', async () => {
    const start = requests.length;
    await article.reload(); // the content script reads the page again, recorded from the start
    await exercise(async (path) => {
      const page = await run.openExtensionPage(path, '#app *');
      page.on('request', (r) => requests.push(r.url()));
      return page as unknown as AnyPage;
    }, served.origin);
    const mine = requests.slice(start);
    expect(mine, 'the recorder saw the article load').toContain(`${served.origin}/article.html`);
    const extensionOrigin = `moz-extension://${run.extensionUuid}`;
    expect(mine.filter((u) => !isLocal(u, served.origin, extensionOrigin)), 'requests to anything but the test server and the extension').toEqual([]);
  });
});
