// "Export": the whole library or the pages checked in the Library tab as
// Markdown, CSV or JSON (the background formats; we only save the file), and
// import of a JSON backup with the background's message shown as is.
import { useState } from 'preact/hooks';
import type { ExportFormat } from '../../messages.ts';
import { errorText, type Api } from '../api.ts';
import { downloadText } from '../components/download.ts';
import { t } from '../i18n.ts';

export function ExportTab({ api, selected, download = downloadText }: { api: Api; selected: string[]; download?: typeof downloadText }) {
  const [scope, setScope] = useState<'all' | 'selected'>(selected.length ? 'selected' : 'all');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<string>) => {
    setBusy(true);
    setError('');
    setMessage('');
    try {
      setMessage(await fn());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const exportAs = (format: ExportFormat) =>
    run(async () => {
      const ids = scope === 'selected' ? selected : undefined;
      const file = await api.call('data/export', ids ? { format, ids } : { format });
      download(file.filename, file.mime, file.text);
      return t('exported', file.filename);
    });
  const importFile = (input: HTMLInputElement) =>
    run(async () => {
      const file = input.files?.[0];
      if (!file) return '';
      const text = await file.text();
      input.value = '';
      const res = await api.call('data/import', { text });
      return t('imported', res.pages, res.notes, res.newPages, res.newNotes);
    });

  return (
    <div>
      <fieldset>
        <legend>{t('exportTitle')}</legend>
        <div role="radiogroup" aria-label={t('exportScope')}>
          <label class="row">
            <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            {t('exportAll')}
          </label>
          <label class="row">
            <input type="radio" name="scope" checked={scope === 'selected'} disabled={!selected.length} onChange={() => setScope('selected')} />
            {t('exportSelected', selected.length)}
          </label>
        </div>
        <div class="row">
          <button type="button" disabled={busy} onClick={() => exportAs('markdown')}>Markdown</button>
          <button type="button" disabled={busy} onClick={() => exportAs('csv')}>CSV</button>
          <button type="button" disabled={busy} onClick={() => exportAs('json')}>JSON</button>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('importTitle')}</legend>
        <p class="muted small">{t('importHelp')}</p>
        <label for="import-file">{t('importChoose')}</label>{' '}
        <input id="import-file" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => importFile(e.target as HTMLInputElement)} />
      </fieldset>
      <p role="status">{message}</p>
      {error && <p role="alert" class="error">{error}</p>}
    </div>
  );
}
