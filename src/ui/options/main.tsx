// Entry of the options page.
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { createApi, type BrowserLike } from '../api.ts';
import { Options } from './options.tsx';
import '../components/theme.css';
import './options.css';

render(<Options api={createApi(browser as unknown as BrowserLike)} />, document.getElementById('app')!);
