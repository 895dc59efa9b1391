// The Firefox build passes `web-ext lint` (addons.mozilla.org's own linter,
// run the way AMO runs it: not self-hosted) with no errors and no warnings.
// Uses web-ext's Node API rather than the CLI, which would also phone npm for
// an update check. Builds from the working tree (test/unit/fresh-build.ts).
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import webExt from 'web-ext';
import { freshBuild } from './fresh-build.ts';

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
}
interface LintResult {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

async function lint(sourceDir: string): Promise<LintResult> {
  // The linter prints its JSON report to the console as well as returning it.
  const quiet = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    return (await webExt.cmd.lint({ sourceDir, output: 'json', boring: true }, { shouldExitProgram: false })) as LintResult;
  } finally {
    quiet.mockRestore();
  }
}

const describeMessages = (list: LintMessage[]) =>
  list.map((m) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}: ${m.message}`).join('\n');

describe('web-ext lint of the Firefox build', () => {
  let dir = '';
  beforeAll(() => {
    dir = join(freshBuild(), 'firefox');
  }, 120_000);
  afterEach(() => vi.restoreAllMocks());

  it('reports no errors and no warnings', async () => {
    const result = await lint(dir);
    expect(result.errors, describeMessages(result.errors)).toEqual([]);
    expect(result.warnings, describeMessages(result.warnings)).toEqual([]);
    expect(result.summary).toMatchObject({ errors: 0, warnings: 0 });
  }, 120_000);
});
