// The popup's "Open side panel" really opens the panel: Chrome's side_panel
// (seen as a page target) or Firefox's sidebar (sidebarAction.isOpen), from the
// click's user gesture, and the popup closes itself.
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, repoRoot, serveFolder, waitFor, type ChromiumRun, type Served } from './browsers.ts';
import { clickButtonAsUser, launch, tabIdOf, type Ext } from './ui-helpers.ts';

const PORTS = { chrome: 8217, firefox: 8218 };
const browsers = (process.env.NEWSMARK_BROWSERS ?? 'chrome,firefox').split(',') as ('chrome' | 'firefox')[];

beforeAll(() => buildOnce());

describe.each(browsers)('%s: open the side panel from the popup', (name) => {
  let browser: Ext;
  let served: Served;

  beforeAll(async () => {
    served = await serveFolder(join(repoRoot, 'test/demo'), PORTS[name]);
    browser = await launch(name);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('opens the panel and closes the popup', async () => {
    await browser.openPage(`${served.origin}/article.html`);
    const control = await browser.openExtensionPage('src/ui/options/index.html', 'main');
    const tabId = await tabIdOf(control, `${served.origin}/article.html`);
    const panelOpen = async (): Promise<boolean> => {
      if (name === 'chrome') {
        const run = browser.raw as ChromiumRun;
        const cdp = await run.context.newCDPSession(control as unknown as PwPage);
        const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] };
        await cdp.detach();
        return targetInfos.some((t) => t.url.endsWith('/src/ui/sidepanel/index.html'));
      }
      return control.evaluate(() => (globalThis as any).browser.sidebarAction.isOpen({}));
    };
    expect(await panelOpen()).toBe(false);
    const popup = await browser.openExtensionPage(`src/ui/popup/index.html?tab=${tabId}`, 'main');
    await clickButtonAsUser(popup, name, 'Open side panel');
    await waitFor(panelOpen, { timeout: 10_000, message: 'the side panel did not open' });
    await waitFor(() => popup.evaluate(() => false).then(() => false, () => true), { timeout: 10_000, message: 'the popup did not close' });
  });
});
