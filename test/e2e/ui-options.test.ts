// The options page in real browsers: every choice is stored through the
// background and survives a reload of the page; "Delete all" asks first and
// then empties the library.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedPage, Settings } from '../../src/messages.ts';
import { buildOnce, repoRoot, serveFolder, waitFor, type Served } from './browsers.ts';
import { clickButton, ext, launch, reloadExtensionPage, waitForText, type AnyPage, type Ext } from './ui-helpers.ts';

const PORTS = { chrome: 8215, firefox: 8216 };
const browsers = (process.env.NEWSMARK_BROWSERS ?? 'chrome,firefox').split(',') as ('chrome' | 'firefox')[];

beforeAll(() => buildOnce());

/** Clicks the element matching `selector`, then waits until the stored settings pass `check`. */
async function choose(page: AnyPage, selector: string, check: (s: Settings) => boolean) {
  await page.evaluate((sel) => (document.querySelector(sel) as HTMLElement).click(), selector);
  await waitFor(async () => check(await ext<Settings>(page, { type: 'settings/get' })), { message: `settings not stored after clicking ${selector}` });
}

describe.each(browsers)('%s: options page', (name) => {
  let browser: Ext;
  let served: Served;
  let options: AnyPage;

  beforeAll(async () => {
    served = await serveFolder(join(repoRoot, 'test/demo'), PORTS[name]);
    browser = await launch(name);
    options = await browser.openExtensionPage('src/ui/options/index.html', 'main fieldset');
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('stores categories, colours, sites, saving mode and private windows', async () => {
    await choose(options, '[data-category=person] input[type=checkbox]', (s) => !s.categories.person);
    const third = await options.evaluate(() => (document.querySelectorAll('[data-category=move] input[type=radio]')[2] as HTMLInputElement).value);
    await choose(options, '[data-category=move] label:nth-child(3) input', (s) => s.colors?.move === third);
    await choose(options, 'input[name=save-mode][value=ask]', (s) => s.saveMode === 'ask');
    await choose(options, '.options fieldset:nth-of-type(3) > label input[type=checkbox]', (s) => s.savePrivate);
    expect(await options.evaluate(() => document.querySelector('[role=status]')?.textContent)).toBe('Saved.');
    await options.evaluate(() => {
      const input = document.querySelector('#new-site') as HTMLInputElement;
      input.value = 'https://www.Example.org/path';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await new Promise((r) => setTimeout(r, 50));
    await clickButton(options, 'Add');
    await waitForText(options, 'www.example.org');
    const settings = await waitFor(async () => {
      const s = await ext<Settings>(options, { type: 'settings/get' });
      return s.colors?.move === third && s.disabledSites.includes('www.example.org') ? s : null;
    }, { message: 'settings were not stored' });
    expect(settings).toMatchObject({ saveMode: 'ask', savePrivate: true, categories: { person: false, company: true }, disabledSites: ['www.example.org'], colors: { move: third } });

    await reloadExtensionPage(options, 'main fieldset');
    const shown = await options.evaluate(() => ({
      person: (document.querySelector('[data-category=person] input[type=checkbox]') as HTMLInputElement).checked,
      move: (document.querySelector('[data-category=move] input[type=radio]:checked') as HTMLInputElement).value,
      mode: (document.querySelector('input[name=save-mode]:checked') as HTMLInputElement).value,
      private: (document.querySelector('.options fieldset:nth-of-type(3) > label input[type=checkbox]') as HTMLInputElement).checked,
      sites: [...document.querySelectorAll('.sites li span')].map((s) => s.textContent),
    }));
    expect(shown).toEqual({ person: false, move: third, mode: 'ask', private: true, sites: ['www.example.org'] });
  });

  it('deletes the whole library only after the confirmation step', async () => {
    await ext(options, { type: 'settings/set', saveMode: 'auto' });
    await browser.openPage(`${served.origin}/article.html`);
    await waitFor(async () => (await ext<SavedPage[]>(options, { type: 'library/list' })).length === 1, { timeout: 20_000, message: 'the demo article was not saved' });
    await clickButton(options, 'Delete all pages and notes…');
    await waitForText(options, 'This cannot be undone.');
    expect(await ext<SavedPage[]>(options, { type: 'library/list' })).toHaveLength(1);
    await clickButton(options, 'Yes, delete everything');
    await waitForText(options, 'Every page and note was deleted.');
    expect(await ext<SavedPage[]>(options, { type: 'library/list' })).toEqual([]);
  });
});
