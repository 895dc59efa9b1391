// Backup round trip through the UI: in one Chromium profile, read two pages and
// note one; export JSON from the side panel's Export tab (a real download);
// import the file through the Export tab's file input into a fresh Chromium
// profile and a fresh Firefox profile; each library equals the original record
// for record (pages and notes) with the exported file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note, SavedPage } from '../../src/messages.ts';
import { buildOnce, repoRoot, serveFolder, waitFor, type Served } from './browsers.ts';
import { contentSummary, ext, launch, tabIdOf, waitForText, type AnyPage, type Ext } from './ui-helpers.ts';

const browsers = (process.env.NEWSMARK_BROWSERS ?? 'chrome,firefox').split(',');
const byKey = <T>(list: T[], key: (x: T) => string) => [...list].sort((a, b) => key(a).localeCompare(key(b)));

async function library(page: AnyPage) {
  const pages = await ext<SavedPage[]>(page, { type: 'library/list', limit: 1000 });
  const notes = await ext<Note[]>(page, { type: 'note/list' });
  return { pages: byKey(pages, (p) => p.canonicalUrl), notes: byKey(notes, (n) => n.id) };
}

beforeAll(() => buildOnce());

describe('JSON backup: export from one profile, import into fresh ones', () => {
  let served: Served;
  let source: Ext;
  let original: Awaited<ReturnType<typeof library>>;
  let backupPath: string;
  const opened: Ext[] = [];

  beforeAll(async () => {
    served = await serveFolder(join(repoRoot, 'test/demo'), 8214);
    const html = readFileSync(join(repoRoot, 'test/demo/article.html'), 'utf8');
    // A second article: same text under another canonical URL and title.
    served.routes.set('/second.html', html.replace('/markets/asia/alibaba-cloud-results', '/markets/asia/second-look').replace(/<title>[^<]*/, '<title>Second look at Alibaba | The Harbour Ledger'));
    source = await launch('chrome');
    opened.push(source);
  });
  afterAll(async () => {
    for (const b of opened) await b.close();
    await served?.close();
  });

  it('exports the library as a JSON file from the side panel', async () => {
    await source.openPage(`${served.origin}/article.html`);
    await source.openPage(`${served.origin}/second.html`);
    const control = await source.openExtensionPage('src/ui/options/index.html', 'main');
    await waitFor(async () => (await ext<SavedPage[]>(control, { type: 'library/list' })).length === 2, { timeout: 20_000, message: 'the two pages were not saved' });
    const tabId = await tabIdOf(control, `${served.origin}/article.html`);
    const live = (await contentSummary(control, tabId))!;
    await ext(control, {
      type: 'note/add',
      pageUrl: live.page.canonicalUrl,
      quote: { type: 'TextQuoteSelector', exact: 'the fastest pace in three years', prefix: 'quarter, ', suffix: ', as demand' },
      body: 'Note with "quotes", a comma and ünïcödé',
    });
    const before = await library(control);
    expect(before.pages).toHaveLength(2);
    expect(before.notes).toHaveLength(1);

    const panel = (await source.openExtensionPage('src/ui/sidepanel/index.html#tab=export', '[role=tablist]')) as unknown as PwPage;
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^newsmark-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupPath = join(mkdtempSync(join(tmpdir(), 'newsmark-backup-')), download.suggestedFilename());
    await download.saveAs(backupPath);
    // The reference is what was exported: the source library may still grow while the
    // content script keeps merging its summaries.
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(backup.pages).toHaveLength(2);
    expect(backup.notes).toHaveLength(1);
    original = { pages: byKey<SavedPage>(backup.pages, (p) => p.canonicalUrl), notes: byKey<Note>(backup.notes, (n) => n.id) };
    expect(original.pages.map((p) => p.canonicalUrl)).toEqual((await library(control)).pages.map((p) => p.canonicalUrl));
    await waitForText(panel as unknown as AnyPage, `Saved ${download.suggestedFilename()}.`);
  });

  it.each(browsers)('imports it into a fresh %s profile: the same library, record for record', async (name) => {
    expect(backupPath, 'the export step must run first').toBeTruthy();
    const fresh = await launch(name as 'chrome' | 'firefox');
    opened.push(fresh);
    const panel = await fresh.openExtensionPage('src/ui/sidepanel/index.html#tab=export', '#import-file');
    expect((await library(panel)).pages).toEqual([]);
    if (name === 'chrome') {
      await (panel as unknown as PwPage).setInputFiles('#import-file', backupPath);
    } else {
      const input = (await (panel as any).$('#import-file')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(backupPath);
    }
    await waitForText(panel, 'Imported 2 pages and 1 notes');
    expect(await library(panel)).toEqual(original);
    // importing the same file again merges: nothing new, nothing duplicated
    const again = join(mkdtempSync(join(tmpdir(), 'newsmark-backup-')), 'again.json');
    writeFileSync(again, readFileSync(backupPath));
    if (name === 'chrome') await (panel as unknown as PwPage).setInputFiles('#import-file', again);
    else await ((await (panel as any).$('#import-file')) as ElementHandle<HTMLInputElement>).uploadFile(again);
    await waitForText(panel, '0 pages and 0 notes were new');
    expect(await library(panel)).toEqual(original);
  });

  it('refuses a file that is not a backup with the background’s message, changing nothing', async () => {
    const fresh = opened.at(-1)!;
    const panel = await fresh.openExtensionPage('src/ui/sidepanel/index.html#tab=export', '#import-file');
    const bad = join(mkdtempSync(join(tmpdir(), 'newsmark-backup-')), 'bad.json');
    writeFileSync(bad, '{"pages": [');
    if (fresh.name === 'chrome') await (panel as unknown as PwPage).setInputFiles('#import-file', bad);
    else await ((await (panel as any).$('#import-file')) as ElementHandle<HTMLInputElement>).uploadFile(bad);
    const alert = await waitFor(() => panel.evaluate(() => document.querySelector('[role=alert]')?.textContent ?? ''), { message: 'no error shown' });
    expect(alert).toMatch(/not valid JSON/);
    expect(await library(panel)).toEqual(original);
  });
});
