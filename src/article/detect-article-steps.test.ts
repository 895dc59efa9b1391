// detectArticleSteps: detection in short steps gives detectArticle's result,
// yields often on a big page and seldom on a small one, keeps each step's
// work bounded, and survives a page that changes while it is suspended.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectArticle, detectArticleSteps, type ArticleBody, type DetectOptions } from './index.ts';
import { readMeta, textKey } from './metadata.ts';
import { DEFAULT_STEP, HIDDEN_CHECK_COST, drain, newPace } from './pace.ts';
import { page, parse } from './test-page.ts';

const SENTENCES = [
  'Shares of Toyota rose 3.2 percent on Tuesday after the carmaker raised its full-year profit forecast, citing a weaker yen.',
  'Analysts said the outlook remained uncertain, with demand in China still uneven and costs rising across the industry.',
  'The company declined to comment on the report, which cited people familiar with the matter who asked not to be named.',
];

/** A long story among page furniture; inline spans carry classes so a hidden check is asked about them. */
function bigPage(paragraphs: number): Document {
  const ps: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    ps.push(`<p>${SENTENCES[i % 3]} <span class="ref">Paragraph ${i}</span>, <a href="/x${i}">more</a> on it.</p>`);
    if (i % 25 === 24) ps.push(`<h2>Part ${i}</h2><div class="related-links"><a href="/r${i}">Related story number ${i} about markets</a></div>`);
  }
  const teasers = Array.from({ length: 40 }, (_, i) => `<li><a href="/t${i}">Teaser headline number ${i} for another story</a></li>`).join('');
  return parse(`<!doctype html><html><head><title>Toyota raises forecast - Ledger</title><meta property="og:type" content="article"></head><body>
<nav>${Array.from({ length: 60 }, (_, i) => `<a href="/s${i}">Section ${i}</a>`).join('')}</nav>
<main><article><h1>Toyota raises forecast</h1><div class="article-body">${ps.join('\n')}</div></article>
<aside class="sidebar"><h3>Most read</h3><ul>${teasers}</ul></aside></main>
<footer><p>© 2026 Ledger Media Ltd.</p></footer></body></html>`);
}

const story = (n: number) => Array.from({ length: n }, (_, i) => `<p>${SENTENCES[i % 3]} (${i})</p>`).join('');

/** Runs the steps, calling `between(k)` while the generator is suspended after its k-th step. */
function stepped(doc: Document, options: DetectOptions, between?: (k: number) => void): { result: ArticleBody; steps: number } {
  const steps = detectArticleSteps(doc, options);
  let k = 0;
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return { result: r.value, steps: k };
    k++;
    between?.(k);
  }
}

const same = (a: ArticleBody, b: ArticleBody) => {
  expect(a.isArticle).toBe(b.isArticle);
  expect(a.reason).toBe(b.reason);
  expect(a.title).toBe(b.title);
  expect(a.standfirst).toBe(b.standfirst);
  expect(a.blocks.length).toBe(b.blocks.length);
  expect(a.blocks.every((el, i) => el === b.blocks[i])).toBe(true);
};

/** What the generator promises on a page that changed: blocks in the body, once each. */
function sane(doc: Document, a: ArticleBody): void {
  for (const b of a.blocks) expect(doc.body.contains(b)).toBe(true);
  expect(new Set(a.blocks).size).toBe(a.blocks.length);
  if (a.standfirst) expect(doc.body.contains(a.standfirst)).toBe(true);
}

