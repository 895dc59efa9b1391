// The Chrome build loads with no manifest warnings: the union manifest's
// Firefox-only keys must be gone and every permission must be one Chrome knows.
// Chromium reports such warnings on chrome://extensions once developer mode is
// on; we turn it on, reload the unpacked extensions and read
// chrome.developerPrivate's report. A copy of the build with an unknown key
// and an unknown permission, loaded beside it, shows the check can fail.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, distDir } from './browsers.ts';

interface ExtensionReport {
  name: string;
  path: string;
  installWarnings: string[];
  manifestErrors: { message: string }[];
}

describe('chrome: manifest warnings', () => {
  let context: BrowserContext;
  let reports: ExtensionReport[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'newsmark-manifest-warnings-'));
  const tampered = join(tmp, 'tampered');

  beforeAll(async () => {
    buildOnce();
    const dist = distDir('chrome');
    cpSync(dist, tampered, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(tampered, 'manifest.json'), 'utf8'));
    writeFileSync(join(tampered, 'manifest.json'), JSON.stringify({ ...manifest, name: 'Tampered copy', not_a_manifest_key: true, permissions: [...manifest.permissions, 'notAPermission'] }));
    context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        `--disable-extensions-except=${dist},${tampered}`, `--load-extension=${dist},${tampered}`],
    });
    const page = await context.newPage();
    await page.goto('chrome://extensions');
    reports = await page.evaluate(async () => {
      const dp = (globalThis as any).chrome.developerPrivate;
      // Manifest warnings are collected by the error console, which developer mode switches on.
      await dp.updateProfileConfiguration({ inDeveloperMode: true });
      const unpacked = (await dp.getExtensionsInfo()).filter((e: any) => e.location === 'UNPACKED');
      for (const e of unpacked) await dp.reload(e.id, { failQuietly: true });
      for (let i = 0; i < 50; i++) {
        const list = await dp.getExtensionsInfo();
        if (list.find((e: any) => e.name === 'Tampered copy')?.manifestErrors.length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      return (await dp.getExtensionsInfo())
        .filter((e: any) => e.location === 'UNPACKED')
        .map((e: any) => ({ name: e.name, path: e.path, installWarnings: e.installWarnings, manifestErrors: e.manifestErrors.map((m: any) => ({ message: m.message })) }));
    });
  }, 90_000);
  afterAll(async () => {
    await context?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('the check sees warnings in a tampered copy', () => {
    const bad = reports.find((r) => r.name === 'Tampered copy');
    expect(bad, 'the tampered copy did not load').toBeTruthy();
    const messages = bad!.manifestErrors.map((m) => m.message).join('\n');
    expect(messages).toContain("Unrecognized manifest key 'not_a_manifest_key'");
    expect(messages).toContain("'notAPermission' is unknown");
  });

  it('Newsmark loads with no manifest warnings or install warnings', () => {
    const ours = reports.find((r) => r.name === 'Newsmark');
    expect(ours, `Newsmark did not load: ${JSON.stringify(reports)}`).toBeTruthy();
    expect(ours!.manifestErrors).toEqual([]);
    expect(ours!.installWarnings).toEqual([]);
  });
});
