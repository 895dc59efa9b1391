// The swatches the popup, side panel and options show must be the colours the
// page actually paints: preset 0 of each category is public/highlights.css's default.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, COLOR_PRESETS, colorOf } from './category-colors.ts';

const css = readFileSync(new URL('../../../public/highlights.css', import.meta.url), 'utf8');

function paintedBackground(category: string): string {
  const rule = new RegExp(`::highlight\\(newsmark-${category}\\)\\s*\\{[^}]*background-color:\\s*rgba\\((\\d+),\\s*(\\d+),\\s*(\\d+)`).exec(css);
  if (!rule) throw new Error(`no ::highlight(newsmark-${category}) rule`);
  return '#' + rule.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, '0')).join('');
}

describe('category colours', () => {
  it.each(CATEGORIES)('%s: the default swatch is the colour highlights.css paints', (category) => {
    expect(COLOR_PRESETS[category][0]).toBe(paintedBackground(category));
  });

  it('falls back to the default for a colour that is not a preset', () => {
    expect(colorOf('company', { company: '#123456' })).toBe(COLOR_PRESETS.company[0]);
    expect(colorOf('company', { company: COLOR_PRESETS.company[2] })).toBe(COLOR_PRESETS.company[2]);
  });
});
