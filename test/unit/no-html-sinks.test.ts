// No source file under src/ can turn a string into markup: no innerHTML or
// outerHTML assignment, insertAdjacentHTML, document.write, Range
// createContextualFragment, setHTMLUnsafe/parseHTMLUnsafe, srcdoc, or Preact's
// dangerouslySetInnerHTML. Page text is shown only as text nodes. The allow-list
// is empty on purpose. Files are parsed (comments may name the sinks freely);
// *.test.* files are skipped: they build fixtures and never ship.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './fresh-build.ts';

const ALLOWED: string[] = []; // "path:line" entries; keep it empty

const ASSIGNED = new Set(['innerHTML', 'outerHTML', 'srcdoc']);
const CALLED = new Set(['insertAdjacentHTML', 'createContextualFragment', 'setHTMLUnsafe', 'parseHTMLUnsafe', 'write', 'writeln']);
const JSX_ATTRIBUTES = new Set(['dangerouslySetInnerHTML', 'srcdoc', 'srcDoc']);

function isAssignmentTarget(node: ts.Node): boolean {
  const p = node.parent;
  return ts.isBinaryExpression(p) && p.left === node && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

export function findSinks(file: string, code: string): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const at = (node: ts.Node, what: string) => out.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${what}`);
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const name = ts.isPropertyAccessExpression(node)
        ? node.name.text
        : ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text : '';
      if (ASSIGNED.has(name) && isAssignmentTarget(node)) at(node, `assignment to ${name}`);
      if (CALLED.has(name) && ts.isCallExpression(node.parent) && node.parent.expression === node) {
        // write/writeln only matter on a document.
        const isWrite = name === 'write' || name === 'writeln';
        if (!isWrite || /doc(?:ument)?$/i.test(node.expression.getText(source))) at(node, `call to ${name}()`);
      }
    } else if (ts.isJsxAttribute(node) && JSX_ATTRIBUTES.has(node.name.getText(source))) {
      at(node, `JSX attribute ${node.name.getText(source)}`);
    } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'dangerouslySetInnerHTML') {
      at(node, 'dangerouslySetInnerHTML in props');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(?:ts|tsx|js|mjs)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('HTML sinks', () => {
  it.each([
    ['el.innerHTML = text', 'assignment to innerHTML'],
    ['el.outerHTML += text', 'assignment to outerHTML'],
    ['el["innerHTML"] = text', 'assignment to innerHTML'],
    ['frame.srcdoc = text', 'assignment to srcdoc'],
    ['el.insertAdjacentHTML("beforeend", text)', 'call to insertAdjacentHTML()'],
    ['document.write(text)', 'call to write()'],
    ['doc.writeln(text)', 'call to writeln()'],
    ['range.createContextualFragment(text)', 'call to createContextualFragment()'],
    ['el.setHTMLUnsafe(text)', 'call to setHTMLUnsafe()'],
  ])('the scanner finds %s', (code, what) => {
    expect(findSinks('x.ts', code)).toEqual([`x.ts:1 ${what}`]);
  });

  it('the scanner finds dangerouslySetInnerHTML in JSX and props', () => {
    expect(findSinks('x.tsx', 'const a = <div dangerouslySetInnerHTML={{ __html: t }} />;\nconst b = h("div", { dangerouslySetInnerHTML: { __html: t } });')).toEqual([
      'x.tsx:1 JSX attribute dangerouslySetInnerHTML',
      'x.tsx:2 dangerouslySetInnerHTML in props',
    ]);
  });

  it('the scanner leaves reads, text and comments alone', () => {
    expect(findSinks('x.ts', '// el.innerHTML = x\nconst s = el.innerHTML; el.textContent = t; stream.write(t); const k = "insertAdjacentHTML";')).toEqual([]);
  });

  it('no file under src/ uses one (allow-list: none)', () => {
    const files = sourceFiles(join(repoRoot, 'src'));
    expect(files.length).toBeGreaterThan(50);
    const found = files
      .flatMap((f) => findSinks(f.slice(repoRoot.length + 1), readFileSync(f, 'utf8')))
      .filter((hit) => !ALLOWED.some((a) => hit.startsWith(a + ' ')));
    expect(found, `Page text must reach the DOM only as text (textContent, text nodes, JSX children):\n${found.join('\n')}`).toEqual([]);
  }, 60_000);
});
