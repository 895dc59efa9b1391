// Shared by the store's and the background's tests: a fresh fake-indexeddb
// database per test and builders for pages and summaries.
import 'fake-indexeddb/auto';
import type { CompanyEntry, Move, PageSummary } from '../extract/types.ts';
import type { PageInfo } from '../messages.ts';
import { openNewsmarkDb } from './open-db.ts';
import type { NewsmarkDb } from './schema.ts';

let counter = 0;
export const uniqueName = () => `test-${process.pid}-${Date.now()}-${counter++}`;

export function freshDb(version?: number): Promise<NewsmarkDb> {
  return openNewsmarkDb(uniqueName(), version);
}

export function company(name: string, mentions = 1, extra: Partial<CompanyEntry> = {}): CompanyEntry {
  return { name, aliases: [], mentions, ...extra };
}

export function move(subject: string, direction: 'up' | 'down', value: number, text: string): Move {
  return { subject, direction, magnitude: { value, unit: '%' }, text };
}

export function summaryOf(parts: Partial<PageSummary> = {}): PageSummary {
  return { title: '', companies: [], people: [], figures: [], moves: [], keySentences: [], words: 100, ...parts };
}

export function pageInfo(url: string, parts: Partial<PageInfo> = {}): PageInfo {
  return { url, canonicalUrl: url, title: 'A page', site: new URL(url).hostname.replace(/^www\./, ''), isArticle: true, reason: 'article', ...parts };
}
