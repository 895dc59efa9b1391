// Test data: a summary and saved pages shaped like the extractor's output.
import type { PageSummary } from '../../extract/types.ts';
import type { PageInfo, SavedPage } from '../../messages.ts';

export const summary: PageSummary = {
  title: 'Alibaba shares surge after cloud revenue jumps',
  companies: [
    { name: 'Alibaba Group Holding', aliases: ['Alibaba'], ticker: 'BABA', exchange: 'NYSE', mentions: 9 },
    { name: 'Tencent', aliases: [], ticker: '0700', mentions: 2 },
  ],
  people: [{ name: 'Eddie Wu', aliases: ['Wu'], role: 'chief executive', mentions: 2 }],
  figures: [
    { kind: 'money', text: '31.7 billion yuan', value: 31_700_000_000, currency: 'CNY', mentions: 1 },
    { kind: 'percent', text: '15 percent', value: 15, mentions: 2 },
  ],
  moves: [
    { subject: 'Alibaba', direction: 'up', magnitude: { value: 15, unit: '%' }, text: 'Alibaba shares surged 15 percent.' },
    { subject: 'the Hang Seng', direction: 'down', magnitude: { value: 1.2, unit: '%' }, text: 'The Hang Seng fell 1.2%.' },
  ],
  keySentences: ['Alibaba shares surged 15 percent.', 'Cloud revenue rose to 31.7 billion yuan.'],
  words: 640,
};

export const page: PageInfo = {
  url: 'https://news.example/a?utm=x',
  canonicalUrl: 'https://news.example/a',
  title: summary.title,
  site: 'news.example',
  published: '2026-11-20',
  isArticle: true,
  reason: 'article',
};

export function savedPage(over: Partial<SavedPage> = {}): SavedPage {
  return { ...page, id: page.canonicalUrl, readAt: '2026-11-20T10:00:00Z', savedAt: '2026-11-20T10:05:00Z', summary, ...over };
}
