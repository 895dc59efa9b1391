// Every string key the UI asks t() for exists in the English messages.json,
// and t() answers with the key when no message source exists (plain tests).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import messages from '../../public/_locales/en/messages.json' with { type: 'json' };
import { setMessageSource, t } from './i18n.ts';
import { CATEGORIES } from './components/category-colors.ts';
import { getMessage } from './testing/messages.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\./.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('i18n', () => {
  it('has a message for every key used', () => {
    const used = new Set<string>();
    for (const file of sources(new URL('.', import.meta.url).pathname)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(m[1]);
    }
    for (const c of CATEGORIES) used.add(`category_${c}`);
    for (const m of ['auto', 'ask', 'never']) used.add(`saveMode_${m}`);
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !(k in messages));
    expect(missing).toEqual([]);
  });

  it('falls back to the key and fills placeholders', () => {
    setMessageSource(null);
    expect(t('savePage')).toBe('savePage');
    setMessageSource(getMessage);
    expect(t('imported', 3, 1, 2, 0)).toBe('Imported 3 pages and 1 notes: 2 pages and 0 notes were new, the rest merged with what you had.');
    setMessageSource(null);
  });
});
