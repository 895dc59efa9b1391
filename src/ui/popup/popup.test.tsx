// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../messages.ts';
import { fakeApi, settle } from '../testing/fake-api.ts';
import { useEnglishMessages } from '../testing/messages.ts';
import { page, savedPage, summary } from '../testing/sample.ts';
import { Popup } from './popup.tsx';

const settings: Settings = { saveMode: 'auto', categories: { company: true, person: true, figure: true, move: true }, disabledSites: [], savePrivate: false };
const highlights = { enabled: true, categories: { company: true, person: true, figure: true, move: true } };
const status = { lastError: null, pages: 1, notes: 0, schemaVersion: 1 };

let root: HTMLElement;
beforeAll(() => useEnglishMessages());
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(api: ReturnType<typeof fakeApi>) {
  root = document.createElement('div');
  document.body.append(root);
  render(<Popup api={api} />, root);
  return root;
}

const click = async (el: Element | null | undefined) => {
  (el as HTMLElement).click();
  await settle();
};
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

describe('Popup', () => {
  it('shows a skeleton first, then the live summary from the content script', async () => {
    const api = fakeApi(
      { 'settings/get': () => settings, 'status/get': () => status, 'page/get': () => null },
      { 'content/summary': () => ({ page, summary }), 'content/highlights': () => highlights },
    );
    await mount(api);
    expect(root.querySelector('[role=status][aria-busy=true]')).not.toBeNull();
    await settle();
    expect(root.querySelector('[role=status]')).toBeNull();
    const text = root.textContent!;
    expect(text).toContain(summary.title);
    expect(text).toContain('Alibaba Group Holding');
    expect(text).toContain('BABA');
    expect(text).toContain('15%');
    expect(text).toContain('Eddie Wu');
    expect(text).toContain('¥31.7bn');
    expect(text).toContain('Cloud revenue rose to 31.7 billion yuan.');
    expect(root.querySelector('[aria-label="9 mentions"]')?.textContent).toBe('9');
    expect(root.querySelector('.mark.up')?.getAttribute('aria-label')).toBe('up');
    expect(root.querySelector('.mark.down')?.getAttribute('aria-label')).toBe('down');
    // the page is asked for by the key the content script reported
    expect(api.calls.find((c) => c.type === 'page/get')?.req).toEqual({ canonicalUrl: page.canonicalUrl });
  });

  it('falls back to the stored page when the content script does not answer', async () => {
    const api = fakeApi({ 'settings/get': () => settings, 'status/get': () => status, 'page/get': () => savedPage() });
    await mount(api);
    await settle();
    expect(root.textContent).toContain('Alibaba Group Holding');
    expect(root.textContent).toContain('Saved');
    expect(api.calls.find((c) => c.type === 'page/get')?.req).toEqual({ canonicalUrl: 'https://news.example/a' });
  });

  it('prefers the stored summary while the live one is still empty', async () => {
    const empty = { ...summary, companies: [], people: [], figures: [], moves: [], keySentences: [], words: 0 };
    const api = fakeApi({ 'settings/get': () => settings, 'status/get': () => status, 'page/get': () => savedPage() }, { 'content/summary': () => ({ page, summary: empty }) });
    await mount(api);
    await settle();
    expect(root.textContent).toContain('Alibaba Group Holding');
  });

  it('offers "Scan this page" when the content script is there but not reading the page', async () => {
    const api = fakeApi(
      { 'settings/get': () => settings, 'status/get': () => status, 'page/get': () => null },
      { 'content/summary': () => null, 'content/scan': () => ({ page: { ...page, isArticle: false }, summary }) },
    );
    await mount(api);
    await settle();
    expect(root.textContent).toContain('This page does not look like an article.');
    await click(button('Scan this page'));
    expect(root.textContent).toContain('Alibaba Group Holding');
    expect(button('Scan this page')).toBeUndefined();
  });

  it('says so when there is nothing to show', async () => {
    const api = fakeApi({ 'settings/get': () => settings, 'status/get': () => status, 'page/get': () => null });
    await mount(api);
    await settle();
    expect(root.textContent).toContain('Newsmark cannot read this page');
  });

  it('saves and forgets the page', async () => {
    let stored: ReturnType<typeof savedPage> | null = null;
    const api = fakeApi(
      {
        'settings/get': () => settings, 'status/get': () => status, 'page/get': () => stored,
        'page/save': (req) => (stored = savedPage({ summary: req.summary })),
        'page/forget': () => { stored = null; return { ok: true }; },
      },
      { 'content/summary': () => ({ page, summary }), 'content/highlights': () => highlights },
    );
    await mount(api);
    await settle();
    await click(button('Save this page'));
    expect(stored).not.toBeNull();
    expect(button('Forget this page')).toBeDefined();
    await click(button('Forget this page'));
    expect(api.calls.at(-1)).toEqual({ type: 'page/forget', req: { canonicalUrl: page.canonicalUrl } });
    expect(button('Save this page')).toBeDefined();
  });

  it('turns highlights off, per category, and Newsmark off on this site', async () => {
    let current = structuredClone(highlights);
    let saved = structuredClone(settings);
    const api = fakeApi(
      { 'settings/get': () => saved, 'status/get': () => status, 'page/get': () => null, 'settings/set': (req) => (saved = { ...saved, ...req }) },
      {
        'content/summary': () => ({ page, summary }),
        'content/highlights': (req) => {
          if (req.enabled !== undefined) current.enabled = req.enabled;
          Object.assign(current.categories, req.categories);
          return structuredClone(current);
        },
      },
    );
    await mount(api);
    await settle();
    const people = root.querySelector('input[type=checkbox][data-category=person]') as HTMLInputElement;
    people.click();
    await settle();
    expect(current.categories.person).toBe(false);
    const all = root.querySelector('input[type=checkbox][data-category=all]') as HTMLInputElement;
    all.click();
    await settle();
    expect(current.enabled).toBe(false);
    await click(button('Turn off on news.example'));
    expect(saved.disabledSites).toEqual(['news.example']);
    expect(button('Turn back on for news.example')).toBeDefined();
  });

  it('opens the side panel for its tab and shows storage errors', async () => {
    const api = fakeApi(
      { 'settings/get': () => settings, 'status/get': () => ({ ...status, lastError: { message: 'QuotaExceededError', code: 'quota', request: 'page/update', at: '' } }), 'page/get': () => null, 'status/clear-error': () => ({ ok: true }) },
      { 'content/summary': () => ({ page, summary }) },
    );
    await mount(api);
    await settle();
    expect(root.querySelector('[role=alert]')?.textContent).toContain('disk is full');
    await click(button('Dismiss'));
    expect(root.querySelector('[role=alert]')).toBeNull();
    await click(button('Open side panel'));
    expect(api.opened).toEqual(['panel:7']);
  });

  it('renders page text as text, never as markup', async () => {
    const evil = { ...summary, title: '<img src=x onerror=alert(1)>', keySentences: ['<b>bold</b>'] };
    const api = fakeApi({ 'settings/get': () => settings, 'status/get': () => status, 'page/get': () => null }, { 'content/summary': () => ({ page, summary: evil }) });
    await mount(api);
    await settle();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('<b>bold</b>');
  });
});
