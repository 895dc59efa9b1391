// Smoke test of the shared harness: both browsers start with the extension
// loaded and can open its popup page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, launchChromium, launchFirefox, type ChromiumRun, type FirefoxRun } from './browsers.ts';

beforeAll(() => buildOnce());

describe('Chromium harness', () => {
  let run: ChromiumRun;
  beforeAll(async () => { run = await launchChromium(); });
  afterAll(async () => { await run?.close(); });

  it('loads the extension and opens its popup page', async () => {
    expect(run.extensionId).toMatch(/^[a-p]{32}$/);
    const page = await run.openExtensionPage('src/ui/popup/index.html');
    await page.waitForSelector('#app *');
    expect(await page.evaluate(() => location.protocol)).toBe('chrome-extension:');
  });
});

describe('Firefox harness', () => {
  let run: FirefoxRun;
  beforeAll(async () => { run = await launchFirefox(); });
  afterAll(async () => { await run?.close(); });

  it('installs the extension under the fixed UUID and opens its popup page', async () => {
    expect(run.addonId).toBe('newsmark@newsmark.app');
    const page = await run.openExtensionPage('src/ui/popup/index.html', '#app *');
    expect(await page.evaluate(() => location.href)).toBe(run.extensionUrl('src/ui/popup/index.html'));
  });
});
