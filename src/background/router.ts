// The background's message router as a pure function: handle(message, sender,
// deps) validates the message and its sender, runs the request against the
// store and always resolves to a Reply; nothing throws across the boundary.
// deps carries everything browser-specific, so tests drive it without an
// extension around it.
import type { ErrorCode, LastError, Reply, Requests, RequestType, Settings, UiEvent } from '../messages.ts';
import { InvalidData } from '../store/check.ts';
import { describeError, StoreError } from '../store/errors.ts';
import { exportLibrary } from '../store/export-library.ts';
import { deleteAll, importBackup } from '../store/import-backup.ts';
import { companyView, listCompanies, listPages, listSites } from '../store/library.ts';
import { normalizeUrl, registrableDomain, siteOf } from '../store/normalize-url.ts';
import { addNote, deleteNote, getNote, latestDraft, listNotes, setDetached, updateNote } from '../store/notes.ts';
import { forgetPage, getPage, savePage, writePage } from '../store/pages.ts';
import type { NewsmarkDb } from '../store/schema.ts';
import type { LibrarySearch } from '../store/search-index.ts';
import { getSettings, setSettings } from '../store/settings.ts';
import { getStatus, setLastError, setPanelFocus, takePanelFocus } from '../store/status.ts';
import { senderProblem, validateMessage, type Sender } from './validate.ts';

export interface RouterDeps {
  db: () => Promise<NewsmarkDb>;
  /** runtime.getURL(''): extension pages' URLs start with it. */
  extensionUrl: string;
  /** runtime.id; when set, messages from other extensions are refused. */
  extensionId?: string;
  search: LibrarySearch;
  /** The last error, also kept here because writing it to a full disk may fail. */
  memory: { lastError: LastError | null };
  now?: () => Date;
  /** Tell open extension pages (side panel, popup) that something changed. */
  broadcast?: (event: UiEvent) => void;
  /** Tell content scripts showing this page that its notes changed. */
  notesChanged?: (canonicalUrl: string) => void;
  /** Open the side panel/sidebar for a tab; called synchronously (user gesture). False if there is none. */
  openPanel?: (tab: Sender['tab'] | undefined) => boolean;
}

interface Ctx {
  db: NewsmarkDb;
  sender: Sender;
  deps: RouterDeps;
  now: Date;
  /** Whether the panel opened (panel/open only). */
  opened?: boolean;
}

type Handlers = { [T in RequestType]: (req: Requests[T]['req'], ctx: Ctx) => Promise<Requests[T]['res']> };

/** Hosts in disabledSites match themselves and their subdomains. */
export function siteDisabled(settings: Settings, url: string): boolean {
  const host = siteOf(url);
  return settings.disabledSites.some((d) => {
    const site = d.replace(/^www\./, '');
    return host === site || host.endsWith(`.${site}`);
  });
}

/**
 * The key a content script's page is stored under. A page may name any URL as
 * its canonical one; one pointing at another site would let a page write into
 * another site's record, so then the tab's own address is used instead.
 */
export function trustedCanonicalUrl(claimed: string, senderUrl: string | undefined): string {
  const own = senderUrl ? normalizeUrl(senderUrl) : null;
  const canon = normalizeUrl(claimed);
  if (!own) return canon ?? claimed;
  if (canon && registrableDomain(siteOf(canon)) === registrableDomain(siteOf(own))) return canon;
  return own;
}

function changed(ctx: Ctx, canonicalUrl?: string) {
  ctx.deps.search.touch(canonicalUrl);
  ctx.deps.broadcast?.({ type: 'ui/library-changed', ...(canonicalUrl ? { canonicalUrl } : {}) });
}

function notesChanged(ctx: Ctx, canonicalUrl: string) {
  changed(ctx, canonicalUrl);
  ctx.deps.notesChanged?.(canonicalUrl);
}

