// Entry of the popup page: wires the real browser API into <Popup>.
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { createApi, type BrowserLike } from '../api.ts';
import { Popup } from './popup.tsx';
import '../components/theme.css';
import './popup.css';

render(<Popup api={createApi(browser as unknown as BrowserLike)} />, document.getElementById('app')!);
