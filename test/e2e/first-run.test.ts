// First run in real browsers. Firefox installed without host access (as when a
// reader declines it; the pref below stops Firefox granting it by default):
// the welcome page opens by itself, Newsmark does nothing on pages, and one
// click on the page's button (a real input event, so a user gesture) grants
// access, after which the content script reads the article. Chromium grants
// host access at install, so no welcome page opens there.
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, distDir, firefoxUuid, geckoId, launchChromium, repoRoot, serveFolder, waitFor, type Served } from './browsers.ts';

const PORTS = { firefox: 8305 };
const WELCOME = 'src/ui/welcome/index.html';

beforeAll(() => buildOnce());

/**
 * Asks every tab's content script for its summary, from an extension page, and
 * returns the one for `url`; null when none answers. (Without host access a
 * tab's URL is hidden from the extension, so tabs are not picked by URL.)
 */
function summaryFrom(page: Page, url: string): Promise<unknown> {
  return page.evaluate(async (u: string) => {
    const api = (globalThis as any).browser;
    for (const tab of await api.tabs.query({})) {
      try {
        const r = await api.tabs.sendMessage(tab.id, { type: 'content/summary' });
        if (r?.ok && r.value?.page?.url === u) return r.value;
      } catch {
        // no content script in that tab
      }
    }
    return null;
  }, url);
}

describe('firefox: first run without host access', () => {
  let browser: Browser;
  let served: Served;
  let welcome: Page;

  beforeAll(async () => {
    served = await serveFolder(join(repoRoot, 'test/demo'), PORTS.firefox);
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: firefoxUuid }),
        // Install MV3 host permissions ungranted, the state a reader who declines them leaves.
        'extensions.originControls.grantByDefault': false,
        // Answer permissions.request() without the (unclickable here) doorhanger.
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    await browser.installExtension(distDir('firefox'));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('opens the welcome page by itself', async () => {
    const url = `moz-extension://${firefoxUuid}/${WELCOME}`;
    welcome = await waitFor(async () => {
      for (const p of await browser.pages()) {
        if ((await p.evaluate(() => location.href).catch(() => '')) === url) return p;
      }
      return null;
    }, { timeout: 15_000, message: 'the welcome page never opened' });
    await waitFor(() => welcome.evaluate(() => !!document.querySelector('button:not([disabled])')), { message: 'no enabled button' });
    expect(await welcome.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Let Newsmark read the news pages you open');
  });

  it('does nothing on pages until access is granted, and reads them after one click', async () => {
    const article = `${served.origin}/article.html`;
    const page = await browser.newPage();
    await page.goto(article);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await summaryFrom(welcome, article), 'the content script ran without host access').toBeNull();

    await welcome.bringToFront();
    await welcome.click('button');
    await waitFor(() => welcome.evaluate(() => document.querySelector('[role=status]')?.textContent ?? ''), { message: 'no status after the click' });
    expect(await welcome.evaluate(() => document.querySelector('[role=status]')?.textContent)).toContain('All set');
    expect(await welcome.evaluate(() => (globalThis as any).browser.permissions.contains({ origins: ['http://*/*', 'https://*/*'] }))).toBe(true);

    await page.reload();
    const summary = await waitFor(() => summaryFrom(welcome, article), { timeout: 20_000, message: 'the content script did not run after access was granted' });
    expect((summary as { page: { title: string } }).page.title).toContain('Alibaba');
  });
});

describe('chrome: first run', () => {
  it('opens no welcome page (host access is granted at install)', async () => {
    const run = await launchChromium();
    try {
      await new Promise((r) => setTimeout(r, 1500));
      const urls = run.context.pages().map((p) => p.url());
      expect(urls.filter((u) => u.includes(WELCOME))).toEqual([]);
    } finally {
      await run.close();
    }
  });
});
