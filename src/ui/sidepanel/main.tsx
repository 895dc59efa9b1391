// Entry of the side panel page. `?tab=<id>` pins the panel to one browser tab
// (tests; see api.ts), `#note=<id>` opens that note in the editor, and
// `#tab=library|company|notes|export` picks the first tab shown.
import { render } from 'preact';
import { createApi } from '../api.ts';
import { nativeBrowser } from '../native-browser.ts';
import { SidePanel, type PanelTab } from './sidepanel.tsx';
import '../components/theme.css';

const panelTabs: PanelTab[] = ['page', 'library', 'company', 'notes', 'export'];
const hash = new URLSearchParams(location.hash.slice(1));
render(
  <SidePanel
    api={createApi(nativeBrowser())}
    initialTab={panelTabs.includes(hash.get('tab') as PanelTab) ? (hash.get('tab') as PanelTab) : undefined}
    initialCompany={hash.get('company') ?? ''}
    initialNote={hash.get('note') ?? ''}
  />,
  document.getElementById('app')!,
);
