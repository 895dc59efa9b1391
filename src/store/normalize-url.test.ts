import { describe, expect, it } from 'vitest';
import { companyKey } from './company-key.ts';
import { mergeSummary } from './merge-summary.ts';
import { normalizeUrl, registrableDomain } from './normalize-url.ts';
import { company, summaryOf } from './test-helpers.ts';

describe('normalizeUrl', () => {
  it('drops hash, tracking parameters and trailing slashes, keeps the rest sorted', () => {
    expect(normalizeUrl('HTTPS://News.Example.COM:443/a/b/?utm_source=x&b=2&fbclid=y&a=1&gclid=z#frag')).toBe('https://news.example.com/a/b?a=1&b=2');
    expect(normalizeUrl('https://example.com/')).toBe('https://example.com/');
    expect(normalizeUrl('https://example.com')).toBe('https://example.com/');
    expect(normalizeUrl('https://example.com/story//')).toBe('https://example.com/story');
    expect(normalizeUrl('https://example.com/story?id=5&mc_cid=1&_hsenc=2')).toBe('https://example.com/story?id=5');
    expect(normalizeUrl('https://user:pw@example.com/x')).toBe('https://example.com/x');
  });

  it('refuses what is not a web page address', () => {
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url', '', 'chrome://settings']) expect(normalizeUrl(bad)).toBeNull();
  });

  it('finds the registrable domain', () => {
    expect(registrableDomain('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(registrableDomain('markets.ft.com')).toBe('ft.com');
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
    expect(registrableDomain('10.0.0.1')).not.toBe(registrableDomain('192.168.0.1'));
  });
});

describe('companyKey', () => {
  it('ignores case, accents, punctuation and legal suffixes', () => {
    expect(companyKey('Alibaba Group Holding Ltd.')).toBe('alibaba group holding');
    expect(companyKey('NESTLÉ S.A.')).toBe('nestle');
    expect(companyKey("McDonald’s Corp")).toBe(companyKey("McDonald's"));
    expect(companyKey('AT&T Inc')).toBe('at and t');
    expect(companyKey('Co')).toBe('co');
  });
});

describe('mergeSummary', () => {
  it('keeps maximum counts and unions of lists', () => {
    const a = summaryOf({ companies: [company('A', 5)], keySentences: ['one'], words: 500, figures: [{ kind: 'percent', text: '5%', value: 5, mentions: 2 }] });
    const b = summaryOf({ companies: [company('A Inc', 2), company('B', 1)], keySentences: ['two', 'one'], words: 100, figures: [{ kind: 'percent', text: '5%', value: 5, mentions: 1 }] });
    const m = mergeSummary(a, b);
    expect(m.companies.map((c) => [c.name, c.mentions])).toEqual([['A Inc', 5], ['B', 1]]);
    expect(m.keySentences).toEqual(['two', 'one']);
    expect(m.words).toBe(500);
    expect(m.figures).toEqual([{ kind: 'percent', text: '5%', value: 5, mentions: 2 }]);
  });
});
