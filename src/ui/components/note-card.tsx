// One note: the quoted page text, the reader's words, and edit/delete. A note
// whose quote can no longer be found on its page is marked detached and kept.
// Usable in the side panel and in the in-page card (props only, no api).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Note } from '../../messages.ts';
import { t } from '../i18n.ts';
import { safeHref } from './safe-href.ts';

export interface NoteCardProps {
  note: Note;
  /** Title of the page, when the note is shown away from it. */
  pageTitle?: string;
  editing?: boolean;
  onSave(body: string): Promise<void> | void;
  onDelete(): Promise<void> | void;
  onEdit?(editing: boolean): void;
}

export function NoteCard({ note, pageTitle, editing = false, onSave, onDelete, onEdit }: NoteCardProps) {
  const [body, setBody] = useState(note.body);
  const [confirming, setConfirming] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => setBody(note.body), [note.body, editing]);
  useEffect(() => {
    if (editing) area.current?.focus();
  }, [editing]);
  const labelId = `note-${note.id}`;
  return (
    <article class="card note" aria-labelledby={labelId} data-note-id={note.id}>
      <div class="row">
        <h3 id={labelId} class="spacer">
          {pageTitle ? <a href={safeHref(note.pageUrl)} target="_blank" rel="noreferrer">{pageTitle}</a> : t('note')}
        </h3>
        {note.detached && <span class="badge detached" title={t('detachedHelp')}>{t('detached')}</span>}
        {note.draft && <span class="badge">{t('draft')}</span>}
      </div>
      <blockquote>{note.quote.exact}</blockquote>
      {editing ? (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            await onSave(body);
          }}
          onKeyDown={async (e) => {
            // Escape cancels, Ctrl/Cmd+Enter saves: the editor never needs the mouse.
            if (e.key === 'Escape') onEdit?.(false);
            else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              await onSave(body);
            }
          }}
        >
          <label class="visually-hidden" for={`${labelId}-body`}>{t('noteBody')}</label>
          <textarea id={`${labelId}-body`} ref={area} value={body} onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)} />
          <div class="row">
            <button type="submit" class="primary">{t('saveNote')}</button>
            <button type="button" onClick={() => onEdit?.(false)}>{t('cancel')}</button>
          </div>
        </form>
      ) : (
        <>
          {note.body ? <p class="note-body">{note.body}</p> : <p class="muted">{t('noteEmpty')}</p>}
          <div class="row">
            <span class="muted small spacer">{note.updated.slice(0, 10)}</span>
            {confirming ? (
              <>
                <span>{t('deleteNoteConfirm')}</span>
                <button type="button" class="danger" onClick={() => onDelete()}>{t('delete')}</button>
                <button type="button" onClick={() => setConfirming(false)}>{t('cancel')}</button>
              </>
            ) : (
              <>
                {onEdit && <button type="button" onClick={() => onEdit(true)}>{t('edit')}</button>}
                <button type="button" onClick={() => setConfirming(true)}>{t('delete')}</button>
              </>
            )}
          </div>
        </>
      )}
    </article>
  );
}
