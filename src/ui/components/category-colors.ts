// The highlight colour choices per category. A short preset list (rather than a
// free colour picker) keeps every choice readable on light and dark pages; the
// first preset of each is the default and matches public/highlights.css.
import type { Category } from '../../extract/types.ts';

export const CATEGORIES: Category[] = ['company', 'person', 'figure', 'move'];

export const COLOR_PRESETS: Record<Category, string[]> = {
  company: ['#0072b2', '#00a3bf', '#5b6cff'],
  person: ['#cc79a7', '#e05aa8', '#8a6d3b'],
  figure: ['#e69f00', '#ff8a3d', '#c9b400'],
  move: ['#009e73', '#4caf50', '#e0483e'],
};

export function colorOf(category: Category, colors?: Partial<Record<Category, string>>): string {
  const chosen = colors?.[category];
  return chosen && COLOR_PRESETS[category].includes(chosen) ? chosen : COLOR_PRESETS[category][0];
}

/** CSS custom properties (--nm-company ...) so swatches follow the reader's choice. */
export function colorVars(colors?: Partial<Record<Category, string>>): Record<string, string> {
  return Object.fromEntries(CATEGORIES.map((c) => [`--nm-${c}`, colorOf(c, colors)]));
}
