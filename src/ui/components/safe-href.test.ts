import { expect, it } from 'vitest';
import { safeHref } from './safe-href.ts';

it('keeps http(s) links and drops every other scheme', () => {
  expect(safeHref('https://news.example/a')).toBe('https://news.example/a');
  expect(safeHref('HTTP://x.example/')).toBe('HTTP://x.example/');
  expect(safeHref('javascript:alert(1)')).toBeUndefined();
  expect(safeHref(' javascript:alert(1)')).toBeUndefined();
  expect(safeHref('data:text/html,<b>')).toBeUndefined();
  expect(safeHref(undefined)).toBeUndefined();
});
