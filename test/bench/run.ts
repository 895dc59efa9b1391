// `npm run bench`: runs every benchmark part in test/bench (each file that
// exports `async function run()` and prints its own table), extraction first.
// Parts that only run at import time are imported; their output appears as is.
//
//   npm run bench [-- --only extract,article]
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ORDER = ['extract', 'article', 'browser'];

async function main() {
  const only = process.argv.indexOf('--only');
  const wanted = only > 0 ? new Set(process.argv[only + 1].split(',')) : undefined;
  const parts = readdirSync(here)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -3))
    .filter((p) => !wanted || wanted.has(p))
    .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
  let failed = 0;
  for (const part of parts) {
    console.log(`\n=== bench: ${part}`);
    try {
      const mod = (await import(pathToFileURL(`${here}/${part}.ts`).href)) as { run?: () => Promise<unknown> };
      if (typeof mod.run === 'function') await mod.run();
    } catch (err) {
      failed++;
      console.error(`bench ${part} failed: ${(err as Error).stack ?? err}`);
    }
  }
  if (failed) process.exitCode = 1;
}

void main();
