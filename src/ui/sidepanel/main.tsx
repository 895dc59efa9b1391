// Entry of the sidepanel page.
import { render } from 'preact';

render(<p>Newsmark</p>, document.getElementById('app')!);
