// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { collectText, indexOfPoint, isSkipped, piecesOf, pointOf, rangeOf } from './collect-text.ts';

function block(html: string): Element {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  return document.getElementById('root')!.firstElementChild!;
}

// First: happy-dom overflows its stack when block() removes the 10,000-level tree of a later test.
describe('collectText on a plain block', () => {
  it('reads what the full walk reads: the same text, nodes and runs', () => {
    const cases = [
      // Plain blocks (a TreeWalker over the text nodes): inline elements, links, odd whitespace, no space between nodes.
      '<p>  Alibaba   <b>Group</b>\n shares <a href="#">surged 15%</a>  </p>',
      '<p>\u00a0Tencent\u2003rose\u3000<span>5%</span><span>today</span>\ufeff</p>',
      '<p><span>one</span> <span>word</span> <span class="lead" id="x">each</span></p>',
      '<p>   </p>',
      // Not plain: descendants the walk treats specially, or attributes it reads.
      '<p><span class="overflow-hidden">kept, by the walk</span> text</p>',
      '<div>Tencent <code>rose 5%</code>gained<input value="x"> today<br>Next line<p>nested block</p>after</div>',
      '<p>A <span hidden>secret</span><span aria-hidden="true">x</span><span aria-hidden="false">shown</span> B</p>',
      '<p>A <span class="a sr-only">sr</span><span class="hiddenish">kept</span> B</p>',
      '<p>A <span style="DISPLAY: NONE">gone</span><span style="color:red">red</span> B</p>',
      '<p>A <span contenteditable="true">edit</span><span contenteditable="false">fixed</span> B</p>',
      '<table><tr><td>Revenue</td><th>$2bn</th></tr></table>',
    ];
    const walker = vi.spyOn(document, 'createTreeWalker');
    cases.forEach((html, i) => {
      const el = block(html);
      walker.mockClear();
      const fast = collectText(el);
      expect(walker.mock.calls.length, `plain: ${html}`).toBe(i < 4 ? 1 : 0);
      const walked = collectText(el, undefined, false);
      expect([fast.text, [...fast.runs], fast.nodes.length], html).toEqual([walked.text, [...walked.runs], walked.nodes.length]);
      fast.nodes.forEach((n, k) => expect(n).toBe(walked.nodes[k]));
    });
    walker.mockRestore();
  });

  it('leaves out nested blocks and table cells, as the walk does', () => {
    const q = block('<blockquote>Said <em>Wu</em>: <div>inner text</div> end</blockquote>');
    expect(collectText(q, (el) => el.localName === 'div').text).toBe('Said Wu:\nend');
  });
});

