// Entry of the welcome page the background opens when Newsmark may not read
// pages yet (see src/background/first-run.ts). Uses the browser's own API
// object: permissions.request must run synchronously in the click, and the
// native promise APIs of MV3 Chrome and Firefox keep that simple.
import { render } from 'preact';
import { hostOrigins } from '../../background/first-run.ts';
import { Welcome, type PermissionsLike } from './welcome.tsx';
import '../components/theme.css';
import './welcome.css';

interface ExtensionApi {
  runtime: { getManifest(): { host_permissions?: string[] } };
  permissions: PermissionsLike;
}
const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
const api = (g.browser ?? g.chrome)!;

render(<Welcome permissions={api.permissions} origins={hostOrigins(api)} />, document.getElementById('app')!);
