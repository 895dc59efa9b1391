// Notes end to end: select text in the demo article, make a note from the side
// panel ("Note on selected text" -> editor -> Save), reload the article and the
// note is painted again on the 'newsmark-note' highlight; then serve the page
// without the quoted words: the note is marked detached, shown as such, and kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note } from '../../src/messages.ts';
import { buildOnce, repoRoot, serveFolder, waitFor, type Served } from './browsers.ts';
import { clickButton, contentSummary, ext, launch, tabIdOf, waitForText, type AnyPage, type Ext } from './ui-helpers.ts';

const QUOTE = 'the fastest pace in three years';
const PORTS = { chrome: 8212, firefox: 8213 };
const browsers = (process.env.NEWSMARK_BROWSERS ?? 'chrome,firefox').split(',') as ('chrome' | 'firefox')[];

beforeAll(() => buildOnce());

/** Selects the first occurrence of `text` inside the page's paragraphs. */
function selectText(page: AnyPage, text: string): Promise<boolean> {
  return page.evaluate((want) => {
    for (const p of document.querySelectorAll('p')) {
      const node = [...p.childNodes].find((n) => n.nodeType === 3 && n.textContent!.includes(want));
      if (!node) continue;
      const at = node.textContent!.indexOf(want);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + want.length);
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return sel.toString() === want;
    }
    return false;
  }, text);
}

/** Number of ranges on the note highlight layer, as the page's own document sees them. */
function noteRanges(page: AnyPage): Promise<number> {
  return page.evaluate(() => (CSS as any).highlights?.get('newsmark-note')?.size ?? 0);
}

describe.each(browsers)('%s: notes', (name) => {
  let browser: Ext;
  let served: Served;
  let article: AnyPage;
  let control: AnyPage;
  let tabId: number;
  let url: string;

  beforeAll(async () => {
    served = await serveFolder(join(repoRoot, 'test/demo'), PORTS[name]);
    url = `${served.origin}/article.html`;
    browser = await launch(name);
    article = await browser.openPage(url);
    control = await browser.openExtensionPage('src/ui/options/index.html', 'main');
    tabId = await tabIdOf(control, url);
    await waitFor(() => contentSummary(control, tabId), { timeout: 20_000, message: 'content script never answered' });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('a note made on a selection comes back highlighted after a reload', async () => {
    expect(await selectText(article, QUOTE)).toBe(true);
    const panel = await browser.openExtensionPage(`src/ui/sidepanel/index.html?tab=${tabId}`, '[role=tablist]');
    await waitForText(panel, 'Note on selected text');
    await clickButton(panel, 'Note on selected text');
    await waitFor(() => panel.evaluate(() => document.activeElement?.tagName === 'TEXTAREA'), { message: 'the editor did not open with focus' });
    expect(await panel.evaluate(() => document.querySelector('[role=tab][aria-selected=true]')?.textContent)).toBe('Notes');
    await panel.evaluate(() => {
      const area = document.querySelector('textarea')!;
      area.value = 'Cloud is re-accelerating';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await clickButton(panel, 'Save note');
    await waitForText(panel, 'Cloud is re-accelerating');

    const notes = await ext<Note[]>(control, { type: 'note/list' });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ body: 'Cloud is re-accelerating', quote: { exact: QUOTE } });
    expect(notes[0].draft).toBeFalsy();

    await article.reload();
    await waitFor(async () => (await noteRanges(article)) === 1, { timeout: 15_000, message: 'the note was not highlighted after the reload' });
    const painted = await article.evaluate(() => {
      const h = (CSS as any).highlights.get('newsmark-note');
      const r = [...h][0] as AbstractRange;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
    expect(painted).toBe(QUOTE);
    const after = await ext<Note[]>(control, { type: 'note/list' });
    expect(after[0].detached).toBeFalsy();
    await panel.close();
  });

  it('a note whose words left the page is shown as detached and kept', async () => {
    const html = readFileSync(join(repoRoot, 'test/demo/article.html'), 'utf8');
    expect(html).toContain(QUOTE);
    served.routes.set('/article.html', html.replace(QUOTE, 'a pace not seen since 2022'));
    await article.reload();
    await waitFor(async () => (await ext<Note[]>(control, { type: 'note/list' }))[0]?.detached === true, { timeout: 15_000, message: 'the note was never marked detached' });
    expect(await noteRanges(article)).toBe(0);
    const panel = await browser.openExtensionPage(`src/ui/sidepanel/index.html?tab=${tabId}#tab=notes`, '[role=tablist]');
    await waitForText(panel, 'Cloud is re-accelerating');
    expect(await panel.evaluate(() => document.querySelector('article.note .badge.detached')?.textContent)).toBe('Detached');
    served.routes.delete('/article.html');
    await panel.close();
  });
});
