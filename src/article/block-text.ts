// The text of one detected block as the reader reads it: the block's own
// inline text, without nested blocks (they are blocks of their own), hidden
// or non-text elements. A line break (<br>, or the edge of a nested block)
// becomes "\n", so "<br><br>" paragraphs come out one per line.
import { CELL_TAGS, SKIP_TAGS, hiddenByMarkup, isBlock } from './tags.ts';

export type HiddenCheck = (el: Element) => boolean;

export function blockText(el: Element): string {
  return visibleBlockText(el);
}

/** blockText with a layout-aware hidden check (the live page passes one; linkedom has no layout). */
export function visibleBlockText(el: Element, isHidden?: HiddenCheck): string {
  const parts: string[] = [];
  collect(el, parts, isHidden, true);
  return tidy(parts.join(''));
}

function collect(el: Element, parts: string[], isHidden: HiddenCheck | undefined, top: boolean): void {
  let cells = 0;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      parts.push((node as Text).data.replace(/[\n\r]+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    const tag = child.localName;
    if (tag === 'br') { parts.push('\n'); continue; }
    if (SKIP_TAGS.has(tag) || hiddenByMarkup(child) || (isHidden && child.hasAttributes() && isHidden(child))) continue;
    if (isBlock(child, tag)) { parts.push('\n'); continue; }
    if (CELL_TAGS.has(tag) && top) {
      if (cells++ > 0) parts.push(' | ');
    } else if (CELL_TAGS.has(tag)) {
      parts.push(' ');
    }
    collect(child, parts, isHidden, false);
  }
}

/** Collapses runs of spaces, keeps single line breaks between non-empty lines. */
function tidy(s: string): string {
  return s
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '' && line !== '|')
    .join('\n');
}
