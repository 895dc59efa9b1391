// Class-name vocabulary: which containers read as boilerplate.
import { describe, expect, it } from 'vitest';
import { classWords, isBoilerWords, isStrongContentWords } from './tags.ts';
import { parse } from './test-page.ts';

const words = (cls: string, id = '') => classWords(parse(`<html><body><div class="${cls}" id="${id}"></div></body></html>`).body.firstElementChild!);

describe('class words', () => {
  it('split on punctuation and camelCase', () => {
    expect(words('RelatedContent-relatedContent', 'rail_1')).toBe('related content related content rail 1');
  });

  it.each(['RelatedContent-relatedContent', 'ad-container', 'newsletter-panel', 'more-on-this', 'story-byline', 'consent-banner', 'InlineVideo-container'])(
    '%s is boilerplate', (cls) => expect(isBoilerWords(words(cls))).toBe(true));

  it.each(['article-body has-video', 'content-with-sidebar-wrp', 'entry-content no-ads', 'story-body__inner', 'KonaBody post-content', 'text parbase'])(
    '%s is not', (cls) => expect(isBoilerWords(words(cls))).toBe(false));

  it('knows the usual names of a story body', () => {
    expect(isStrongContentWords(words('ArticleBody-articleBody'))).toBe(true);
    expect(isStrongContentWords(words('entry-content'))).toBe(true);
    expect(isStrongContentWords(words('sidebar'))).toBe(false);
  });
});
