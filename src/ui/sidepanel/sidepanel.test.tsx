// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CompanyMove, LibraryQuery, Note } from '../../messages.ts';
import { fakeApi, settle, type FakeApi } from '../testing/fake-api.ts';
import { useEnglishMessages } from '../testing/messages.ts';
import { page, savedPage, summary } from '../testing/sample.ts';
import { ExportTab } from './export-tab.tsx';
import { SidePanel } from './sidepanel.tsx';

let root: HTMLElement;
beforeAll(() => useEnglishMessages());
afterEach(() => {
  render(null, root);
  root.remove();
});
function mount(vnode: preact.VNode) {
  root = document.createElement('div');
  document.body.append(root);
  render(vnode, root);
}
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;
const tab = (name: string) => [...root.querySelectorAll('[role=tab]')].find((b) => b.textContent === name) as HTMLButtonElement;
async function click(el: Element) {
  (el as HTMLElement).click();
  await settle();
}
async function type(el: Element, value: string) {
  (el as HTMLInputElement).value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

const older = savedPage({ id: 'https://wire.example/b', canonicalUrl: 'https://wire.example/b', url: 'https://wire.example/b', site: 'wire.example', title: 'Tencent slides', readAt: '2026-11-01T09:00:00Z', summary: { ...summary, title: 'Tencent slides', companies: [summary.companies[1]] } });
const newer = savedPage();
const note = (over: Partial<Note> = {}): Note => ({ id: 'n1', pageUrl: page.canonicalUrl, quote: { type: 'TextQuoteSelector', exact: 'shares surged 15 percent', prefix: '', suffix: '' }, body: 'big day', created: '2026-11-20T10:00:00Z', updated: '2026-11-20T10:00:00Z', ...over });

function libraryApi(notes: Note[] = []) {
  const pages = [newer, older];
  return fakeApi(
    {
      'note/draft': () => notes.find((n) => n.draft) ?? null,
      'library/list': (q: LibraryQuery) =>
        pages.filter((p) => (!q.text || JSON.stringify(p).toLowerCase().includes(q.text.toLowerCase())) && (!q.site || p.site === q.site) && (!q.company || p.summary.companies.some((c) => c.name === q.company))),
      'library/companies': () => [
        { name: 'Alibaba Group Holding', key: 'alibaba', ticker: 'BABA', pages: 1, mentions: 9 },
        { name: 'Tencent', key: 'tencent', pages: 2, mentions: 4 },
      ],
      'library/company': ({ name }) => ({
        name,
        pages: pages.filter((p) => p.summary.companies.some((c) => c.name === name)),
        notes: [],
        moves: [{ move: summary.moves[0], canonicalUrl: page.canonicalUrl, title: page.title, site: page.site, date: '2026-11-20' }] as CompanyMove[],
      }),
      'note/list': () => notes,
      'note/update': ({ id, body }) => {
        const n = notes.find((x) => x.id === id)!;
        Object.assign(n, { body, draft: false });
        return n;
      },
      'note/delete': ({ id }) => {
        notes.splice(notes.findIndex((x) => x.id === id), 1);
        return { ok: true };
      },
      'page/forget': ({ canonicalUrl }) => {
        pages.splice(pages.findIndex((p) => p.canonicalUrl === canonicalUrl), 1);
        return { ok: true };
      },
    },
    { 'content/summary': () => ({ page, summary }), 'content/scroll-to': ({ name }) => ({ found: name !== 'Tencent' }) },
  );
}

describe('SidePanel', () => {
  it('is a proper tablist driven by the keyboard', async () => {
    mount(<SidePanel api={libraryApi()} />);
    await settle();
    const tabs = [...root.querySelectorAll('[role=tab]')] as HTMLElement[];
    expect(tabs.map((t) => t.textContent)).toEqual(['This page', 'Library', 'Company', 'Notes', 'Export']);
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    const panel = root.querySelector('[role=tabpanel]')!;
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs[0].id);
    tabs[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await settle();
    expect(tab('Library').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab('Library'));
    tab('Library').dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await settle();
    expect(tab('Export').getAttribute('aria-selected')).toBe('true');
  });

  it('This page: shows the live summary, polls it, and scrolls the page to a clicked entry', async () => {
    const api = libraryApi();
    mount(<SidePanel api={api} pollMs={20} />);
    await settle();
    expect(root.textContent).toContain('Alibaba Group Holding');
    expect(root.textContent).toContain('640 words scanned');
    const polls = () => api.calls.filter((c) => c.type === 'content/summary').length;
    const before = polls();
    await new Promise((r) => setTimeout(r, 80));
    expect(polls()).toBeGreaterThan(before);
    await click(root.querySelector('.cat-company .entry-button')!);
    expect(api.calls.find((c) => c.type === 'content/scroll-to')).toMatchObject({ tabId: 7, req: { category: 'company', name: 'Alibaba Group Holding' } });
    const tencent = [...root.querySelectorAll('.entry-button')].find((b) => b.textContent?.includes('Tencent'))!;
    await click(tencent);
    expect(root.textContent).toContain('“Tencent” is not on the page any more.');
  });

  it('Library: lists pages newest first, searches and filters through the background', async () => {
    const api = libraryApi();
    mount(<SidePanel api={api} initialTab="library" />);
    await settle();
    const titles = () => [...root.querySelectorAll('.card h3')].map((h) => h.textContent);
    expect(titles()).toEqual([newer.title, 'Tencent slides']);
    const search = root.querySelector('input[type=search]')!;
    await type(search, 'tencent slides');
    await new Promise((r) => setTimeout(r, 250));
    await settle();
    expect(titles()).toEqual(['Tencent slides']);
    expect(api.calls.filter((c) => c.type === 'library/list').at(-1)?.req).toEqual({ text: 'tencent slides' });
    await type(search, '');
    await settle();
    const site = root.querySelector('select[aria-label=Site]')!;
    expect([...site.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['All sites', 'news.example', 'wire.example']);
    await type(site, 'news.example');
    expect(titles()).toEqual([newer.title]);
    await type(root.querySelector('input[aria-label="Read from"]')!, '2026-11-10');
    expect(api.calls.filter((c) => c.type === 'library/list').at(-1)?.req).toEqual({ site: 'news.example', from: '2026-11-10' });
  });

  it('Company view: moves chart, figures, articles; reached from a company chip', async () => {
    const api = libraryApi();
    mount(<SidePanel api={api} initialTab="library" />);
    await settle();
    const chip = [...root.querySelectorAll('.card .entry-button')].find((b) => b.textContent === 'Alibaba Group Holding')!;
    await click(chip);
    expect(tab('Company').getAttribute('aria-selected')).toBe('true');
    expect(root.querySelector('h1')?.textContent).toBe('Alibaba Group Holding');
    const svg = root.querySelector('svg[role=img]')!;
    expect(svg.getAttribute('aria-label')).toContain('1 market moves');
    expect(svg.querySelectorAll('rect.bar.up').length).toBe(1);
    expect(root.textContent).toContain('¥31.7bn');
    expect(root.querySelectorAll('.card.page').length).toBe(1);
    await click(button('All companies'));
    expect(root.textContent).toContain('Companies in your library');
    expect(root.textContent).toContain('Tencent');
  });

  it('Notes: lists detached notes as detached, edits and deletes', async () => {
    const notes = [note(), note({ id: 'n2', detached: true, body: 'gone', updated: '2026-11-19T00:00:00Z' })];
    const api = libraryApi(notes);
    mount(<SidePanel api={api} initialTab="notes" />);
    await settle();
    expect(root.querySelectorAll('article.note').length).toBe(2);
    expect(root.querySelector('[data-note-id=n2] .badge.detached')?.textContent).toBe('Detached');
    expect(root.querySelector('[data-note-id=n1] .badge.detached')).toBeNull();
    expect(root.textContent).toContain('1 detached');
    await click(root.querySelector('[data-note-id=n1]')!.querySelector('button')!); // Edit
    const area = root.querySelector('textarea')!;
    expect(document.activeElement).toBe(area);
    await type(area, 'revised');
    await click(button('Save note'));
    expect(notes[0].body).toBe('revised');
    expect(root.querySelector('textarea')).toBeNull();
    expect(root.textContent).toContain('revised');
    await click([...root.querySelector('[data-note-id=n2]')!.querySelectorAll('button')].find((b) => b.textContent === 'Delete')!);
    expect(root.textContent).toContain('Delete this note?');
    await click([...root.querySelector('[data-note-id=n2]')!.querySelectorAll('button')].find((b) => b.textContent === 'Delete')!);
    expect(notes.map((n) => n.id)).toEqual(['n1']);
  });

  it('opens a draft note in the editor, at start and when the background announces one', async () => {
    const notes = [note({ id: 'd1', body: '', draft: true })];
    const api: FakeApi = libraryApi(notes);
    const created = Date.parse(notes[0].created);
    mount(<SidePanel api={api} now={() => created + 10 * 60_000} />);
    await settle();
    expect(tab('This page').getAttribute('aria-selected')).toBe('true'); // a stale draft does not take over
    render(null, root);
    mount(<SidePanel api={api} now={() => created + 5_000} />);
    await settle();
    expect(tab('Notes').getAttribute('aria-selected')).toBe('true');
    expect(root.querySelector('[data-note-id=d1] textarea')).not.toBeNull();
    await click(button('Cancel'));
    notes.push(note({ id: 'd2', body: '', draft: true, updated: '2026-11-21T00:00:00Z' }));
    await click(tab('Library'));
    api.broadcast({ type: 'ui/note-draft', note: notes[1] });
    await settle();
    expect(tab('Notes').getAttribute('aria-selected')).toBe('true');
    expect(root.querySelector('[data-note-id=d2] textarea')).not.toBeNull();
  });
});

describe('This page: notes from the selection', () => {
  it('turns the selection into a draft note and opens it in the editor, or asks for a selection', async () => {
    const notes: Note[] = [];
    let selection: { quote: Note['quote']; position: { type: 'TextPositionSelector'; start: number; end: number }; canonicalUrl: string } | null = null;
    const api = fakeApi(
      {
        'note/draft': () => null,
        'note/list': () => notes,
        'library/list': () => [],
        'note/add': (req) => {
          const n = { ...req, id: 'new1', created: '2026-11-25T12:00:00Z', updated: '2026-11-25T12:00:00Z' };
          notes.push(n);
          return n;
        },
      },
      { 'content/summary': () => ({ page, summary }), 'content/note-from-selection': () => selection, 'content/notes-changed': () => ({ ok: true }) },
    );
    mount(<SidePanel api={api} />);
    await settle();
    await click(button('Note on selected text'));
    expect(root.textContent).toContain('Select some text on the page first.');
    expect(notes).toEqual([]);
    selection = { quote: { type: 'TextQuoteSelector', exact: 'cloud revenue', prefix: 'the ', suffix: ' jumped' }, position: { type: 'TextPositionSelector', start: 10, end: 23 }, canonicalUrl: page.canonicalUrl };
    await click(button('Note on selected text'));
    expect(api.calls.find((c) => c.type === 'note/add')?.req).toEqual({ pageUrl: page.canonicalUrl, quote: selection.quote, position: selection.position, body: '', draft: true });
    expect(api.calls.find((c) => c.type === 'content/notes-changed')?.req).toEqual({ canonicalUrl: page.canonicalUrl });
    expect(tab('Notes').getAttribute('aria-selected')).toBe('true');
    expect(root.querySelector('[data-note-id=new1] textarea')).not.toBeNull();
    expect(root.querySelector('[data-note-id=new1] blockquote')?.textContent).toBe('cloud revenue');
  });
});

describe('This page: notes and scanning', () => {
  it('lists the page’s notes (detached ones marked) and edits one in the Notes tab', async () => {
    const notes = [note(), note({ id: 'n2', detached: true, body: 'gone' })];
    const api = libraryApi(notes);
    mount(<SidePanel api={api} />);
    await settle();
    expect(api.calls.find((c) => c.type === 'note/list')?.req).toEqual({ canonicalUrl: page.canonicalUrl });
    expect(root.querySelectorAll('section[aria-labelledby=page-notes] article.note').length).toBe(2);
    expect(root.querySelector('[data-note-id=n2] .badge.detached')).not.toBeNull();
    await click(root.querySelector('[data-note-id=n1]')!.querySelector('button')!); // Edit
    expect(tab('Notes').getAttribute('aria-selected')).toBe('true');
    expect(root.querySelector('[data-note-id=n1] textarea')).not.toBeNull();
  });

  it('offers a scan when the content script is not reading the page', async () => {
    const api = fakeApi({ 'note/draft': () => null, 'note/list': () => [] }, { 'content/summary': () => null, 'content/scan': () => ({ page, summary }) });
    mount(<SidePanel api={api} pollMs={10_000} />);
    await settle();
    expect(root.textContent).toContain('This page does not look like an article.');
    await click(button('Scan this page'));
    expect(root.textContent).toContain('Alibaba Group Holding');
  });

  it('says it cannot read pages without a content script', async () => {
    const api = fakeApi({ 'note/draft': () => null }, {});
    mount(<SidePanel api={api} pollMs={10_000} />);
    await settle();
    expect(root.textContent).toContain('Newsmark cannot read this page.');
    expect(button('Scan this page')).toBeUndefined();
  });
});

describe('ExportTab', () => {
  it('exports the whole library or the selection, and downloads the text', async () => {
    const download = vi.fn();
    const api = fakeApi({ 'data/export': ({ format, ids }) => ({ filename: `newsmark.${format}`, mime: 'application/json', text: JSON.stringify(ids ?? 'all') }) });
    mount(<ExportTab api={api} selected={['https://news.example/a']} download={download} />);
    await click(button('JSON'));
    expect(api.calls[0].req).toEqual({ format: 'json', ids: ['https://news.example/a'] });
    expect(download).toHaveBeenCalledWith('newsmark.json', 'application/json', '["https://news.example/a"]');
    expect(root.querySelector('[role=status]')?.textContent).toBe('Saved newsmark.json.');
    await click(root.querySelectorAll('input[type=radio]')[0]);
    await click(button('Markdown'));
    expect(api.calls[1].req).toEqual({ format: 'markdown' });
  });

  it('imports a backup file and shows the background’s answer, or its error', async () => {
    let fail = false;
    const api = fakeApi({ 'data/import': ({ text }) => { if (fail) throw new Error('Not a Newsmark backup: missing "pages"'); return { pages: JSON.parse(text).pages.length, notes: 0, newPages: 1, newNotes: 0 }; } });
    mount(<ExportTab api={api} selected={[]} />);
    const input = root.querySelector('input[type=file]') as HTMLInputElement;
    const choose = async (content: string) => {
      Object.defineProperty(input, 'files', { configurable: true, value: [new File([content], 'b.json', { type: 'application/json' })] });
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(10);
    };
    await choose('{"pages":[1,2]}');
    expect(root.querySelector('[role=status]')?.textContent).toBe('Imported 2 pages and 0 notes: 1 pages and 0 notes were new, the rest merged with what you had.');
    fail = true;
    await choose('{}');
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Not a Newsmark backup: missing "pages"');
  });
});

describe('NoteCard keyboard', () => {
  it('saves with Ctrl+Enter and cancels with Escape', async () => {
    const { NoteCard } = await import('../components/note-card.tsx');
    const saved: string[] = [];
    let editing = true;
    const n = note();
    const draw = () => render(<NoteCard note={n} editing={editing} onSave={(b) => { saved.push(b); }} onDelete={() => {}} onEdit={(on) => { editing = on; draw(); }} />, root);
    root = document.createElement('div');
    document.body.append(root);
    draw();
    await settle();
    const area = root.querySelector('textarea')!;
    await type(area, 'typed');
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await settle();
    expect(saved).toEqual(['typed']);
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(editing).toBe(false);
    expect(root.querySelector('textarea')).toBeNull();
  });
});
