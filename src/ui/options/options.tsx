// The options page: what to highlight and in which colour, where Newsmark is
// off, when pages are saved, private windows, and the library's data (export
// all, delete all after a confirmation step). Every change is stored at once.
import { useEffect, useState } from 'preact/hooks';
import type { Category } from '../../extract/types.ts';
import type { ExportFormat, SaveMode, Settings } from '../../messages.ts';
import { errorText, type Api } from '../api.ts';
import { CATEGORIES, COLOR_PRESETS, colorOf, colorVars } from '../components/category-colors.ts';
import { downloadText } from '../components/download.ts';
import { t } from '../i18n.ts';

const MODES: SaveMode[] = ['auto', 'ask', 'never'];

export function Options({ api, download = downloadText }: { api: Api; download?: typeof downloadText }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [newSite, setNewSite] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    api.call('settings/get', {}).then(setSettings, (e) => setError(errorText(e)));
  }, [api]);

  const run = async (fn: () => Promise<string>) => {
    setError('');
    setStatus('');
    try {
      setStatus(await fn());
    } catch (e) {
      setError(errorText(e));
    }
  };
  const change = (patch: Partial<Settings>) =>
    run(async () => {
      setSettings(await api.call('settings/set', patch));
      return t('settingsSaved');
    });

  if (!settings) return error ? <p role="alert" class="error">{error}</p> : null;
  const setCategory = (c: Category, on: boolean) => change({ categories: { ...settings.categories, [c]: on } });
  const setColor = (c: Category, color: string) => change({ colors: { ...settings.colors, [c]: color } });
  const addSite = (e: Event) => {
    e.preventDefault();
    const host = siteOf(newSite);
    if (!host) return setError(t('badSite', newSite));
    setNewSite('');
    if (!settings.disabledSites.includes(host)) void change({ disabledSites: [...settings.disabledSites, host] });
  };
  const exportAll = (format: ExportFormat) =>
    run(async () => {
      const file = await api.call('data/export', { format });
      download(file.filename, file.mime, file.text);
      return t('exported', file.filename);
    });
  const deleteAll = () =>
    run(async () => {
      await api.call('data/delete-all', { confirm: true });
      setConfirmDelete(false);
      return t('deletedAll');
    });

  return (
    <main class="options" style={colorVars(settings.colors)}>
      <h1>{t('optionsTitle')}</h1>

      <fieldset>
        <legend>{t('optCategories')}</legend>
        {CATEGORIES.map((c) => (
          <div class="row category" data-category={c}>
            <label class="row cat-name">
              <input type="checkbox" checked={settings.categories[c]} onChange={(e) => setCategory(c, (e.target as HTMLInputElement).checked)} />
              {t(`category_${c}`)}
            </label>
            <div role="radiogroup" aria-label={t('colourOf', t(`category_${c}`))} class="row">
              {COLOR_PRESETS[c].map((color, i) => (
                <label class="swatch-choice" title={t('colourN', i + 1)}>
                  <input type="radio" name={`colour-${c}`} value={color} checked={colorOf(c, settings.colors) === color} onChange={() => setColor(c, color)} aria-label={t('colourN', i + 1)} />
                  <span class="swatch big" style={{ background: color }} aria-hidden="true" />
                </label>
              ))}
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('optSites')}</legend>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">{t('noDisabledSites')}</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((site) => (
              <li class="row">
                <span class="spacer">{site}</span>
                <button type="button" aria-label={t('removeSite', site)} onClick={() => change({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}>
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="row" onSubmit={addSite}>
          <label for="new-site">{t('addSite')}</label>
          <input id="new-site" type="text" placeholder="example.com" value={newSite} onInput={(e) => setNewSite((e.target as HTMLInputElement).value)} />
          <button type="submit">{t('add')}</button>
        </form>
      </fieldset>

      <fieldset>
        <legend>{t('optSaving')}</legend>
        <div role="radiogroup" aria-label={t('optSaving')}>
          {MODES.map((m) => (
            <label class="row">
              <input type="radio" name="save-mode" value={m} checked={settings.saveMode === m} onChange={() => change({ saveMode: m })} />
              {t(`saveMode_${m}`)}
            </label>
          ))}
        </div>
        <label class="row">
          <input type="checkbox" checked={settings.savePrivate} onChange={(e) => change({ savePrivate: (e.target as HTMLInputElement).checked })} />
          {t('savePrivate')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('optData')}</legend>
        <p class="muted small">{t('dataHelp')}</p>
        <div class="row">
          <span>{t('exportAll')}:</span>
          <button type="button" onClick={() => exportAll('json')}>JSON</button>
          <button type="button" onClick={() => exportAll('markdown')}>Markdown</button>
          <button type="button" onClick={() => exportAll('csv')}>CSV</button>
        </div>
        <div class="row danger-zone">
          {confirmDelete ? (
            <>
              <span role="alert">{t('deleteAllConfirm')}</span>
              <button type="button" class="danger" onClick={deleteAll}>{t('deleteAllYes')}</button>
              <button type="button" onClick={() => setConfirmDelete(false)}>{t('cancel')}</button>
            </>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>{t('deleteAll')}</button>
          )}
        </div>
      </fieldset>
      <p role="status" class="muted">{status}</p>
      {error && <p role="alert" class="error">{error}</p>}
    </main>
  );
}

/** "https://www.ft.com/x" or "ft.com" -> the host; "" when it is not a host name. */
export function siteOf(input: string): string {
  const s = input.trim().toLowerCase();
  if (!s) return '';
  try {
    const host = new URL(/^[a-z]+:\/\//.test(s) ? s : `https://${s}`).hostname;
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : '';
  } catch {
    return '';
  }
}
