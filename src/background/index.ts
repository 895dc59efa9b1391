// Background entry: the service worker (Chrome) or event page (Firefox).
// It routes messages between the content scripts and the extension pages and
// is the only part that opens IndexedDB. Everything that matters lives in the
// database: the worker may be stopped between any two messages, so the only
// in-memory state is caches (the connection, the search index, a copy of the
// last error) that rebuild themselves on demand.
import browser, { type Runtime } from 'webextension-polyfill';
import type { ContentMessage, ContentRequests, UiEvent } from '../messages.ts';
import { dbConnector } from '../store/open-db.ts';
import { normalizeUrl, registrableDomain, siteOf } from '../store/normalize-url.ts';
import { createLibrarySearch } from '../store/search-index.ts';
import { MENU_ADD_NOTE, addNoteFromSelection, onCommand, unwrapReply, type CommandDeps, type Tab } from './commands.ts';
import { handle, type RouterDeps } from './router.ts';
import { registerFirstRun } from './first-run.ts';

/** The Chrome-only side panel API (webextension-polyfill does not cover it). */
interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  setPanelBehavior(options: { openPanelOnActionClick: boolean }): Promise<void>;
}
const chrome = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome;

const broadcast = (event: UiEvent) => {
  // Nobody listening (no panel open) rejects: that is fine.
  browser.runtime.sendMessage(event).catch(() => undefined);
};

/** Tell content scripts on the note's site to reload their notes. */
const notesChanged = (canonicalUrl: string) => {
  const domain = registrableDomain(siteOf(canonicalUrl));
  browser.tabs
    .query({})
    .then((tabs) => {
      for (const tab of tabs) {
        const url = tab.url ? normalizeUrl(tab.url) : null;
        if (tab.id === undefined || !url || registrableDomain(siteOf(url)) !== domain) continue;
        const message: ContentMessage<'content/notes-changed'> = { type: 'content/notes-changed', canonicalUrl };
        browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
      }
    })
    .catch(() => undefined);
};

const db = dbConnector();

const deps: RouterDeps = {
  db,
  extensionUrl: browser.runtime.getURL(''),
  extensionId: browser.runtime.id,
  search: createLibrarySearch(),
  memory: { lastError: null },
  broadcast,
  notesChanged,
  openPanel,
};

/**
 * Opens the side panel (Chrome) or sidebar (Firefox). Call it synchronously
 * from the listener of the user's action: both browsers refuse otherwise.
 * True when the browser was asked; a refusal is only logged.
 */
function openPanel(tab: { id?: number; windowId?: number } | undefined): boolean {
  const warn = (e: unknown) => console.warn('Newsmark: could not open the panel', e);
  try {
    if (chrome?.sidePanel) {
      // -2 is chrome.windows.WINDOW_ID_CURRENT (a message from an extension page has no tab).
      const target = tab?.id !== undefined ? { tabId: tab.id } : { windowId: tab?.windowId ?? -2 };
      chrome.sidePanel.open(target).catch(warn);
      return true;
    }
    if (browser.sidebarAction) {
      browser.sidebarAction.open().catch(warn);
      return true;
    }
  } catch (e) {
    warn(e);
  }
  return false;
}

const commandDeps: CommandDeps = {
  db,
  openPanel,
  async activeTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab as Tab | undefined;
  },
  async sendToTab<T extends keyof ContentRequests>(tabId: number, message: ContentMessage<T>) {
    try {
      // Content scripts answer with a Reply (src/page/messaging.ts).
      return unwrapReply<ContentRequests[T]['res']>(await browser.tabs.sendMessage(tabId, message));
    } catch {
      return undefined; // no content script in that tab (e.g. a browser page)
    }
  },
  broadcast,
  notesChanged,
};

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handle(message, sender, deps));

// Firefox may install without host access: then open the welcome page that asks for it.
registerFirstRun(browser);

browser.commands.onCommand.addListener((command: string, tab?: Tab) => {
  onCommand(command, tab, commandDeps).catch((e) => console.warn('Newsmark: command failed', command, e));
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_ADD_NOTE) return;
  addNoteFromSelection(tab as Tab | undefined, commandDeps).catch((e) => console.warn('Newsmark: add note failed', e));
});

browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: MENU_ADD_NOTE,
      title: browser.i18n.getMessage('menuAddNote') || 'Add note to selection',
      contexts: ['selection'],
    }),
  );
  // The toolbar button keeps its popup; the panel opens from the popup, the command and the menu.
  chrome?.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
});
