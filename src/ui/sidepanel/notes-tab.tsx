// "Notes": every note, newest first, with its page; edit and delete in place.
// Detached notes (quote no longer found on the page) are listed and marked,
// never dropped. A draft made from a selection opens straight in the editor.
import { useEffect, useState } from 'preact/hooks';
import type { Note, SavedPage } from '../../messages.ts';
import { errorText, type Api } from '../api.ts';
import { NoteCard } from '../components/note-card.tsx';
import { t } from '../i18n.ts';

export function NotesTab({ api, version, editId, onEditId }: { api: Api; version: number; editId: string; onEditId(id: string): void }) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState('');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    api.call('note/list', {}).then(
      (list) => setNotes([...list].sort((a, b) => b.updated.localeCompare(a.updated))),
      (e) => setError(errorText(e)),
    );
    api.call('library/list', { limit: 1000 }).then((pages: SavedPage[]) => setTitles(new Map(pages.map((p) => [p.canonicalUrl, p.title]))), () => {});
  }, [api, version, reload]);

  const run = async (fn: () => Promise<unknown>) => {
    setError('');
    try {
      await fn();
      setReload((n) => n + 1);
    } catch (e) {
      setError(errorText(e));
    }
  };

  if (!notes) return error ? <p role="alert" class="error">{error}</p> : null;
  const detached = notes.filter((n) => n.detached).length;
  return (
    <div>
      {error && <p role="alert" class="error">{error}</p>}
      {notes.length === 0 ? (
        <p class="muted">{t('notesEmpty')}</p>
      ) : (
        <p class="muted small" role="status">
          {t('notesCount', notes.length)}
          {detached > 0 && ` · ${t('detachedCount', detached)}`}
        </p>
      )}
      {notes.map((n) => (
        <NoteCard
          note={n}
          pageTitle={titles.get(n.pageUrl) || n.pageUrl}
          editing={editId === n.id}
          onEdit={(on) => onEditId(on ? n.id : '')}
          onSave={(body) =>
            run(async () => {
              await api.call('note/update', { id: n.id, body });
              onEditId('');
            })
          }
          onDelete={() => run(() => api.call('note/delete', { id: n.id }))}
        />
      ))}
    </div>
  );
}
