// The side panel (Chrome side_panel / Firefox sidebar_action): a reading
// companion (This page) and the library (Library, Company, Notes, Export) in
// one tablist. It keeps the state the tabs share: the chosen company, the
// pages checked for export, the note being edited, and a library version that
// background broadcasts bump so every list reloads.
import { useEffect, useState } from 'preact/hooks';
import type { Note } from '../../messages.ts';
import type { Api } from '../api.ts';
import { Tabs } from '../components/tabs.tsx';
import { t } from '../i18n.ts';
import { CompanyTab } from './company-tab.tsx';
import { ExportTab } from './export-tab.tsx';
import { LibraryTab } from './library-tab.tsx';
import { NotesTab } from './notes-tab.tsx';
import { ThisPageTab } from './this-page-tab.tsx';

const DRAFT_FRESH_MS = 2 * 60_000;

export type PanelTab = 'page' | 'library' | 'company' | 'notes' | 'export';

export interface SidePanelProps {
  api: Api;
  initialTab?: PanelTab;
  initialCompany?: string;
  /** A note to open in the editor (e.g. `#note=<id>`); else the newest draft, if any. */
  initialNote?: string;
  pollMs?: number;
  now?: () => number;
}

export function SidePanel({ api, initialTab = 'page', initialCompany = '', initialNote = '', pollMs, now = Date.now }: SidePanelProps) {
  const [tab, setTab] = useState<PanelTab>(initialNote ? 'notes' : initialTab);
  const [company, setCompany] = useState(initialCompany);
  const [editId, setEditId] = useState(initialNote);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [version, setVersion] = useState(0);

  const openDraft = (note: Note) => {
    setEditId(note.id);
    setTab('notes');
    setVersion((v) => v + 1);
  };
  useEffect(() => {
    // Only a fresh draft: the panel opening right after "Add a note". An older draft left
    // unedited stays in the Notes list instead of hijacking every later opening.
    if (!initialNote) api.call('note/draft', {}).then((note) => note && now() - Date.parse(note.created) < DRAFT_FRESH_MS && openDraft(note), () => {});
    return api.onBroadcast((msg) => {
      if (msg.type === 'ui/note-draft' && msg.note) openDraft(msg.note as Note);
      else if (msg.type === 'ui/library-changed') setVersion((v) => v + 1);
    });
  }, [api]);

  const openCompany = (name: string) => {
    setCompany(name);
    setTab('company');
  };
  const tabs = [
    { id: 'page', label: t('tabPage') },
    { id: 'library', label: t('tabLibrary') },
    { id: 'company', label: t('tabCompany') },
    { id: 'notes', label: t('tabNotes') },
    { id: 'export', label: t('tabExport') },
  ];
  return (
    <Tabs tabs={tabs} selected={tab} onSelect={(id) => setTab(id as PanelTab)} label={t('extName')}>
      {tab === 'page' && <ThisPageTab api={api} pollMs={pollMs} onNote={openDraft} version={version} />}
      {tab === 'library' && (
        <LibraryTab
          api={api}
          version={version}
          selected={selected}
          onSelect={(id, on) =>
            setSelected((old) => {
              const next = new Set(old);
              if (on) next.add(id);
              else next.delete(id);
              return next;
            })
          }
          onCompany={openCompany}
        />
      )}
      {tab === 'company' && <CompanyTab api={api} name={company} version={version} onCompany={setCompany} />}
      {tab === 'notes' && <NotesTab api={api} version={version} editId={editId} onEditId={setEditId} />}
      {tab === 'export' && <ExportTab api={api} selected={[...selected]} />}
    </Tabs>
  );
}
