// registerFirstRun opens the welcome page on install exactly when the
// manifest's host origins are not granted (Firefox can leave them ungranted).
import { describe, expect, it } from 'vitest';
import { hostOrigins, openWelcomeIfNeeded, registerFirstRun, WELCOME_PAGE, type FirstRunApi } from './first-run.ts';

function fakeApi(granted: boolean, hostPermissions = ['http://*/*', 'https://*/*']) {
  const opened: string[] = [];
  const asked: string[][] = [];
  let listener: ((d: { reason: string }) => void) | undefined;
  const api: FirstRunApi = {
    runtime: {
      getManifest: () => ({ host_permissions: hostPermissions }),
      getURL: (path) => `moz-extension://uuid/${path}`,
      onInstalled: { addListener: (fn) => void (listener = fn) },
    },
    permissions: {
      contains: async ({ origins }) => {
        asked.push(origins);
        return granted;
      },
    },
    tabs: { create: async ({ url }) => void opened.push(url) },
  };
  const fire = async (reason: string) => {
    listener!({ reason });
    await new Promise((r) => setTimeout(r, 0));
  };
  return { api, opened, asked, fire };
}

describe('first run', () => {
  it('reads the origins from the manifest', () => {
    expect(hostOrigins(fakeApi(true).api)).toEqual(['http://*/*', 'https://*/*']);
  });

  it('opens the welcome page on install when host access is missing', async () => {
    const f = fakeApi(false);
    registerFirstRun(f.api);
    await f.fire('install');
    expect(f.asked).toEqual([['http://*/*', 'https://*/*']]);
    expect(f.opened).toEqual([`moz-extension://uuid/${WELCOME_PAGE}`]);
  });

  it('opens nothing when access is granted (Chrome, or a Firefox reader who accepted)', async () => {
    const f = fakeApi(true);
    registerFirstRun(f.api);
    await f.fire('install');
    expect(f.asked.length).toBe(1);
    expect(f.opened).toEqual([]);
  });

  it('does not nag on updates or browser updates', async () => {
    const f = fakeApi(false);
    registerFirstRun(f.api);
    await f.fire('update');
    await f.fire('browser_update');
    expect(f.opened).toEqual([]);
  });

  it('asks for nothing when the manifest needs no hosts', async () => {
    const f = fakeApi(false, []);
    expect(await openWelcomeIfNeeded(f.api)).toBe(false);
    expect(f.opened).toEqual([]);
  });
});
