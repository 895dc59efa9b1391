// The welcome page: says what Newsmark reads and why, promises that nothing
// leaves the browser, and asks for access to web pages on a button click.
// Shown by the background on install when host access is missing (Firefox lets
// the reader decline it); it also tells the reader when access is already there.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n.ts';
import { errorText } from '../api.ts';

type Origins = { origins: string[] };
type Listener = (p: { origins?: string[] }) => void;

/** The part of the permissions API the page uses (browser.permissions / chrome.permissions). */
export interface PermissionsLike {
  contains(p: Origins): Promise<boolean>;
  request(p: Origins): Promise<boolean>;
  onAdded?: { addListener(fn: Listener): void; removeListener(fn: Listener): void };
  onRemoved?: { addListener(fn: Listener): void; removeListener(fn: Listener): void };
}

type State = 'checking' | 'missing' | 'granted' | 'declined';

export function Welcome({ permissions, origins }: { permissions: PermissionsLike; origins: string[] }) {
  const [state, setState] = useState<State>('checking');
  const [error, setError] = useState('');

  useEffect(() => {
    const check = () => {
      permissions.contains({ origins }).then(
        (ok) => setState(ok ? 'granted' : 'missing'),
        (e) => setError(errorText(e)),
      );
    };
    check();
    // Access can also change in the Add-ons Manager while this page is open.
    permissions.onAdded?.addListener(check);
    permissions.onRemoved?.addListener(check);
    return () => {
      permissions.onAdded?.removeListener(check);
      permissions.onRemoved?.removeListener(check);
    };
  }, [permissions, origins]);

  const ask = () => {
    setError('');
    // No await before request(): the browser only asks inside the click's user gesture.
    permissions.request({ origins }).then(
      (ok) => setState(ok ? 'granted' : 'declined'),
      (e) => setError(errorText(e)),
    );
  };

  return (
    <main class="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeWhy')}</p>
      <p>{t('welcomePrivacy')}</p>
      {state === 'granted' ? (
        <p class="granted" role="status">{t('welcomeGranted')}</p>
      ) : (
        <>
          <button type="button" class="primary" onClick={ask} disabled={state === 'checking'}>
            {t('welcomeAllow')}
          </button>
          {state === 'declined' && <p role="status">{t('welcomeDeclined')}</p>}
        </>
      )}
      {error && <p role="alert" class="error">{error}</p>}
    </main>
  );
}
