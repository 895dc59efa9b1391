// Scanners for what the built extension ships: code that evaluates strings,
// loads code from elsewhere, or talks to the network. JavaScript is parsed
// (TypeScript's parser reads plain JS) rather than grepped, so a library's
// method that happens to be called `fetch` (minisearch has one) is not
// confused with the global fetch(). Each finding names file, line and rule.
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/** Globals that evaluate strings, load code or open a network connection. */
const CALLS = new Set(['eval', 'fetch', 'importScripts', 'Function']);
const CONSTRUCTORS = new Set(['Function', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'RTCPeerConnection', 'WebTransport', 'SharedWorker', 'Worker']);
/** Names that are a network channel wherever they appear (as a global or a property). */
const NETWORK_NAMES = new Set(['XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon', 'RTCPeerConnection', 'WebTransport', 'importScripts']);
const GLOBAL_OBJECTS = new Set(['window', 'self', 'globalThis', 'global', 'top', 'parent', 'frames']);
const URL_IN_TEXT = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>)]*/gi;

/**
 * URLs that may appear in the bundle's strings, each with why it is harmless.
 * Anything else fails the test and has to be reviewed and added here.
 */
export const ALLOWED_URLS: Record<string, string> = {
  'http://www.w3.org/1999/xhtml': 'Preact: XHTML namespace URI (an identifier, never loaded)',
  'http://www.w3.org/2000/svg': 'Preact: SVG namespace URI (an identifier, never loaded)',
  'http://www.w3.org/1998/Math/MathML': 'Preact: MathML namespace URI (an identifier, never loaded)',
  'https://': 'options page: a typed site name is parsed with new URL(`https://${site}`) to get its host name',
};

/** Lowest line number of `pos` in `source`. */
function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** True when `id` is only a name (x.fetch, { fetch: 1 }, fetch() {} in a class), not a reference to a global. */
function isPropertyName(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return true;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) && p.name === id) return true;
  if (ts.isBindingElement(p) && p.propertyName === id) return true;
  return false;
}

/** A dynamic import is fine when it loads one of our own files: a relative path or runtime.getURL(...). */
function isOwnImport(arg: ts.Expression | undefined): boolean {
  if (!arg) return false;
  if (ts.isStringLiteralLike(arg)) return /^\.{0,2}\//.test(arg.text) && !arg.text.startsWith('//');
  if (ts.isCallExpression(arg) && ts.isPropertyAccessExpression(arg.expression)) {
    const callee = arg.expression;
    return callee.name.text === 'getURL' && ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === 'runtime';
  }
  return false;
}

export function scanJs(file: string, code: string): Finding[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const out: Finding[] = [];
  const add = (node: ts.Node, rule: string) =>
    out.push({ file, line: lineOf(source, node), rule, text: node.getText(source).slice(0, 120) });

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) {
        if (!isOwnImport(node.arguments[0])) add(node, 'dynamic import() of something other than an extension file');
      } else if (ts.isIdentifier(callee) && CALLS.has(callee.text)) {
        add(node, `call to ${callee.text}()`);
      } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && GLOBAL_OBJECTS.has(callee.expression.text) && CALLS.has(callee.name.text)) {
        add(node, `call to ${callee.expression.text}.${callee.name.text}()`);
      } else if (ts.isIdentifier(callee) && (callee.text === 'setTimeout' || callee.text === 'setInterval') && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
        add(node, `${callee.text} with a string (evaluates code)`);
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && CONSTRUCTORS.has(node.expression.text)) {
      add(node, `new ${node.expression.text}()`);
    } else if (ts.isIdentifier(node) && NETWORK_NAMES.has(node.text) && !ts.isNewExpression(node.parent)) {
      add(node, `use of ${node.text}`);
    } else if (ts.isIdentifier(node) && (node.text === 'fetch' || node.text === 'eval') && !isPropertyName(node) && !ts.isCallExpression(node.parent)) {
      add(node, `reference to ${node.text} (could be called indirectly)`);
    } else if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      for (const m of node.text.matchAll(URL_IN_TEXT)) {
        if (!(m[0] in ALLOWED_URLS)) add(node, `remote URL in a string: ${m[0]}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Remote or inline code in an extension page. */
export function scanHtml(file: string, html: string): Finding[] {
  const out: Finding[] = [];
  const lineAt = (i: number) => html.slice(0, i).split('\n').length;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(m[1])?.[1];
    if (!src) out.push({ file, line: lineAt(m.index!), rule: 'inline <script>', text: m[0].slice(0, 120) });
    else if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) out.push({ file, line: lineAt(m.index!), rule: 'script from another origin', text: src });
  }
  for (const m of html.matchAll(/\b(?:src|href|action|data|poster)\s*=\s*["']?((?:[a-z][a-z0-9+.-]*:)?\/\/[^"'\s>]*)/gi)) {
    out.push({ file, line: lineAt(m.index!), rule: 'remote resource in a page', text: m[1] });
  }
  for (const m of html.matchAll(/<[^>]+\son[a-z]+\s*=/gi)) {
    out.push({ file, line: lineAt(m.index!), rule: 'inline event handler attribute', text: m[0].slice(0, 120) });
  }
  return out;
}

/** Stylesheets may not pull anything from elsewhere. */
export function scanCss(file: string, css: string): Finding[] {
  const out: Finding[] = [];
  for (const m of css.matchAll(/(?:url\(\s*["']?|@import\s+["'])((?:[a-z][a-z0-9+.-]*:)?\/\/[^"')\s]*)/gi)) {
    if (m[1].startsWith('data:')) continue;
    out.push({ file, line: css.slice(0, m.index).split('\n').length, rule: 'remote resource in CSS', text: m[1] });
  }
  return out;
}

/** Manifest keys that would load or allow remote code, or open the extension to web pages. */
export function scanManifest(manifest: Record<string, any>): Finding[] {
  const out: Finding[] = [];
  const add = (rule: string, text: unknown) => out.push({ file: 'manifest.json', line: 0, rule, text: JSON.stringify(text) });
  const csp = manifest.content_security_policy;
  if (typeof csp === 'string') add('MV2-style string CSP', csp);
  for (const [key, policy] of Object.entries<string>(csp && typeof csp === 'object' ? csp : {})) {
    if (key === 'sandbox') add('sandbox CSP (sandboxed pages may eval)', policy);
    for (const source of policy.split(/[;\s]+/)) {
      if (/^'unsafe-(?:eval|inline|hashes)'$/.test(source)) add(`CSP ${key} allows ${source}`, policy);
      if (/^(?:https?:|wss?:|\*|data:|blob:)/.test(source) || /^[\w*-]+\.[\w.*-]+/.test(source)) add(`CSP ${key} allows a remote source ${source}`, policy);
    }
  }
  if (manifest.sandbox) add('sandboxed pages', manifest.sandbox);
  if (manifest.update_url) add('self-hosted updates (update_url)', manifest.update_url);
  if (manifest.externally_connectable) add('web pages may message the extension (externally_connectable)', manifest.externally_connectable);
  for (const script of manifest.content_scripts ?? []) {
    if (script.world === 'MAIN') add('content script in the page\'s own world', script);
  }
  return out;
}

export function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.file}:${f.line}  ${f.rule}  ${f.text}`).join('\n');
}
