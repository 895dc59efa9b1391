// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './page-info.ts';

function doc(head: string): Document {
  document.head.innerHTML = head;
  return document;
}

describe('canonicalUrl', () => {
  it('prefers <link rel=canonical>, then og:url, resolving relative links', () => {
    expect(canonicalUrl(doc('<link rel="canonical" href="/story/1"><meta property="og:url" content="https://x.test/og">'), 'https://news.test/story/1?utm_source=tw#top')).toBe('https://news.test/story/1');
    expect(canonicalUrl(doc('<meta property="og:url" content="https://x.test/og?id=3&utm_medium=social">'), 'https://news.test/a')).toBe('https://x.test/og?id=3');
  });

  it('falls back to the location without hash and tracking parameters', () => {
    expect(canonicalUrl(doc(''), 'https://news.test/a?id=7&fbclid=abc&utm_campaign=x#section')).toBe('https://news.test/a?id=7');
  });

  it('ignores links when asked (an SPA left the previous page\'s canonical link in place)', () => {
    expect(canonicalUrl(doc('<link rel="canonical" href="https://news.test/old">'), 'https://news.test/new', { ignoreLinks: true })).toBe('https://news.test/new');
  });

  it('ignores non-web canonical links', () => {
    expect(canonicalUrl(doc('<link rel="canonical" href="javascript:alert(1)">'), 'https://news.test/a')).toBe('https://news.test/a');
  });
});
