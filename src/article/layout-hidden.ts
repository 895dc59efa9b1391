// The live page's hidden check, for detectArticle's `isHidden` option: what
// markup alone cannot tell (a stylesheet's display:none, a collapsed hover card).
// detectArticle asks it only about elements that carry attributes, once each,
// so the cost stays a small share of a page's elements.
export function layoutHidden(el: Element): boolean {
  const view = el.ownerDocument?.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  const style = view.getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden';
}
