// The one typed contract between the parts of the extension. Every message
// that crosses runtime.sendMessage / tabs.sendMessage is declared here, with
// what it answers. The background validates each request it receives against
// these shapes before acting on it (see src/background/validate.ts).
//
// Who sends what:
//   content script -> background : page/*, note/anchored
//   popup, side panel, options -> background : library/*, note/*, settings/*, data/*
//   background, popup, side panel -> content script (tabs.sendMessage) : content/*
import type { Category, PageSummary } from './extract/types.ts';

/** What the content script knows of the page it runs in. */
export interface PageInfo {
  url: string;
  /** <link rel=canonical> or og:url, normalised; the key a page is stored under. */
  canonicalUrl: string;
  title: string;
  site: string;
  /** ISO date from the page's metadata, if it has one. */
  published?: string;
  isArticle: boolean;
  reason: string;
}

/** W3C Web Annotation selectors that anchor a note to page text. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Note {
  id: string;
  /** Canonical URL of the page the note belongs to. */
  pageUrl: string;
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
  body: string;
  created: string;
  updated: string;
  /** Set by the content script when the quote can no longer be found on the page. */
  detached?: boolean;
}

export type SaveMode = 'auto' | 'ask' | 'never';

export interface Settings {
  saveMode: SaveMode;
  /** Categories highlighted on pages. */
  categories: Record<Category, boolean>;
  /** Hosts where Newsmark does nothing. */
  disabledSites: string[];
  /** Store pages read in private/incognito windows. */
  savePrivate: boolean;
}

/** A saved page as the popup, side panel and exports see it. */
export interface SavedPage extends PageInfo {
  id: string;
  readAt: string;
  savedAt: string;
  summary: PageSummary;
}

export interface LibraryQuery {
  text?: string;
  company?: string;
  site?: string;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  limit?: number;
}

export type ExportFormat = 'markdown' | 'json' | 'csv';

/** Requests, keyed by type, with the response each one gets. */
export interface Requests {
  // content script -> background
  'page/update': { req: { page: PageInfo; summary: PageSummary }; res: { saved: boolean; reason?: string } };
  'page/notes': { req: { canonicalUrl: string }; res: Note[] };
  'note/anchored': { req: { id: string; detached: boolean }; res: { ok: true } };
  // extension pages -> background
  'page/get': { req: { canonicalUrl: string }; res: SavedPage | null };
  'page/save': { req: { page: PageInfo; summary: PageSummary }; res: SavedPage };
  'page/forget': { req: { canonicalUrl: string }; res: { ok: true } };
  'library/list': { req: LibraryQuery; res: SavedPage[] };
  'library/company': { req: { name: string }; res: { pages: SavedPage[]; notes: Note[] } };
  'note/add': { req: Omit<Note, 'id' | 'created' | 'updated'>; res: Note };
  'note/update': { req: { id: string; body: string }; res: Note };
  'note/delete': { req: { id: string }; res: { ok: true } };
  'note/list': { req: { canonicalUrl?: string }; res: Note[] };
  'settings/get': { req: Record<string, never>; res: Settings };
  'settings/set': { req: Partial<Settings>; res: Settings };
  'data/export': { req: { format: ExportFormat; ids?: string[] }; res: { filename: string; mime: string; text: string } };
  'data/import': { req: { text: string }; res: { pages: number; notes: number } };
  'data/delete-all': { req: { confirm: true }; res: { ok: true } };
}

/** Messages to the content script of one tab. */
export interface ContentRequests {
  'content/summary': { req: Record<string, never>; res: { page: PageInfo; summary: PageSummary } | null };
  'content/scan': { req: Record<string, never>; res: { page: PageInfo; summary: PageSummary } };
  'content/highlights': { req: { enabled?: boolean; categories?: Partial<Record<Category, boolean>> }; res: { enabled: boolean; categories: Record<Category, boolean> } };
  'content/scroll-to': { req: { category: Category; name: string; index?: number }; res: { found: boolean } };
  'content/note-from-selection': { req: Record<string, never>; res: { quote: TextQuoteSelector; position: TextPositionSelector } | null };
  'content/notes-changed': { req: { canonicalUrl: string }; res: { ok: true } };
}

export type RequestType = keyof Requests;
export type Message<T extends RequestType = RequestType> = { type: T } & Requests[T]['req'];
export type ContentMessage<T extends keyof ContentRequests = keyof ContentRequests> = { type: T } & ContentRequests[T]['req'];

/** Errors travel as values, so the sender can tell "failed" from "nobody answered". */
export type Reply<R> = { ok: true; value: R } | { ok: false; error: string };
