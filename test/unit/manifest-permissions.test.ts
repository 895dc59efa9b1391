// Least privilege: the manifest asks for exactly the permissions the code
// uses, host access only to http/https pages, and nothing that lets web pages
// or other extensions in. Checked on manifest.json and on both built
// manifests (the build adds web_accessible_resources and per-browser keys).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { freshBuild, repoRoot } from './fresh-build.ts';

/** Each permission Newsmark holds, and why (the README's "Permissions and privacy" says the same). */
const JUSTIFIED: Record<string, string> = {
  contextMenus: 'the "Add note to selection" item in the page\'s context menu',
  sidePanel: 'Chrome\'s side panel (Firefox uses sidebar_action, which needs no permission)',
};
const PAGES = ['http://*/*', 'https://*/*'];

/** API namespaces that only work with a permission of the same name (the ones an extension like this might reach for). */
const GATED = ['alarms', 'bookmarks', 'browsingData', 'clipboardRead', 'clipboardWrite', 'contextMenus', 'cookies', 'debugger', 'declarativeNetRequest', 'downloads', 'geolocation', 'history', 'identity', 'idle', 'management', 'menus', 'nativeMessaging', 'notifications', 'offscreen', 'pageCapture', 'privacy', 'proxy', 'scripting', 'search', 'sessions', 'sidePanel', 'storage', 'tabCapture', 'topSites', 'unlimitedStorage', 'webNavigation', 'webRequest'];

function sourceText(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return sourceText(path);
      return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? readFileSync(path, 'utf8') : '';
    })
    .join('\n');
}

describe('manifest.json', () => {
  const code = sourceText(join(repoRoot, 'src'));
  const used = new Set([...code.matchAll(/\b(?:browser|chrome)\??\.(\w+)/g)].map((m) => m[1]));

  it('asks for exactly the justified permissions', () => {
    expect([...manifest.permissions].sort()).toEqual(Object.keys(JUSTIFIED).sort());
  });

  it('uses every permission it asks for, and asks for every gated API it uses', () => {
    for (const permission of manifest.permissions) expect(used, `${permission} is declared but never used in src/`).toContain(permission);
    const undeclared = GATED.filter((api) => used.has(api) && !manifest.permissions.includes(api));
    expect(undeclared, 'APIs used without a permission').toEqual([]);
  });

  it('reaches only http and https pages, top frames only, in the isolated world', () => {
    expect(manifest.host_permissions).toEqual(PAGES);
    expect(manifest).not.toHaveProperty('optional_permissions');
    expect(manifest).not.toHaveProperty('optional_host_permissions');
    for (const script of manifest.content_scripts as Record<string, unknown>[]) {
      expect(script.matches).toEqual(PAGES);
      expect(script).not.toHaveProperty('all_frames');
      expect(script).not.toHaveProperty('match_about_blank');
      expect(script).not.toHaveProperty('match_origin_as_fallback');
      expect(script).not.toHaveProperty('world');
    }
  });
});

describe.each(['chrome', 'firefox'] as const)('built %s manifest', (browser) => {
  let built: Record<string, any> = {};
  beforeAll(() => {
    built = JSON.parse(readFileSync(join(freshBuild(), browser, 'manifest.json'), 'utf8'));
  }, 180_000);

  it('keeps least privilege after the build', () => {
    const expected = browser === 'chrome' ? ['contextMenus', 'sidePanel'] : ['contextMenus'];
    expect([...built.permissions].sort()).toEqual(expected);
    expect(built.host_permissions).toEqual(PAGES);
    expect(built).not.toHaveProperty('externally_connectable');
    expect(built).not.toHaveProperty('content_security_policy'); // the MV3 default: script-src 'self'
  });

  it('exposes only the content script\'s own chunks to pages', () => {
    const entries = (built.web_accessible_resources ?? []) as { resources: string[]; matches: string[] }[];
    for (const entry of entries) {
      expect(entry.matches).toEqual(PAGES);
      for (const resource of entry.resources) expect(resource).toMatch(/^assets\/[\w.-]+\.js$/);
    }
    const all = entries.flatMap((e) => e.resources);
    expect(all.some((r) => r.includes('.html')), 'no extension page may be framed by a web page').toBe(false);
  });

  it(browser === 'firefox' ? 'declares that it collects no data' : 'carries no Firefox-only keys', () => {
    if (browser === 'firefox') {
      expect(built.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    } else {
      expect(built).not.toHaveProperty('browser_specific_settings');
      expect(built).not.toHaveProperty('sidebar_action');
    }
  });
});
