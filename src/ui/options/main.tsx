// Entry of the options page.
import { render } from 'preact';
import { createApi } from '../api.ts';
import { nativeBrowser } from '../native-browser.ts';
import { Options } from './options.tsx';
import '../components/theme.css';
import './options.css';

render(<Options api={createApi(nativeBrowser())} />, document.getElementById('app')!);
