// Builds the extension for the unit tests that check what actually ships
// (no remote code, web-ext lint). The build goes to a temporary folder named
// after a hash of every build input, so it always matches the working tree,
// several test files share one build, and dist/ (which the e2e suite and
// other developers use) is never touched. Each build takes a few seconds.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export type BrowserName = 'chrome' | 'firefox';

const INPUTS = ['src', 'public', 'manifest.json', 'vite.config.ts', 'test/tools/vite-no-inner-html.ts', 'package-lock.json'];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

function inputHash(): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of files(join(repoRoot, input))) {
      if (/\.test\.tsx?$/.test(file)) continue; // tests are not shipped
      hash.update(file.slice(repoRoot.length)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Folder holding chrome/ and firefox/ builds of the current working tree. */
export function freshBuild(): string {
  const hash = inputHash();
  const target = join(tmpdir(), `newsmark-unit-build-${hash}`);
  if (existsSync(join(target, 'firefox', 'manifest.json'))) return target;
  // Test files run in parallel workers: one builds, the others wait for it.
  const lock = `${target}.lock`;
  let mine = false;
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    mine = true;
  } catch {
    // A lock older than any build is left over from a killed run: ignore it.
    const deadline = (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) + 180_000;
    while (!existsSync(join(target, 'firefox', 'manifest.json')) && existsSync(lock) && Date.now() < deadline) sleep(200);
    if (existsSync(join(target, 'firefox', 'manifest.json'))) return target;
  }
  try {
    return buildInto(target, hash);
  } finally {
    if (mine) rmSync(lock, { force: true });
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function buildInto(target: string, hash: string): string {
  const work = mkdtempSync(join(tmpdir(), 'newsmark-unit-build-tmp-'));
  const env = buildEnv();
  for (let attempt = 1; ; attempt++) {
    for (const browser of ['chrome', 'firefox'] as const) {
      execFileSync(join(repoRoot, 'node_modules/.bin/vite'), ['build', '--mode', browser, '--outDir', join(work, browser), '--emptyOutDir', '--logLevel', 'error'], {
        cwd: repoRoot,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    }
    // A file edited during the build would file this build under the wrong name.
    if (inputHash() === hash) break;
    if (attempt === 3) return work; // the tree keeps changing: use this build, cache nothing
    hash = inputHash();
    target = join(tmpdir(), `newsmark-unit-build-${hash}`);
  }
  pruneOldBuilds(target);
  try {
    renameSync(work, target); // atomic: a parallel test file may have won the race
  } catch {
    rmSync(work, { recursive: true, force: true });
  }
  return target;
}

/**
 * The environment of `npm run build`: vite.config.ts leaves the extension
 * plugin out when it sees VITEST, and vitest's NODE_ENV=test would make a
 * development build (Preact's dev JSX runtime, file paths in the bundle).
 */
export function buildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV'));
}

/** Builds of older trees pile up in the temp folder: keep the last hour's. */
function pruneOldBuilds(keep: string): void {
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith('newsmark-unit-build-') || path === keep) continue;
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}

/** Every file under `dir`, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return files(dir).map((f) => f.slice(dir.length + 1));
}
