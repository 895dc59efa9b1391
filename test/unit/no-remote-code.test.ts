// What ships has no eval, no remote code and no way to reach the network:
// builds both browsers from the working tree (test/unit/fresh-build.ts) and
// scans every JS, HTML and CSS file and the manifest, libraries included.
// The scanners are first shown to catch each pattern, so a pass means something.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshBuild, listFiles } from './fresh-build.ts';
import { ALLOWED_URLS, describeFindings, scanCss, scanHtml, scanJs, scanManifest, type Finding } from './scan-bundle.ts';

describe('scanners catch what they look for', () => {
  const rules = (code: string) => scanJs('x.js', code).map((f) => f.rule);
  it.each([
    ['eval("1")', 'call to eval()'],
    ['window.eval(s)', 'call to window.eval()'],
    ['new Function("return 1")', 'new Function()'],
    ['Function("return 1")()', 'call to Function()'],
    ['fetch("/x")', 'call to fetch()'],
    ['globalThis.fetch(u)', 'call to globalThis.fetch()'],
    ['const f = fetch; f(u)', 'reference to fetch (could be called indirectly)'],
    ['new XMLHttpRequest()', 'new XMLHttpRequest()'],
    ['new WebSocket("wss://a.example")', 'new WebSocket()'],
    ['new EventSource(u)', 'new EventSource()'],
    ['navigator.sendBeacon(u, d)', 'use of sendBeacon'],
    ['importScripts(u)', 'call to importScripts()'],
    ['setTimeout("alert(1)", 1)', 'setTimeout with a string (evaluates code)'],
    ['import("https://cdn.example/x.js")', 'dynamic import() of something other than an extension file'],
    ['import(u)', 'dynamic import() of something other than an extension file'],
    ['const u = "https://tracker.example/p"', 'remote URL in a string: https://tracker.example/p'],
    ['const u = `wss://${host}/live`', 'remote URL in a string: wss://'],
  ])('%s', (code, rule) => {
    expect(rules(code)).toContain(rule);
  });

  it('lets harmless look-alikes through', () => {
    const code = [
      'class Map2 { fetch(k, d) { return this.get(k) ?? d } }',
      'index.fetch(term, x)',
      'const o = { fetch: 1, eval: 2 }',
      'import(chrome.runtime.getURL("assets/content.js"))',
      'import("./chunk.js")',
      'el.namespaceURI == "http://www.w3.org/2000/svg"',
      'new URL(`https://${site}`).hostname',
    ].join(';\n');
    expect(scanJs('ok.js', code)).toEqual([]);
  });

  it('finds remote and inline code in HTML and CSS', () => {
    const html = '<script src="https://cdn.example/a.js"></script><script>alert(1)</script><img src="//t.example/p.gif" onerror="x()"><script type="module" src="/assets/a.js"></script>';
    expect(scanHtml('a.html', html).map((f) => f.rule)).toEqual([
      'script from another origin',
      'inline <script>',
      'remote resource in a page',
      'remote resource in a page',
      'inline event handler attribute',
    ]);
    expect(scanCss('a.css', '@import "https://fonts.example/f.css"; a { background: url(//t.example/p.png) } b { background: url(data:image/png;base64,AA) }').length).toBe(2);
  });

  it('flags a manifest that allows eval or remote code', () => {
    const bad = {
      content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval' https://cdn.example; object-src 'self'" },
      externally_connectable: { matches: ['https://*.example/*'] },
      update_url: 'https://updates.example/x.xml',
    };
    expect(scanManifest(bad).map((f) => f.rule)).toEqual([
      "CSP extension_pages allows 'unsafe-eval'",
      'CSP extension_pages allows a remote source https://cdn.example',
      'self-hosted updates (update_url)',
      'web pages may message the extension (externally_connectable)',
    ]);
    expect(scanManifest({ content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" } })).toEqual([]);
  });
});

describe.each(['chrome', 'firefox'] as const)('the %s build', (browser) => {
  let dir = '';
  let files: string[] = [];
  beforeAll(() => {
    dir = join(freshBuild(), browser);
    files = listFiles(dir);
  }, 120_000);

  const scan = (pattern: RegExp, scanner: (file: string, text: string) => Finding[]) =>
    files.filter((f) => pattern.test(f)).flatMap((f) => scanner(f, readFileSync(join(dir, f), 'utf8')));

  it('has no eval, remote code or network calls in any script (libraries included)', () => {
    const js = files.filter((f) => /\.m?js$/.test(f));
    expect(js.length).toBeGreaterThan(3);
    const findings = scan(/\.m?js$/, scanJs);
    expect(findings, `Forbidden code in dist/${browser}:\n${describeFindings(findings)}\n(If a URL is a harmless identifier, add it to ALLOWED_URLS in test/unit/scan-bundle.ts with the reason.)`).toEqual([]);
  });

  it('every allowed URL is still needed (the allow-list does not rot)', () => {
    const text = files.filter((f) => /\.m?js$/.test(f)).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    const unused = Object.keys(ALLOWED_URLS).filter((url) => !text.includes(url));
    expect(unused, 'remove these from ALLOWED_URLS').toEqual([]);
  });

  it('has no remote or inline scripts in its pages and nothing remote in its CSS', () => {
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThanOrEqual(4);
    const findings = [...scan(/\.html$/, scanHtml), ...scan(/\.css$/, scanCss)];
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  it('has a manifest that allows neither eval nor remote sources', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const findings = scanManifest(manifest);
    expect(findings, describeFindings(findings)).toEqual([]);
  });
});