const handlers: Handlers = {
  async 'page/update'({ page, summary }, ctx) {
    const settings = await getSettings(ctx.db);
    const canonicalUrl = trustedCanonicalUrl(page.canonicalUrl, ctx.sender.url ?? ctx.sender.tab?.url);
    // The site filter groups by host: derive it from the key rather than trust the page.
    const info = { ...page, canonicalUrl, site: siteOf(canonicalUrl) || page.site };
    if (ctx.sender.tab?.incognito && !settings.savePrivate) return { saved: false, reason: 'private' };
    if (siteDisabled(settings, ctx.sender.url ?? ctx.sender.tab?.url ?? page.url)) return { saved: false, reason: 'disabled-site' };
    const autoSave = settings.saveMode === 'auto' && page.isArticle;
    const result = await writePage(ctx.db, info, summary, ctx.now, !autoSave);
    if (result) {
      if (result.changed) changed(ctx, result.page.canonicalUrl);
      return { saved: true, reason: 'saved' };
    }
    return { saved: false, reason: settings.saveMode === 'auto' ? 'not-article' : settings.saveMode };
  },
  async 'page/notes'({ canonicalUrl }, ctx) {
    return listNotes(ctx.db, trustedCanonicalUrl(canonicalUrl, ctx.sender.url ?? ctx.sender.tab?.url));
  },
  async 'note/anchored'({ id, detached }, ctx) {
    const note = await getNote(ctx.db, id);
    if (!note) throw new StoreError('not-found', 'That note no longer exists.');
    const own = normalizeUrl(ctx.sender.url ?? ctx.sender.tab?.url ?? '');
    if (own && registrableDomain(siteOf(own)) !== registrableDomain(siteOf(note.pageUrl))) {
      throw new StoreError('forbidden', 'A page may only mark its own notes.');
    }
    if (!!note.detached !== detached) {
      await setDetached(ctx.db, id, detached);
      changed(ctx, note.pageUrl);
    }
    return { ok: true };
  },
  async 'page/get'({ canonicalUrl }, ctx) {
    return getPage(ctx.db, canonicalUrl);
  },
  async 'page/save'({ page, summary }, ctx) {
    const saved = await savePage(ctx.db, page, summary, ctx.now);
    changed(ctx, saved.canonicalUrl);
    return saved;
  },
  async 'page/forget'({ canonicalUrl }, ctx) {
    await forgetPage(ctx.db, canonicalUrl);
    notesChanged(ctx, normalizeUrl(canonicalUrl) ?? canonicalUrl);
    return { ok: true };
  },
  async 'library/list'(query, ctx) {
    return listPages(ctx.db, query, ctx.deps.search);
  },
  async 'library/company'({ name }, ctx) {
    return companyView(ctx.db, name);
  },
  async 'library/companies'({ limit }, ctx) {
    return listCompanies(ctx.db, limit);
  },
  async 'library/sites'(_req, ctx) {
    return listSites(ctx.db);
  },
  async 'note/add'(input, ctx) {
    const note = await addNote(ctx.db, input, ctx.now);
    notesChanged(ctx, note.pageUrl);
    return note;
  },
  async 'note/update'({ id, body }, ctx) {
    const note = await updateNote(ctx.db, id, body, ctx.now);
    notesChanged(ctx, note.pageUrl);
    return note;
  },
  async 'note/delete'({ id }, ctx) {
    const note = await getNote(ctx.db, id);
    await deleteNote(ctx.db, id);
    if (note) notesChanged(ctx, note.pageUrl);
    return { ok: true };
  },
  async 'note/list'({ canonicalUrl }, ctx) {
    return listNotes(ctx.db, canonicalUrl);
  },
  async 'note/draft'(_req, ctx) {
    return latestDraft(ctx.db);
  },
  async 'settings/get'(_req, ctx) {
    return getSettings(ctx.db);
  },
  async 'settings/set'(patch, ctx) {
    return setSettings(ctx.db, patch);
  },
  async 'data/export'({ format, ids }, ctx) {
    return exportLibrary(ctx.db, format, ids, ctx.now);
  },
  async 'data/import'({ text }, ctx) {
    const result = await importBackup(ctx.db, text);
    changed(ctx);
    return result;
  },
  async 'data/delete-all'(_req, ctx) {
    await deleteAll(ctx.db);
    changed(ctx);
    return { ok: true };
  },
  async 'status/get'(_req, ctx) {
    const status = await getStatus(ctx.db);
    const mem = ctx.deps.memory.lastError;
    if (mem && (!status.lastError || mem.at > status.lastError.at)) status.lastError = mem;
    return status;
  },
  async 'panel/open'({ focus }, ctx) {
    // The panel itself was opened synchronously in handle(); what is left is the hand-over.
    if (focus) {
      await setPanelFocus(ctx.db, focus, ctx.now);
      ctx.deps.broadcast?.({ type: 'ui/focus', focus });
    }
    return { opened: ctx.opened ?? false };
  },
  async 'panel/focus'(_req, ctx) {
    return takePanelFocus(ctx.db, ctx.now);
  },
  async 'status/clear-error'(_req, ctx) {
    ctx.deps.memory.lastError = null;
    await setLastError(ctx.db, null);
    return { ok: true };
  },
};

function fail(error: string, code: ErrorCode): Reply<never> {
  return { ok: false, error, code };
}

/** Remember storage failures so the popup can show them (status/get). */
async function remember(deps: RouterDeps, lastError: LastError): Promise<void> {
  deps.memory.lastError = lastError;
  try {
    await setLastError(await deps.db(), lastError);
  } catch {
    // The disk may be full: the in-memory copy has to do.
  }
}

function openPanelNow(sender: Sender, deps: RouterDeps): boolean {
  try {
    return deps.openPanel?.(sender.tab) ?? false;
  } catch {
    return false;
  }
}

export async function handle(message: unknown, sender: Sender, deps: RouterDeps): Promise<Reply<unknown>> {
  let type: RequestType;
  let req: unknown;
  try {
    ({ type, req } = validateMessage(message));
  } catch (error) {
    return fail(`Invalid message: ${error instanceof Error ? error.message : String(error)}`, 'invalid');
  }
  const refused = senderProblem(type, sender, deps.extensionUrl, deps.extensionId);
  if (refused) return fail(`Refused: ${refused}.`, 'forbidden');

  // Before the first await, while the user gesture of the click that sent this is still valid.
  const opened = type === 'panel/open' ? openPanelNow(sender, deps) : undefined;

  const now = deps.now?.() ?? new Date();
  try {
    const db = await deps.db();
    const run = handlers[type] as (req: unknown, ctx: Ctx) => Promise<unknown>;
    return { ok: true, value: await run(req, { db, sender, deps, now, opened }) };
  } catch (error) {
    if (error instanceof InvalidData) return fail(error.message, 'invalid');
    const { code, message: text } = describeError(error);
    if (code === 'quota' || code === 'storage' || code === 'internal') {
      await remember(deps, { message: text, code, request: type, at: now.toISOString() });
    }
    return fail(text, code);
  }
}
