// Entry of the popup page: wires the real browser API into <Popup>. The mark
// lets tests tell our start-up time from the browser's page load.
performance.mark('newsmark:popup-start');
import { render } from 'preact';
import { createApi } from '../api.ts';
import { nativeBrowser } from '../native-browser.ts';
import { Popup } from './popup.tsx';
import '../components/theme.css';
import './popup.css';

const app = document.getElementById('app')!;
// Preact does not remove markup it did not create: drop the static skeleton, then render at once.
app.textContent = '';
render(<Popup api={createApi(nativeBrowser())} />, app);
