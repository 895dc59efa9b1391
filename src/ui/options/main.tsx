// Entry of the options page.
import { render } from 'preact';

render(<p>Newsmark</p>, document.getElementById('app')!);
