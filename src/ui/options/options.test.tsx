// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../messages.ts';
import { COLOR_PRESETS } from '../components/category-colors.ts';
import { fakeApi, settle } from '../testing/fake-api.ts';
import { useEnglishMessages } from '../testing/messages.ts';
import { Options, siteOf } from './options.tsx';

let root: HTMLElement;
beforeAll(() => useEnglishMessages());
afterEach(() => {
  render(null, root);
  root.remove();
});
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;
async function click(el: Element) {
  (el as HTMLElement).click();
  await settle();
}

function setup() {
  let settings: Settings = { saveMode: 'auto', categories: { company: true, person: true, figure: true, move: true }, disabledSites: ['ads.example'], savePrivate: false };
  const deleted: boolean[] = [];
  const api = fakeApi({
    'settings/get': () => settings,
    'settings/set': (patch) => (settings = { ...settings, ...patch }),
    'data/export': ({ format }) => ({ filename: `newsmark-library.${format}`, mime: 'text/plain', text: 'x' }),
    'data/delete-all': () => {
      deleted.push(true);
      return { ok: true };
    },
  });
  const download = vi.fn();
  root = document.createElement('div');
  document.body.append(root);
  render(<Options api={api} download={download} />, root);
  return { api, download, deleted, get: () => settings };
}

describe('Options', () => {
  it('switches categories and picks colours from the presets', async () => {
    const s = setup();
    await settle();
    const person = root.querySelector('[data-category=person] input[type=checkbox]')!;
    await click(person);
    expect(s.get().categories.person).toBe(false);
    const group = root.querySelector('[data-category=move] [role=radiogroup]')!;
    expect(group.getAttribute('aria-label')).toBe('Colour of Moves');
    const radios = group.querySelectorAll('input[type=radio]');
    expect((radios[0] as HTMLInputElement).checked).toBe(true);
    await click(radios[2]);
    expect(s.get().colors).toEqual({ move: COLOR_PRESETS.move[2] });
    expect((root.querySelector('[data-category=move] input[type=radio]:checked') as HTMLInputElement).value).toBe(COLOR_PRESETS.move[2]);
    expect(root.querySelector('[role=status]')?.textContent).toBe('Saved.');
  });

  it('adds and removes sites where Newsmark is off, refusing non-hosts', async () => {
    const s = setup();
    await settle();
    const input = root.querySelector('#new-site') as HTMLInputElement;
    input.value = 'https://www.FT.com/markets?x=1';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    await click(button('Add'));
    expect(s.get().disabledSites).toEqual(['ads.example', 'www.ft.com']);
    input.value = 'not a site';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    await click(button('Add'));
    expect(root.querySelector('[role=alert]')?.textContent).toContain('is not a site name');
    await click(root.querySelector('[aria-label="Turn Newsmark back on for ads.example"]')!);
    expect(s.get().disabledSites).toEqual(['www.ft.com']);
  });

  it('sets the saving mode and private windows', async () => {
    const s = setup();
    await settle();
    await click(root.querySelector('input[name=save-mode][value=ask]')!);
    expect(s.get().saveMode).toBe('ask');
    const priv = [...root.querySelectorAll('label')].find((l) => l.textContent?.includes('private windows'))!.querySelector('input')!;
    await click(priv);
    expect(s.get().savePrivate).toBe(true);
  });

  it('exports everything and deletes only after the confirmation step', async () => {
    const s = setup();
    await settle();
    await click(button('JSON'));
    expect(s.download).toHaveBeenCalledWith('newsmark-library.json', 'text/plain', 'x');
    await click(button('Delete all pages and notes…'));
    expect(s.deleted).toEqual([]);
    expect(root.textContent).toContain('This cannot be undone.');
    await click(button('Cancel'));
    expect(s.deleted).toEqual([]);
    await click(button('Delete all pages and notes…'));
    await click(button('Yes, delete everything'));
    expect(s.deleted).toEqual([true]);
    expect(root.querySelector('[role=status]')?.textContent).toBe('Every page and note was deleted.');
  });

  it('siteOf keeps host names only', () => {
    expect(siteOf(' Reuters.com ')).toBe('reuters.com');
    expect(siteOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(siteOf('localhost')).toBe('');
    expect(siteOf('a b')).toBe('');
  });
});