describe('collectText', () => {
  it('collapses whitespace like blockText and maps every character back to its text node', () => {
    const p = block('<p>  Alibaba   <b>Group</b>\n shares <a href="#">surged 15%</a>  </p>');
    const ct = collectText(p);
    expect(ct.text).toBe('Alibaba Group shares surged 15%');
    for (let i = 0; i < ct.text.length; i++) {
      const { node, offset } = pointOf(ct, i);
      const ch = node.data[offset];
      if (ct.text[i] === ' ') expect(/\s/.test(ch)).toBe(true);
      else expect(ch).toBe(ct.text[i]);
    }
  });

  it('skips code, form fields, contenteditable, scripts and hidden text; <br> and nested blocks become line breaks', () => {
    const p = block('<div>Tencent <code>rose 5%</code>gained<input value="x"><span hidden>secret</span><span class="sr-only">sr</span><span contenteditable="true">edit</span><script>var a=1</script> today<br>Next line<p>nested block</p>after</div>');
    expect(collectText(p).text).toBe('Tencent gained today\nNext line\nafter');
  });

  it('maps characters in runs: one per stretch of one node, however the whitespace was collapsed', () => {
    const p = block('<p>Alibaba shares rose 5%, <b>beating</b>   forecasts\n\n  again</p>');
    const ct = collectText(p);
    expect(ct.text).toBe('Alibaba shares rose 5%, beating forecasts again');
    // "Alibaba shares rose 5%, " | "beating" | " " | "forecasts " | "again": a run restarts after whitespace that was collapsed.
    expect(ct.runs.length / 3).toBe(5);
    for (let i = 0; i < ct.text.length; i++) {
      const { node, offset } = pointOf(ct, i);
      expect(ct.text[i] === ' ' ? /\s/.test(node.data[offset]) : node.data[offset] === ct.text[i], `character ${i}`).toBe(true);
    }
    // A span across collapsed whitespace is one piece of its node; across nodes, one piece each.
    const at = ct.text.indexOf('forecasts again');
    expect(piecesOf(ct, at, at + 15).map((x) => x.node.data.slice(x.start, x.end))).toEqual(['forecasts\n\n  again']);
    const b = ct.text.indexOf('5%, beating');
    expect(piecesOf(ct, b, b + 11).map((x) => x.node.data.slice(x.start, x.end))).toEqual(['5%, ', 'beating']);
  });

  it('leaves out nested elements the caller marks as blocks of their own', () => {
    const q = block('<blockquote>Said <em>Wu</em>: <span class="inner">inner text</span> end</blockquote>');
    // A <span> as a block: not what article detection returns, so the caller says so (plainOk false).
    expect(collectText(q, (el) => el.classList.contains('inner'), false).text).toBe('Said Wu:\nend');
  });

  it('splits a span into per-node pieces and builds a range over it', () => {
    const p = block('<p>Shares of <a href="#">Alibaba</a> Group rose</p>');
    const ct = collectText(p);
    const start = ct.text.indexOf('Alibaba Group');
    const pieces = piecesOf(ct, start, start + 'Alibaba Group'.length);
    expect(pieces.map((x) => x.node.data.slice(x.start, x.end))).toEqual(['Alibaba', ' Group']);
    expect(rangeOf(ct, start, start + 13)!.toString()).toBe('Alibaba Group');
  });

  it('finds the text index of a DOM point', () => {
    const p = block('<p>Alpha <b>beta</b> gamma</p>');
    const ct = collectText(p);
    const b = p.querySelector('b')!;
    expect(indexOfPoint(ct, b.firstChild!, 2)).toBe(ct.text.indexOf('ta'));
    expect(indexOfPoint(ct, p, 0)).toBe(0);
    expect(indexOfPoint(ct, p, p.childNodes.length)).toBe(ct.text.length);
  });

  it('walks a block nested 10,000 elements deep without overflowing the stack', () => {
    const p = block('<p>Start </p>');
    let at: Element = p;
    for (let i = 0; i < 10_000; i++) at = at.appendChild(document.createElement('span'));
    at.textContent = 'deep Toyota';
    p.appendChild(document.createTextNode(' end'));
    // Our walk (plainOk false): the plain-block check is a native query, which happy-dom runs recursively.
    expect(collectText(p, undefined, false).text).toBe('Start deep Toyota end');
  });
});

describe('isSkipped', () => {
  /** An element made by hand (tag and attributes), not parsed: the DOM under test is only what we give it. */
  const el = (tag: string, attrs: Record<string, string> = {}) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  };
  it('skips text hidden by markup, whatever the inline style is written like', () => {
    const cases: [string, Record<string, string>][] = [['span', { hidden: '' }], ['span', { 'aria-hidden': 'true' }], ['span', { contenteditable: 'true' }],
      ['span', { class: 'a sr-only' }], ['code', {}], ['span', { style: 'display:none' }],
      ['span', { style: 'color: red; DISPLAY : none !important;' }], ['span', { style: 'visibility:hidden; color:red' }]];
    for (const [tag, attrs] of cases) expect(isSkipped(el(tag, attrs)), `${tag} ${JSON.stringify(attrs)}`).toBe(true);
  });
  it('reads ordinary and merely styled text', () => {
    const cases: [string, Record<string, string>][] = [['span', {}], ['b', { class: 'lead' }], ['span', { style: 'display:inline-block' }],
      ['span', { style: 'color:red', 'data-display': 'none' }], ['span', { contenteditable: 'false' }], ['span', { style: 'visibility: visible' }]];
    for (const [tag, attrs] of cases) expect(isSkipped(el(tag, attrs)), `${tag} ${JSON.stringify(attrs)}`).toBe(false);
  });
});
