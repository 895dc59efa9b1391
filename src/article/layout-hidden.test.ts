// layoutHidden on a DOM with stylesheets (happy-dom): what the content script
// passes as detectArticle's isHidden. linkedom has no layout, so it says "visible".
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { blockText, detectArticle, layoutHidden } from './index.ts';
import { parse } from './test-page.ts';

const P1 = 'Shares of Marvell Technology climbed 7% in extended trading on Thursday after the chipmaker reported better-than-expected results.';
const P2 = 'Revenue grew 30% from $1.9 billion in the same quarter a year earlier, and the company forecast revenue of about $2.65 billion.';
const P3 = 'Chief executive Matt Murphy said shipments to every one of its major cloud customers were ramping faster than the company had planned.';

describe('layoutHidden', () => {
  it('drops what a stylesheet hides, which markup alone cannot tell', () => {
    const win = new Window();
    win.document.write(`<html><head><title>Marvell</title><style>.js-collapsed { display: none } .ghost { visibility: hidden }</style></head><body>
      <h1>Marvell shares jump</h1><div class="article-body"><p>${P1}</p><p class="js-collapsed">Sign in to keep reading this story, free for 30 days.</p><p>${P2}</p><p class="ghost">Hidden note for screen layouts only.</p><p>${P3}</p></div></body></html>`);
    const doc = win.document as unknown as Document;
    expect(detectArticle(doc).blocks.map(blockText)).toHaveLength(5);
    expect(detectArticle(doc, { isHidden: layoutHidden }).blocks.map(blockText)).toEqual([P1, P2, P3]);
  });

  it('says "visible" where there is no layout (linkedom)', () => {
    const doc = parse(`<html><body><p class="x">${P1}</p></body></html>`);
    expect(layoutHidden(doc.querySelector('p')!)).toBe(false);
  });
});
