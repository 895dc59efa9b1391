// The one typed contract between the parts of the extension. Every message
// that crosses runtime.sendMessage / tabs.sendMessage is declared here, with
// what it answers. The background validates each request it receives against
// these shapes before acting on it (see src/background/validate.ts).
//
// Who sends what:
//   content script -> background : page/*, note/anchored
//   popup, side panel, options -> background : library/*, note/*, settings/*, data/*
//   background, popup, side panel -> content script (tabs.sendMessage) : content/*
//   background -> extension pages (runtime.sendMessage broadcast)  : ui/*  (UiEvents)
//
// Every reply is a Reply<T>: errors travel as values ({ ok: false, error }) and
// the background never throws across the boundary. Pages are keyed by their
// canonical URL (normalised again in the background, see src/store/normalize-url.ts);
// SavedPage.id is that same canonical URL.
import type { Category, Move, PageSummary } from './extract/types.ts';

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
  /** Set by the content script when the quote can no longer be found on the page. Detached notes are kept, never dropped. */
  detached?: boolean;
  /** Created from a selection by the add-note command/menu and not yet edited; 'note/update' clears it. */
  draft?: boolean;
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
  /** Highlight colour per category (a CSS colour picked from the presets in src/ui/components/category-colors.ts); absent = default. */
  colors?: Partial<Record<Category, string>>;
}

/** A saved page as the popup, side panel and exports see it. */
export interface SavedPage extends PageInfo {
  /** Same as canonicalUrl. */
  id: string;
  /** ISO time the page was first read (the "saved this week" index). */
  readAt: string;
  /** ISO time of the latest save/merge. */
  savedAt: string;
  /** Merged over every update: counts only grow, lists only gain entries. */
  summary: PageSummary;
}

/** Why 'page/update' did or did not store the page. */
export type SaveReason =
  | 'saved'
  | 'not-article'
  | 'ask'
  | 'never'
  | 'private'
  | 'disabled-site'
  | 'error';

/** A market move of one company, with the page it was read on (company view timeline). */
export interface CompanyMove {
  move: Move;
  canonicalUrl: string;
  title: string;
  site: string;
  /** published if the page has it, else readAt. */
  date: string;
}

export interface CompanySummary {
  /** Canonical name as the extractor gave it (most recent page wins). */
  name: string;
  /** Normalised key (lowercase, no legal suffix) that the company index uses. */
  key: string;
  ticker?: string;
  pages: number;
  mentions: number;
}

/** What went wrong last, so the popup can tell the reader (e.g. a full disk). */
export interface LastError {
  message: string;
  /** 'quota' for a full disk, else 'storage', 'invalid', 'forbidden', 'internal'. */
  code: ErrorCode;
  /** Message type that failed. */
  request: string;
  at: string;
}

export interface Status {
  lastError: LastError | null;
  pages: number;
  notes: number;
  schemaVersion: number;
}

export type ErrorCode = 'invalid' | 'forbidden' | 'quota' | 'storage' | 'not-found' | 'internal';

export interface LibraryQuery {
  text?: string;
  company?: string;
  site?: string;
  /** ISO dates or times, inclusive, compared with readAt (a bare date 'to' covers that whole day). */
  from?: string;
  to?: string;
  /** Default 100, at most 1000. */
  limit?: number;
  offset?: number;
}

export type ExportFormat = 'markdown' | 'json' | 'csv';

/** A request without parameters. (Not Record<string, never>: that would make `{ type }` itself impossible.) */
export type NoParams = Record<never, never>;

