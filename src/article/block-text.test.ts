// blockText: a block's own text, one line per paragraph.
import { describe, expect, it } from 'vitest';
import { blockText, visibleBlockText } from './index.ts';
import { parse } from './test-page.ts';

const el = (html: string) => parse(`<html><body>${html}</body></html>`).body.firstElementChild!;

describe('blockText', () => {
  it('collapses whitespace, including source newlines, and keeps inline markup text', () => {
    expect(blockText(el('<p>  Shares of <a href="/q">Marvell</a>\n   rose <em>7%</em>.  </p>'))).toBe('Shares of Marvell rose 7%.');
  });

  it('turns <br> runs into line breaks and drops empty lines', () => {
    expect(blockText(el('<div>First paragraph.<br> <br>Second paragraph.<br><br><br>Third.</div>'))).toBe('First paragraph.\nSecond paragraph.\nThird.');
  });

  it('leaves out nested blocks (they are blocks of their own), scripts, hidden text and inline captions', () => {
    const div = el('<div>Own text<p>nested paragraph</p> more own text<script>var x = 1;</script><span style="display:none">hidden</span>' +
      '<span class="caption">A caption</span><span aria-hidden="true">icon</span></div>');
    expect(blockText(div)).toBe('Own text\nmore own text');
  });

  it('reads a table row as cells joined by " | "', () => {
    const table = el('<table><tr><td>Revenue</td><td> $2.47bn </td><td>+30%</td></tr></table>');
    expect(blockText(table.querySelector('tr')!)).toBe('Revenue | $2.47bn | +30%');
  });

  it('can be passed straight to Array.map', () => {
    const doc = parse('<html><body><p>One.</p><p>Two.</p></body></html>');
    expect([...doc.querySelectorAll('p')].map(blockText)).toEqual(['One.', 'Two.']);
  });

  it('honours an isHidden hook', () => {
    expect(visibleBlockText(el('<p>Keep <b class="x">drop</b> this</p>'), (e) => e.classList.contains('x'))).toBe('Keep this');
  });
});
