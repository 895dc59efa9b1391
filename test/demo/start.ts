// `npm start`: serves the bundled demo article (test/demo/article.html) on
// 127.0.0.1 and opens Chromium with the freshly built extension on it. With a
// display ($DISPLAY) the browser stays open for you to read and hover; without
// one it runs headless and writes screenshots of the highlighted page, a hover
// card and the popup to out/screenshots/, then exits.
//   npm start                  Chromium
//   npm start -- --firefox     Firefox ESR (screenshots of the page only)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, launchFirefox, repoRoot, serveFolder, waitFor } from '../e2e/browsers.ts';

const PORT = Number(process.env.NEWSMARK_DEMO_PORT ?? 8100);
const outDir = join(repoRoot, 'out/screenshots');
const headed = !!process.env.DISPLAY && !process.argv.includes('--headless');
const useFirefox = process.argv.includes('--firefox');

const firstMention = `(() => {
  const h = CSS.highlights.get('newsmark-company');
  if (!h || !h.size) return null;
  const r = [...h][0];
  const rg = document.createRange(); rg.setStart(r.startContainer, r.startOffset); rg.setEnd(r.endContainer, r.endOffset);
  const b = rg.getBoundingClientRect();
  return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
})()`;
const counts = `Object.fromEntries(['company', 'person', 'figure', 'move'].map((c) => [c, CSS.highlights.get('newsmark-' + c)?.size ?? 0]))`;

async function main() {
  const server = await serveFolder(join(repoRoot, 'test/demo'), PORT);
  const url = `${server.origin}/article.html`;
  mkdirSync(outDir, { recursive: true });
  console.log(`Demo article: ${url}`);

  if (useFirefox) {
    const ff = await launchFirefox({ headless: !headed });
    const page = await ff.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    await waitFor(() => page.evaluate(firstMention), { timeout: 10_000, message: 'nothing was highlighted' }).catch((e) => console.warn(String(e)));
    console.log('Highlights:', await page.evaluate(counts));
    if (headed) return waitForClose(() => ff.browser.connected, server.close);
    await page.screenshot({ path: join(outDir, 'firefox-article.png') as `${string}.png` });
    console.log(`Screenshot: ${join(outDir, 'firefox-article.png')}`);
    await ff.close();
    return server.close();
  }

  const run = await launchChromium({ headless: !headed });
  const page = await run.context.newPage();
  await page.goto(url);
  const at = await waitFor(() => page.evaluate<{ x: number; y: number } | null>(firstMention), { timeout: 10_000, message: 'nothing was highlighted' }).catch((e) => {
    console.warn(String(e));
    return null;
  });
  console.log('Highlights:', await page.evaluate(counts));
  if (headed) {
    console.log('Browser open: hover a highlight, or press Alt+Shift+ArrowDown to step through mentions. Close the browser to stop.');
    return waitForClose(() => run.context.pages().length > 0, server.close);
  }
  await page.screenshot({ path: join(outDir, 'article.png') });
  if (at) {
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(outDir, 'card.png') });
  }
  // The popup, opened as a tab on the demo tab (?tab= is how src/ui picks the tab).
  const helper = await run.openExtensionPage('src/ui/options/index.html');
  const tabId = await helper.evaluate<number | undefined>(`(async () => (await chrome.tabs.query({})).find((t) => t.url === ${JSON.stringify(url)})?.id)()`);
  const popup = await run.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(run.extensionUrl(`src/ui/popup/index.html?tab=${tabId}`));
  await popup.waitForTimeout(1500);
  await popup.screenshot({ path: join(outDir, 'popup.png') });
  console.log(`Screenshots: ${['article.png', at ? 'card.png' : '', 'popup.png'].filter(Boolean).map((f) => join(outDir, f)).join(', ')}`);
  await run.close();
  await server.close();
}

async function waitForClose(open: () => boolean, stop: () => Promise<void>) {
  while (open()) await new Promise((r) => setTimeout(r, 500));
  await stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
