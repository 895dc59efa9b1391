// Background entry: the service worker (Chrome) or event page (Firefox).
// It routes messages between the content scripts and the extension pages and
// is the only part that opens IndexedDB.
import browser from 'webextension-polyfill';

browser.runtime.onInstalled.addListener(() => {
  // Placeholder until the router lands (issue 4).
});