/** Requests, keyed by type, with the response each one gets. */
export interface Requests {
  // content script -> background
  /** Saves per Settings.saveMode; an already saved page is always updated (merged). */
  'page/update': { req: { page: PageInfo; summary: PageSummary }; res: { saved: boolean; reason?: SaveReason } };
  'page/notes': { req: { canonicalUrl: string }; res: Note[] };
  'note/anchored': { req: { id: string; detached: boolean }; res: { ok: true } };
  // extension pages -> background
  'page/get': { req: { canonicalUrl: string }; res: SavedPage | null };
  'page/save': { req: { page: PageInfo; summary: PageSummary }; res: SavedPage };
  'page/forget': { req: { canonicalUrl: string }; res: { ok: true } };
  /** text searches titles, sites, company/person names, key sentences and notes; results newest first. */
  'library/list': { req: LibraryQuery; res: SavedPage[] };
  /** All pages mentioning the company, the notes on them and its moves over time (oldest first). */
  'library/company': { req: { name: string }; res: { pages: SavedPage[]; notes: Note[]; moves: CompanyMove[]; name: string } };
  /** Every company in the library, most pages first. */
  'library/companies': { req: { limit?: number }; res: CompanySummary[] };
  /** Every site in the library with its number of pages, alphabetical (for the site filter). */
  'library/sites': { req: NoParams; res: { site: string; pages: number }[] };
  'note/add': { req: Omit<Note, 'id' | 'created' | 'updated'>; res: Note };
  'note/update': { req: { id: string; body: string }; res: Note };
  'note/delete': { req: { id: string }; res: { ok: true } };
  'note/list': { req: { canonicalUrl?: string }; res: Note[] };
  /** The newest draft note (from the add-note command or menu), or null. */
  'note/draft': { req: NoParams; res: Note | null };
  'settings/get': { req: NoParams; res: Settings };
  'settings/set': { req: Partial<Settings>; res: Settings };
  /** ids = canonical URLs; none = the whole library. Markdown: one page -> one document, several -> one file with a section per page. */
  'data/export': { req: { format: ExportFormat; ids?: string[] }; res: { filename: string; mime: string; text: string } };
  /** All-or-nothing; merges by canonical URL / note id. pages/notes: in the file; newPages/newNotes: not in the library before. */
  'data/import': { req: { text: string }; res: { pages: number; notes: number; newPages: number; newNotes: number } };
  'data/delete-all': { req: { confirm: true }; res: { ok: true } };
  // anyone (content script or extension page) -> background
  /** Last error (e.g. storage full) and library counts, for the popup. */
  'status/get': { req: NoParams; res: Status };
  'status/clear-error': { req: NoParams; res: { ok: true } };
  /**
   * Open the side panel (Chrome) / sidebar (Firefox) on the sender's tab, e.g. from a hover card
   * click. Must be sent straight from the click handler: the browser demands the user gesture.
   * focus is handed to the panel ('ui/focus' broadcast, and 'panel/focus' when it starts later).
   */
  'panel/open': { req: { focus?: PanelFocus }; res: { opened: boolean } };
  /** The focus asked for by the latest 'panel/open' (within the last minute), once; null if none. */
  'panel/focus': { req: NoParams; res: PanelFocus | null };
}

/** What the side panel should show when it opens. */
export interface PanelFocus {
  category: Category;
  name: string;
}

/** Messages to the content script of one tab. */
export interface ContentRequests {
  'content/summary': { req: NoParams; res: { page: PageInfo; summary: PageSummary } | null };
  'content/scan': { req: NoParams; res: { page: PageInfo; summary: PageSummary } };
  /** toggle: flip the current state (the toggle-highlights command); enabled wins over toggle. */
  'content/highlights': { req: { enabled?: boolean; toggle?: boolean; categories?: Partial<Record<Category, boolean>> }; res: { enabled: boolean; categories: Record<Category, boolean> } };
  'content/scroll-to': { req: { category: Category; name: string; index?: number }; res: { found: boolean } };
  /** canonicalUrl: the page's key, so the note lands on the right record (the background falls back to the tab URL). */
  'content/note-from-selection': { req: NoParams; res: { quote: TextQuoteSelector; position: TextPositionSelector; canonicalUrl?: string } | null };
  'content/notes-changed': { req: { canonicalUrl: string }; res: { ok: true } };
}

export type RequestType = keyof Requests;
export type Message<T extends RequestType = RequestType> = { type: T } & Requests[T]['req'];
export type ContentMessage<T extends keyof ContentRequests = keyof ContentRequests> = { type: T } & ContentRequests[T]['req'];

/** Broadcasts from the background to open extension pages (runtime.sendMessage; nobody may be listening). */
export interface UiEvents {
  /** A draft note was made from a selection; the side panel should open it for editing. */
  'ui/note-draft': { note: Note };
  /** A page or its notes changed (saved, merged, forgotten, imported). canonicalUrl absent = many pages. */
  'ui/library-changed': { canonicalUrl?: string };
  /** Show this entity (sent after 'panel/open' with a focus). */
  'ui/focus': { focus: PanelFocus };
}
export type UiEvent<T extends keyof UiEvents = keyof UiEvents> = { type: T } & UiEvents[T];

/** Errors travel as values, so the sender can tell "failed" from "nobody answered". */
export type Reply<R> = { ok: true; value: R } | { ok: false; error: string; code?: ErrorCode };
