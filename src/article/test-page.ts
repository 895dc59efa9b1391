// Test helper: wraps a story's markup in the furniture of a real news page
// (navigation, ticker, sidebar, footer) and parses it with linkedom, the DOM
// the CLI uses.
import { parseHTML } from 'linkedom';
import { blockText, detectArticle } from './index.ts';

export function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function page(main: string, head = ''): Document {
  return parse(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Test page - Daily Ledger</title>${head}</head><body>
<header class="site-header"><a class="logo" href="/">Daily Ledger</a></header>
<nav><a href="/markets">Markets</a><a href="/companies">Companies</a><a href="/opinion">Opinion</a></nav>
<div class="market-ticker"><span>FTSE 100 8,412 +0.4%</span><span>Barclays 212p -1.2%</span><span>Brent $74.10 +1.1%</span></div>
<div class="layout"><div class="main-col">${main}</div>
<div class="side-col"><h3>Most read</h3><ol>
<li><a href="/a">Glencore shares slide 6% after profit warning from coal unit</a></li>
<li><a href="/b">Vodafone agrees €4bn sale of Spanish business to Zegona</a></li>
<li><a href="/c">Rio Tinto chief executive steps down after 18 months</a></li></ol></div></div>
<footer><p>© 2026 Daily Ledger Media Ltd. Registered in England. <a href="/privacy">Privacy</a></p></footer>
</body></html>`);
}

/** The body as the CLI prints it: one paragraph per line of each block. */
export function bodyLines(doc: Document): string[] {
  return detectArticle(doc).blocks.flatMap((b) => blockText(b).split('\n'));
}
