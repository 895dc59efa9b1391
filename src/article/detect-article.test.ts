// Article-body detection on small pages, one hard case each, and on the
// non-article fixtures (home page, section front, search results, web app).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockText, detectArticle } from './index.ts';
import { bodyLines, page, parse } from './test-page.ts';

const P1 = 'Shares of Marvell Technology climbed 7% in extended trading on Thursday after the chipmaker reported better-than-expected results for its fiscal first quarter.';
const P2 = 'Revenue grew 30% from $1.9 billion in the same quarter a year earlier, and the company forecast second-quarter revenue of about $2.65 billion, ahead of estimates.';
const P3 = '“Demand for custom silicon has never been stronger,” chief executive Matt Murphy said in a statement, adding that shipments to cloud customers were ramping quickly.';
const P4 = 'Adjusted gross margin came in at 59.4%, down 40 basis points from a year earlier, as custom chips, which carry thinner margins, made up a larger share of sales.';
const P5 = 'Finance chief Willem Meintjes said Marvell returned $450 million to shareholders in the quarter through buybacks and dividends, and the board declared a dividend.';

const fixture = (name: string) => parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('detectArticle', () => {
  it('finds the story, its headline and standfirst, and leaves out the page furniture', () => {
    const doc = page(`<article><h1>Marvell shares jump on AI chip demand</h1>
      <p class="standfirst">Chipmaker beats estimates as cloud giants order more custom processors</p>
      <div class="byline">By Dana Whitfield, 28 May 2026</div>
      <div class="article-body"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></article>`);
    const a = detectArticle(doc);
    expect(a.isArticle).toBe(true);
    expect(a.title).toBe('Marvell shares jump on AI chip demand');
    expect(a.standfirst && blockText(a.standfirst)).toBe('Chipmaker beats estimates as cloud giants order more custom processors');
    expect(bodyLines(doc)).toEqual([P1, P2, P3]);
  });

  it('gathers a body split over several containers, skipping what sits between them', () => {
    const doc = page(`<h1>Marvell shares jump</h1><div class="ArticleBody">
      <div class="group"><p>${P1}</p><p>${P2}</p></div>
      <div class="QuoteInBody"><span>MRVL</span><span>Last: 98.36</span><span>+1.91%</span><a href="/q/MRVL">Chart</a></div>
      <div class="group"><p>${P3}</p></div>
      <div class="InlineVideo-container"><div>WATCH NOW</div><div>Why the AI chip trade is broadening beyond Nvidia in 2026</div></div>
      <div class="group"><p>${P4}</p><p>${P5}</p></div></div>`);
    expect(bodyLines(doc)).toEqual([P1, P2, P3, P4, P5]);
  });

  it('gathers story chunks that sit in separate grid rows with ad rails beside them', () => {
    const chunk = (ps: string[]) => `<div class="grid"><div class="grid-item body"><p>${ps.join('</p><p>')}</p></div><div class="grid-aside"><div class="ad ad--rail"></div></div></div>`;
    const doc = page(`<h1>Marvell shares jump</h1><div class="chunks">${chunk([P1, P2])}<div class="row full-bleed-ad"><div class="ad">Advertisement</div></div>${chunk([P3, P4, P5])}</div>`);
    expect(bodyLines(doc)).toEqual([P1, P2, P3, P4, P5]);
  });

  it('drops ads, related links, newsletter boxes, pull quotes and captions inside the article container', () => {
    const doc = page(`<h1>Marvell shares jump</h1><div class="story-body">
      <figure><img src="x.jpg" alt=""><figcaption>Matt Murphy at a company event. Photo: Bloomberg</figcaption></figure>
      <p>${P1}</p>
      <div class="inline-related"><h4>Read more</h4><a href="/1">Dell shares sink 9% as AI server margins disappoint</a><a href="/2">Salesforce lifts forecast to $43.2 billion</a></div>
      <p>${P2}</p>
      <div class="advert"><span>ADVERTISEMENT</span><div class="slot"></div></div>
      <blockquote class="pullquote">“Demand for custom silicon has never been stronger”</blockquote>
      <p>${P3}</p>
      <div class="newsletter-box"><strong>Tech Check</strong><p>The week’s biggest technology stories, from AI chips to antitrust, every Friday.</p><form><input type="email"><button>Sign up</button></form></div>
      <p>${P4}</p>
      <p>November 18, 2019 7:45 am PST</p><p>(Photo by Jane Doe/Getty Images)</p>
      <p>Reporting by Dana Whitfield; Editing by Mark Potter</p></div>`);
    expect(bodyLines(doc)).toEqual([P1, P2, P3, P4]);
  });

  it('splits <br><br> paragraphs into lines of one block, without the inline caption', () => {
    const doc = page(`<div class="article"><h1 class="title">Marvell shares jump</h1><div class="byline">Monday 7:45 am by <a href="/a">Joe</a></div>
      <div class="content">${P1}<br> <br>${P2}<br><br><img src="k.jpg"><br>${P3}<br><br>${P4}<br><br>
      <div class="linkback">Related Roundup: <a href="/r">Chips</a></div></div></div>`);
    const a = detectArticle(doc);
    expect(a.blocks.map((b) => b.className)).toEqual(['content']);
    expect(blockText(a.blocks[0])).toBe([P1, P2, P3, P4].join('\n'));
  });

  it('drops an italic caption line right under an inline image, not italic story text', () => {
    const doc = page(`<h1>Marvell shares jump</h1><div class="content"><p>${P1}</p><img src="a.jpg"><center><em>Marvell's new custom accelerator, via iFixit</em></center>
      <p>${P2}</p><p><em>${P3}</em></p></div>`);
    expect(bodyLines(doc)).toEqual([P1, P2, P3]);
  });

  it('keeps lists and tables that are part of the story, a row per line', () => {
    const doc = page(`<h1>Marvell results</h1><div class="article-body"><p>${P1}</p>
      <p>Here is how the company did compared with what analysts were expecting:</p>
      <ul><li><strong>Earnings per share:</strong> $0.89 adjusted vs. $0.84 expected</li><li><strong>Revenue:</strong> $2.47 billion vs. $2.42 billion expected</li></ul>
      <table><tr><th>Segment</th><th>Revenue</th><th>Change</th></tr><tr><td>Data center</td><td>$1.87bn</td><td>+42%</td></tr></table>
      <p>${P2}</p></div>`);
    expect(bodyLines(doc)).toEqual([P1, 'Here is how the company did compared with what analysts were expecting:',
      'Earnings per share: $0.89 adjusted vs. $0.84 expected', 'Revenue: $2.47 billion vs. $2.42 billion expected',
      'Segment | Revenue | Change', 'Data center | $1.87bn | +42%', P2]);
  });

  it('reads a live blog: every post, without timestamps and share buttons', () => {
    const post = (time: string, title: string, text: string) => `<div class="live-post"><div class="live-post__timestamp">${time}</div><h2>${title}</h2><p>${text}</p><div class="share-tools"><a href="#">Share</a></div></div>`;
    const doc = page(`<h1>Markets live: Fed decision day</h1><div class="live-blog-body">
      ${post('14:02', 'Fed holds rates', P1)}${post('13:40', 'Dollar slips', P2)}${post('13:15', 'Treasuries rally', P3)}${post('12:58', 'Oil climbs', P4)}</div>`,
    '<script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"Markets live: Fed decision day"}</script>');
    const a = detectArticle(doc);
    expect(a.isArticle).toBe(true);
    expect(bodyLines(doc)).toEqual(['Fed holds rates', P1, 'Dollar slips', P2, 'Treasuries rally', P3, 'Oil climbs', P4]);
  });

  it('reads a Q&A: questions and answers', () => {
    const doc = page(`<h1>What the Fed cut means for your mortgage</h1><div class="entry-content">
      <h3>Will my mortgage rate fall?</h3><p>${P1}</p><p><strong>Q: Should I lock in now?</strong></p><p>A: ${P2}</p>
      <dl><dt>What about savings?</dt><dd>${P3}</dd></dl></div>`);
    expect(bodyLines(doc)).toEqual(['Will my mortgage rate fall?', P1, 'Q: Should I lock in now?', `A: ${P2}`, 'What about savings?', P3]);
  });

  it('accepts a very short article when the page says it is one', () => {
    const brief = 'Barclays said on Tuesday it would buy back a further £750m of shares after first-half profit rose 12%.';
    const doc = page(`<article><h1>Barclays extends buyback</h1><div class="article-body"><p>${brief}</p></div></article>`,
      '<meta property="og:type" content="article">');
    const a = detectArticle(doc);
    expect(a.isArticle).toBe(true);
    expect(bodyLines(doc)).toEqual([brief]);
  });

  it('looks past a cookie wall that fills the first screen', () => {
    const wall = '<div id="consent-wall" role="dialog"><h2>We value your privacy</h2>' +
      '<p>We and our 842 partners store and access information on your device, such as cookies, and process personal data, such as unique identifiers, browsing behaviour and IP addresses, to personalise ads and content, measure ads and content, gain audience insights and develop and improve products.</p>' +
      '<p>With your permission we and our partners may use precise geolocation data and identification through device scanning. You may click to consent to our and our partners’ processing as described above, or access more detailed information and change your preferences before consenting or refusing.</p>' +
      '<button>Accept all</button><button>Reject all</button></div>';
    const doc = page(`${wall}<h1>Marvell shares jump</h1><div class="article-text"><p>${P1}</p><p>${P2}</p></div>`);
    expect(bodyLines(doc)).toEqual([P1, P2]);
  });

  it('reads the page behind a modal that set aria-hidden on it', () => {
    const doc = page(`<div class="page-wrap" aria-hidden="true"><h1>Marvell shares jump</h1><div class="story"><p>${P1}</p><p>${P2}</p></div></div>
      <div class="modal"><p>Please accept our cookies to continue. We and our partners use them for ads and measurement.</p><button>OK</button></div>`);
    const a = detectArticle(doc);
    expect(a.isArticle).toBe(true);
    expect(a.reason).toMatch(/aria-hidden/);
    expect(bodyLines(doc)).toEqual([P1, P2]);
  });

  it('uses JSON-LD articleBody to choose between look-alike containers, and returns the DOM blocks', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Marvell shares jump', articleBody: `${P1}\n${P2}` });
    const other = 'This is a reader comment, and a long one, which goes on about margins, guidance, buybacks, custom chips and what the chief executive said, at some length and with many commas, too.';
    const doc = page(`<h1>Marvell shares jump</h1><div class="x1"><p>${other}</p><p>${other} Again.</p></div><div class="x2"><p>${P1}</p><p>${P2}</p></div>`,
      `<script type="application/ld+json">${ld}</script>`);
    const a = detectArticle(doc);
    expect(a.blocks.map((b) => b.textContent)).toEqual([P1, P2]);
    expect(a.blocks.every((b) => b.ownerDocument === doc)).toBe(true);
  });

  it('skips what an isHidden hook reports hidden (the browser passes a computed-style check)', () => {
    const doc = page(`<h1>Marvell shares jump</h1><div class="article-body"><p>${P1}</p><p class="collapsed">${P2}</p><p>${P3}</p></div>`);
    const a = detectArticle(doc, { isHidden: (el) => el.classList.contains('collapsed') });
    expect(a.blocks.map(blockText)).toEqual([P1, P3]);
  });

  describe('says when a page is not an article, and why', () => {
    it.each([
      ['home-page.html', /too little story text|teasers/],
      ['section-front.html', /teasers|CollectionPage/],
      ['search-results.html', /teasers/],
      ['web-app.html', /too little story text/],
    ])('%s', (name, why) => {
      const a = detectArticle(fixture(name));
      expect(a.isArticle).toBe(false);
      expect(a.reason).toMatch(why);
    });

    it('a section front without any metadata is still a list of teasers', () => {
      const html = readFileSync(new URL('./fixtures/section-front.html', import.meta.url), 'utf8').replace(/<script type="application\/ld\+json">.*?<\/script>/s, '');
      const a = detectArticle(parse(html));
      expect(a.isArticle).toBe(false);
      expect(a.reason).toMatch(/teasers/);
    });
  });

  it('reads an old layout-table page: the story cell, not the navigation cell beside it', () => {
    const doc = parse(`<html><head><title>Marvell shares jump</title></head><body><table width="100%"><tr>
      <td width="160"><a href="/">Home</a><br><a href="/markets">Markets</a><br>Call our newsroom on 020 7946 0000<br></td>
      <td><h1>Marvell shares jump</h1><font size="2">${P1}<br><br>${P2}<br><br>${P3}</font></td></tr></table></body></html>`);
    expect(bodyLines(doc)).toEqual([P1, P2, P3]);
  });

  it('takes an unambiguously marked standfirst out of the body', () => {
    const doc = page(`<article class="article-body"><h1>Marvell shares jump</h1><p class="article-dek">Chipmaker beats estimates on custom AI chips</p><p>${P1}</p><p>${P2}</p></article>`);
    const a = detectArticle(doc);
    expect(a.standfirst?.textContent).toBe('Chipmaker beats estimates on custom AI chips');
    expect(bodyLines(doc)).toEqual([P1, P2]);
  });

  it('stops at the next story of an endless-scroll page', () => {
    const story = (h: string, ps: string[]) => `<div class="story"><h1>${h}</h1><div class="byline">By Dana Whitfield</div><p>${ps.join('</p><p>')}</p></div>`;
    const doc = page(`<div class="feed">${story('Marvell shares jump', [P1, P2, P3, P4])}${story('Dell shares sink', [P5, P5.replace('Marvell', 'Dell')])}</div>`);
    expect(bodyLines(doc)).toEqual([P1, P2, P3, P4]);
  });

  it('does not widen into the teasers of other stories that follow the body', () => {
    const teaser = (h: string, b: string) => `<article><h3><a href="/x">${h}</a></h3><p>${b}</p></article>`;
    const doc = page(`<div class="wrap"><article><h1>Marvell shares jump</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>
      <div class="more">${teaser('Rivals slump as Marvell gains share in custom chips', 'Analysts say the company is winning orders from its two biggest competitors, at a cost.')}
      ${teaser('Marvell CEO on AI, pricing and the road ahead', 'In an interview, Matt Murphy explains why he expects margins to recover, and when.')}</div></div>`);
    expect(bodyLines(doc)).toEqual([P1, P2, P3]);
  });

  it('keeps to the story when a long comment thread follows it', () => {
    const c = 'I have been a customer for years and, honestly, the chips are fine, but the prices keep going up, the support is slow, and every update breaks something, so, frankly, I am not surprised.';
    const comments = Array.from({ length: 10 }, (_, i) => `<li class="comment"><div class="comment-author">user${i}</div><div class="comment-content"><p>${c}</p><p>${c}</p></div></li>`).join('');
    const doc = page(`<article class="post"><h1 class="entry-title">Marvell shares jump</h1><div class="entry-content"><p>${P1}</p><p>${P2}</p></div></article>
      <div id="comments" class="comments-area"><h2>20 thoughts on “Marvell shares jump”</h2><ol class="comment-list">${comments}</ol></div>`);
    expect(bodyLines(doc)).toEqual([P1, P2]);
  });

  it('reads a bare page whose paragraphs sit right in <body>', () => {
    const doc = parse(`<html><head><title>Marvell shares jump</title></head><body><h1>Marvell shares jump</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></body></html>`);
    const a = detectArticle(doc);
    expect(a.isArticle).toBe(true);
    expect(bodyLines(doc)).toEqual([P1, P2, P3]);
  });

  it('accepts a story whose paragraphs are rich in links', () => {
    // Two words in five linked: 40% of the text.
    const linked = (p: string) => p.split(' ').map((w, i) => (i % 5 < 2 ? `<a href="/t">${w}</a>` : w)).join(' ');
    const doc = page(`<h1>Marvell shares jump</h1><div class="txt"><p>${linked(P1)}</p><p>${linked(P2)}</p><p>${linked(P3)}</p></div>`);
    const a = detectArticle(doc);
    expect(a.isArticle).toBe(true);
    expect(bodyLines(doc)).toEqual([P1, P2, P3]);
  });

  it.each(['<html><body></body></html>', '', 'plain text, no markup at all', '<frameset><frame src="a.html"></frameset>'])('handles a page without a story: %j', (html) => {
    const a = detectArticle(parse(html));
    expect(a.isArticle).toBe(false);
    expect(a.blocks).toEqual([]);
  });
});