describe('detectArticleSteps', () => {
  it('yields many times on a big page and few times on a small one', () => {
    const big = stepped(bigPage(2000), {});
    expect(big.result.isArticle).toBe(true);
    expect(big.result.blocks.length).toBeGreaterThanOrEqual(2000);
    expect(big.steps).toBeGreaterThan(50);
    const small = stepped(page(`<article><h1>Toyota raises forecast</h1>${story(4)}</article>`), {});
    expect(small.result.isArticle).toBe(true);
    expect(small.steps).toBeLessThanOrEqual(3);
    // A step size that is not a positive number means the default.
    expect(stepped(bigPage(2000), { step: NaN }).steps).toBe(big.steps);
    expect(stepped(bigPage(2000), { step: Infinity }).steps).toBe(0);
  });

  it('drained, gives exactly what detectArticle gives, whatever the step size', () => {
    const docs = [bigPage(600), parse(readFileSync(new URL('./fixtures/home-page.html', import.meta.url), 'utf8')), page(`<h1>Toyota raises forecast</h1>${story(6)}`)];
    const hidden = (el: Element) => el.classList.contains('ref') && el.textContent!.endsWith('7');
    for (const doc of docs) {
      for (const isHidden of [undefined, hidden]) {
        const once = detectArticle(doc, { isHidden });
        for (const step of [1, 13, DEFAULT_STEP, 1e9, Infinity, 0, -3, NaN]) same(drain(detectArticleSteps(doc, { isHidden, step })), once);
      }
    }
  });

  it('spends a bounded number of layout hidden checks between two yields', () => {
    const doc = bigPage(800);
    const step = 200;
    let checks = 0;
    let most = 0;
    const { result } = stepped(doc, { step, isHidden: () => (checks++, false) }, () => {
      most = Math.max(most, checks);
      checks = 0;
    });
    expect(result.isArticle).toBe(true);
    expect(most).toBeGreaterThan(0);
    // A step ends once its units are spent; one block's text (its own checks) may run past the end.
    expect(most).toBeLessThanOrEqual(step / HIDDEN_CHECK_COST + 2);
  });

  it('keys a long JSON-LD articleBody in pieces, exactly as keying it whole', () => {
    const words = ['Toyota', 'ΟΔΥΣΣΕΥΣ', 'İstanbul', '3.2%', 'don\u2019t', '<b>bold</b>', '<a href="/x y">link text</a>', 'a<b', 'c>d', '\u4e2d\u6587'];
    let body = '';
    for (let i = 0; body.length < 120_000; i++) body += `${words[(i * 7) % words.length]}${i % 5 ? ' ' : '\n'}`;
    const doc = parse(`<!doctype html><html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script></head><body><p>x</p></body></html>`);
    const pace = newPace(50);
    const steps = readMeta(doc, [], [], pace);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(r.value.bodyKey).toBe(textKey(body.replace(/<[^>]*>/g, ' ')));
    expect(yields).toBeGreaterThan(3);
  });
});

describe('detectArticleSteps on a page that changes while it is suspended', () => {
  const fresh = () => page(`<article><h1>Toyota raises forecast</h1><p class="standfirst">Carmaker beats estimates as the yen weakens</p>
    <div class="article-body" id="body">${story(12)}<div class="share-bar"><a href="/s">Share</a></div>${story(6)}</div></article>`);
  const STEP = 4;
  const pauses = stepped(fresh(), { step: STEP }).steps;

  // Every kind of change at every pause point: never throws, never returns a block outside the body or twice.
  const changes: Record<string, (doc: Document) => void> = {
    'remove every third element': (doc) => [...doc.body.querySelectorAll('*')].filter((_, i) => i % 3 === 0).forEach((el) => el.remove()),
    'remove the story container': (doc) => doc.getElementById('body')!.remove(),
    'move the first paragraphs to the end': (doc) => {
      const b = doc.getElementById('body')!;
      for (const p of [...b.querySelectorAll('p')].slice(0, 4)) b.appendChild(p);
    },
    'add paragraphs at both ends': (doc) => {
      const b = doc.getElementById('body')!;
      b.insertAdjacentHTML('afterbegin', story(3));
      b.insertAdjacentHTML('beforeend', story(3));
    },
    'replace the whole body': (doc) => { doc.body.innerHTML = `<div class="post"><h1>Another</h1>${story(3)}</div>`; },
    'empty the body': (doc) => { doc.body.textContent = ''; },
  };
  it.each(Object.keys(changes))('%s, at every pause', (name) => {
    expect(pauses).toBeGreaterThan(20);
    for (let at = 1; at <= pauses; at++) {
      const doc = fresh();
      const { result } = stepped(doc, { step: STEP }, (k) => { if (k === at) changes[name](doc); });
      sane(doc, result);
    }
  });

  it('finds text added ahead of the walk and drops text removed ahead of it, as a fresh detection does', () => {
    const doc = fresh();
    const added = doc.createElement('p');
    added.textContent = SENTENCES[0];
    const { result } = stepped(doc, { step: STEP }, (k) => {
      if (k !== 2) return;
      doc.getElementById('body')!.appendChild(added);
      doc.querySelector('.share-bar')!.nextElementSibling!.remove();
    });
    expect(result.blocks.includes(added)).toBe(true);
    same(result, detectArticle(doc));
  });

  it('reads on past paragraphs removed around the place where the walk paused', () => {
    // One unit per step pauses the walk at every node (the walk is over after
    // as many pauses as the body has nodes), inside the removed paragraphs too,
    // and right before them.
    const doc0 = fresh();
    const nodes = doc0.body.querySelectorAll('*').length * 2;
    expect(stepped(doc0, { step: 1 }).steps).toBeGreaterThan(nodes);
    for (let at = 1; at <= nodes; at++) {
      const doc = fresh();
      const paragraphs = [...doc.querySelectorAll('#body p')];
      const { result } = stepped(doc, { step: 1 }, (k) => { if (k === at) paragraphs.slice(3, 6).forEach((p) => p.remove()); });
      sane(doc, result);
      expect(result.isArticle).toBe(true);
      expect(result.blocks.includes(paragraphs[6])).toBe(true);
      expect(result.blocks.includes(paragraphs[paragraphs.length - 1])).toBe(true);
    }
  });
});
