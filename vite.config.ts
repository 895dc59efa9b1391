// One source tree, two builds: `vite build --mode chrome` writes dist/chrome,
// `--mode firefox` writes dist/firefox. manifest.json holds the union of both
// browsers' keys; forBrowser() strips what the other browser does not know, so
// neither build draws "unrecognized key" warnings.
import { defineConfig } from 'vitest/config';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { noInnerHtml } from './test/tools/vite-no-inner-html.ts';

type Browser = 'chrome' | 'firefox';

function forBrowser(browser: Browser) {
  const m: Record<string, unknown> = structuredClone(baseManifest);
  if (browser === 'chrome') {
    delete m.sidebar_action;
    delete m.browser_specific_settings;
  } else {
    delete m.side_panel;
    delete m.minimum_chrome_version;
    m.permissions = (m.permissions as string[]).filter((p) => p !== 'sidePanel');
    m.background = { scripts: ['src/background/index.ts'], type: 'module' };
  }
  return m;
}

export default defineConfig(({ mode }) => {
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome';
  // vitest reads this file too; the extension build plugin has no business there.
  const testing = !!process.env.VITEST;
  return {
    plugins: testing ? [preact()] : [noInnerHtml(), preact(), crx({ manifest: forBrowser(browser) as never, browser })],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      // Both browsers preload modules natively; Vite's polyfill would ship a fetch() call.
      modulePreload: { polyfill: false },
      // crxjs builds the pages named in action/side_panel/options_ui but not
      // Firefox's sidebar_action panel, so name every page explicitly.
      rollupOptions: {
        input: {
          sidepanel: 'src/ui/sidepanel/index.html',
          welcome: 'src/ui/welcome/index.html',
        },
      },
    },
    test: {
      include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}'],
      environment: 'node',
    },
  };
});
