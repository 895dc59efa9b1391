// `npm run package` (test/tools/package.ts): the store zips hold exactly the
// build with manifest.json at the root, are byte-for-byte reproducible, and the
// source archive is complete: the Firefox add-on rebuilt from it alone (plus
// the installed node_modules) is identical to the uploaded one, the check an
// AMO reviewer makes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFolder, writePackages, type PackageResult } from '../tools/package.ts';
import { buildEnv, freshBuild, repoRoot } from './fresh-build.ts';

const version = JSON.parse(readFileSync(join(repoRoot, 'manifest.json'), 'utf8')).version as string;
let dist = '';
let out = '';
let results: PackageResult[] = [];
const zip = (kind: string) => unzipSync(readFileSync(join(out, `newsmark-${kind}-${version}.zip`)));

beforeAll(() => {
  dist = freshBuild();
  out = mkdtempSync(join(tmpdir(), 'newsmark-package-test-'));
  results = writePackages({ distDir: dist, outDir: out });
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('store packages', () => {
  it.each(['chrome', 'firefox'])('the %s zip is exactly the build, manifest at the root', (browser) => {
    const files = zip(browser);
    const built = readFolder(join(dist, browser));
    expect(Object.keys(files).sort()).toEqual([...built.keys()].sort());
    for (const [name, content] of built) expect(Buffer.from(files[name]).equals(Buffer.from(content)), name).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json'])).version).toBe(version);
  });

  it('writes the same bytes twice', () => {
    const again = writePackages({ distDir: dist, outDir: join(out, 'again') });
    expect(again.map((r) => r.sha256)).toEqual(results.map((r) => r.sha256));
  });

  it('refuses a missing build with a clear message', () => {
    expect(() => writePackages({ distDir: join(out, 'nothing'), outDir: join(out, 'x') })).toThrow(/No build in .*chrome: run npm run build first/);
  });
});

/** Packages `distDir`, rebuilds Firefox from the source zip alone, and lists the files that differ. */
function rebuildMismatch(distDir: string, outDir: string): string[] {
  writePackages({ distDir, outDir });
  const read = (kind: string) => unzipSync(readFileSync(join(outDir, `newsmark-${kind}-${version}.zip`)));
  const work = mkdtempSync(join(tmpdir(), 'newsmark-source-rebuild-'));
  try {
    for (const [name, content] of Object.entries(read('source'))) {
      mkdirSync(dirname(join(work, name)), { recursive: true });
      writeFileSync(join(work, name), content);
    }
    symlinkSync(join(repoRoot, 'node_modules'), join(work, 'node_modules'), 'dir');
    execFileSync(join(work, 'node_modules/.bin/vite'), ['build', '--mode', 'firefox', '--outDir', join(work, 'rebuilt'), '--emptyOutDir', '--logLevel', 'error'], { cwd: work, env: buildEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    const rebuilt = readFolder(join(work, 'rebuilt'));
    const uploaded = read('firefox');
    const names = new Set([...rebuilt.keys(), ...Object.keys(uploaded)]);
    return [...names].filter((n) => !rebuilt.has(n) || !uploaded[n] || !Buffer.from(uploaded[n]).equals(Buffer.from(rebuilt.get(n)!))).sort();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

describe('source archive for AMO', () => {
  it('holds the source and build instructions, and no build output or dependencies', () => {
    const names = Object.keys(zip('source'));
    for (const needed of ['BUILD.md', 'package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'tsconfig.json', 'src/background/index.ts', 'test/tools/vite-no-inner-html.ts', 'public/_locales/en/messages.json']) {
      expect(names).toContain(needed);
    }
    expect(names.filter((n) => /^(?:node_modules|dist|\.git)\//.test(n))).toEqual([]);
    expect(new TextDecoder().decode(zip('source')['BUILD.md'])).toContain('npm ci');
  });

  it('rebuilds into exactly the uploaded Firefox add-on', () => {
    // In a shared work tree a file may change between the build and the
    // archive; only a mismatch that survives a fresh second round fails.
    let mismatch = rebuildMismatch(dist, out);
    if (mismatch.length) {
      const second = mkdtempSync(join(tmpdir(), 'newsmark-package-test-'));
      mismatch = rebuildMismatch(freshBuild(), second);
      rmSync(second, { recursive: true, force: true });
    }
    expect(mismatch, 'files of the Firefox zip that the source archive does not reproduce').toEqual([]);
  }, 120_000);
});
