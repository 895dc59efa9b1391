// Checks every message the background receives: its shape (one hand-written
// validator per request type, returning a clean copy with only known fields)
// and who may send it (content scripts run in web pages inside a tab;
// extension pages run at our own extension URL).
import type { NoParams, RequestType, Requests } from '../messages.ts';
import {
  InvalidData,
  LIMITS,
  arr,
  bool,
  isObject,
  noteInput,
  num,
  obj,
  oneOf,
  optStr,
  pageInfo,
  settingsPatch,
  str,
  summary,
  webUrl,
} from '../store/check.ts';

/** The parts of runtime.MessageSender the router looks at. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; incognito?: boolean; url?: string };
  frameId?: number;
}

export type SenderKind = 'content' | 'extension' | 'any';

/** Who may send each request. */
export const senderRules: { [T in RequestType]: SenderKind } = {
  'page/update': 'content',
  'page/notes': 'content',
  'note/anchored': 'content',
  'settings/get': 'any',
  'status/get': 'any',
  'page/get': 'extension',
  'page/save': 'extension',
  'page/forget': 'extension',
  'library/list': 'extension',
  'library/company': 'extension',
  'library/companies': 'extension',
  'library/sites': 'extension',
  'note/add': 'extension',
  'note/update': 'extension',
  'note/delete': 'extension',
  'note/list': 'extension',
  'note/draft': 'extension',
  'settings/set': 'extension',
  'data/export': 'extension',
  'data/import': 'extension',
  'data/delete-all': 'extension',
  'status/clear-error': 'extension',
  'panel/open': 'any',
  'panel/focus': 'extension',
};

export function isFromExtensionPage(sender: Sender, extensionUrl: string): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(extensionUrl);
}

export function isFromContentScript(sender: Sender, extensionUrl: string): boolean {
  return !!sender.tab && typeof sender.tab.id === 'number' && !isFromExtensionPage(sender, extensionUrl);
}

/** Null when the sender may send `type`, else why not. */
export function senderProblem(type: RequestType, sender: Sender, extensionUrl: string, extensionId?: string): string | null {
  if (extensionId && sender.id !== extensionId) return 'messages from other extensions are not accepted';
  const rule = senderRules[type];
  const content = isFromContentScript(sender, extensionUrl);
  const page = isFromExtensionPage(sender, extensionUrl);
  if (rule === 'content' && !content) return `${type} is only accepted from a content script in a tab`;
  if (rule === 'extension' && !page) return `${type} is only accepted from Newsmark's own pages`;
  if (rule === 'any' && !content && !page) return `${type} came from an unknown sender`;
  return null;
}

const empty = (): NoParams => ({});
const canonical = (m: Record<string, unknown>) => ({ canonicalUrl: webUrl(m.canonicalUrl, 'canonicalUrl') });
const id = (m: Record<string, unknown>) => str(m.id, 'id', 200);
const pageAndSummary = (m: Record<string, unknown>) => ({ page: pageInfo(m.page, 'page'), summary: summary(m.summary, 'summary') });

/** One validator per request: the message (minus type) in, a clean request out. */
export const validators: { [T in RequestType]: (m: Record<string, unknown>) => Requests[T]['req'] } = {
  'page/update': pageAndSummary,
  'page/save': pageAndSummary,
  'page/notes': canonical,
  'page/get': canonical,
  'page/forget': canonical,
  'note/anchored': (m) => ({ id: id(m), detached: bool(m.detached, 'detached') }),
  'library/list': (m) => {
    const q: Requests['library/list']['req'] = {};
    const text = optStr(m.text, 'text', 500);
    const company = optStr(m.company, 'company', LIMITS.name);
    const site = optStr(m.site, 'site', 300);
    const from = optStr(m.from, 'from', 40);
    const to = optStr(m.to, 'to', 40);
    if (text) q.text = text;
    if (company) q.company = company;
    if (site) q.site = site;
    if (from) q.from = from;
    if (to) q.to = to;
    if (m.limit !== undefined) q.limit = Math.floor(num(m.limit, 'limit', 1));
    if (m.offset !== undefined) q.offset = Math.floor(num(m.offset, 'offset', 0));
    return q;
  },
  'library/company': (m) => ({ name: str(m.name, 'name', LIMITS.name) }),
  'library/companies': (m) => (m.limit === undefined ? {} : { limit: Math.floor(num(m.limit, 'limit', 1)) }),
  'library/sites': empty,
  'note/add': (m) => noteInput(m, 'note'),
  'note/update': (m) => ({ id: id(m), body: str(m.body, 'body', LIMITS.noteBody) }),
  'note/delete': (m) => ({ id: id(m) }),
  'note/list': (m) => (m.canonicalUrl === undefined ? {} : canonical(m)),
  'note/draft': empty,
  'settings/get': empty,
  'settings/set': (m) => settingsPatch(m, 'settings'),
  'data/export': (m) => {
    const format = oneOf(m.format, 'format', ['markdown', 'json', 'csv'] as const);
    return m.ids === undefined ? { format } : { format, ids: arr(m.ids, 'ids', (x, p) => webUrl(x, p), 100_000) };
  },
  'data/import': (m) => ({ text: str(m.text, 'text', 200_000_000) }),
  'data/delete-all': (m) => {
    if (m.confirm !== true) throw new InvalidData('confirm', 'must be true');
    return { confirm: true };
  },
  'status/get': empty,
  'status/clear-error': empty,
  'panel/open': (m) => {
    if (m.focus === undefined || m.focus === null) return {};
    const f = obj(m.focus, 'focus');
    return { focus: { category: oneOf(f.category, 'focus.category', ['company', 'person', 'figure', 'move'] as const), name: str(f.name, 'focus.name', LIMITS.name) } };
  },
  'panel/focus': empty,
};

export function isRequestType(type: unknown): type is RequestType {
  return typeof type === 'string' && Object.hasOwn(validators, type);
}

/** The validated request, or throws InvalidData. */
export function validateMessage(message: unknown): { type: RequestType; req: unknown } {
  const m = obj(message, 'message');
  if (!isRequestType(m.type)) throw new InvalidData('type', `unknown message type ${JSON.stringify(String(m.type)).slice(0, 80)}`);
  const { type, ...rest } = m;
  if (!isObject(rest)) throw new InvalidData('message', 'expected an object');
  return { type, req: validators[type](rest) };
}
