// First run: make sure Newsmark may read the pages it is meant to mark up.
// Chrome grants the manifest's host_permissions at install. Firefox treats MV3
// host permissions as optional: the reader can decline them at install or take
// them back later in the Add-ons Manager, and then the content script never
// runs. The background cannot ask by itself (permissions.request needs a user
// gesture), so when access is missing it opens the welcome page, which explains
// why and asks on a button click. Works the same in both browsers: where access
// is already granted nothing opens.
//
// Takes the extension API as a parameter (no polyfill import) so it is tested
// in node with a fake and imported by the welcome page for the origin list.

/** Path of the welcome page inside the extension. */
export const WELCOME_PAGE = 'src/ui/welcome/index.html';

export interface FirstRunApi {
  runtime: {
    getManifest(): { host_permissions?: string[] };
    getURL(path: string): string;
    onInstalled: { addListener(fn: (details: { reason: string }) => void): void };
  };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  tabs: { create(p: { url: string }): Promise<unknown> };
}

/** The origins Newsmark needs, read from the manifest so there is one list. */
export function hostOrigins(api: { runtime: { getManifest(): { host_permissions?: string[] } } }): string[] {
  return [...(api.runtime.getManifest().host_permissions ?? [])];
}

/** Opens the welcome page when host access is missing; true when it did. */
export async function openWelcomeIfNeeded(api: FirstRunApi): Promise<boolean> {
  const origins = hostOrigins(api);
  if (origins.length === 0 || (await api.permissions.contains({ origins }))) return false;
  await api.tabs.create({ url: api.runtime.getURL(WELCOME_PAGE) });
  return true;
}

/** Call once at the top level of the background script. */
export function registerFirstRun(api: FirstRunApi): void {
  api.runtime.onInstalled.addListener(({ reason }) => {
    // Only on a fresh install: someone who declined is not asked again on every update.
    if (reason !== 'install') return;
    openWelcomeIfNeeded(api).catch((e) => console.warn('Newsmark: could not check host access', e));
  });
}
