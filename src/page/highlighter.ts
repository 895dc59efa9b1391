// Paints mentions with the CSS Custom Highlight API: one named Highlight per
// category (styled by ::highlight() rules in public/highlights.css), so the
// page's DOM is never touched. Ranges are grouped by owner (an article block,
// or the notes) so a rescanned block replaces exactly its own ranges.
// An owner can be taken off the page and put back (show): Chromium re-derives
// every registered range in the frame after any highlight changes (its
// PrePaint step, about 5 µs a range: 30 ms a frame with 6,000 ranges, 2 ms with
// 500, measured), so src/page/highlight-window.ts registers only the blocks near the
// viewport and the cost of a change stays flat however long the article.
import type { Category } from '../extract/types.ts';

export const CATEGORIES: readonly Category[] = ['company', 'person', 'figure', 'move'];
export type Layer = Category | 'note' | 'current';

export const highlightName = (layer: Layer, variant = 0) => `newsmark-${layer}${variant ? `-${variant}` : ''}`;

/** Higher paints on top: a figure inside a move stays visible. */
const PRIORITY: Record<Layer, number> = { move: 0, note: 1, company: 2, person: 2, figure: 3, current: 4 };

export interface HighlightState {
  enabled: boolean;
  categories: Record<Category, boolean>;
}

export interface Highlighter {
  add(owner: object, layer: Layer, range: AbstractRange): void;
  /** Removes every range the owner added. */
  clear(owner: object): void;
  /**
   * Takes the owner's ranges off the page (off: false), kept for when it is put
   * back (true); ranges it adds while off wait too. Owners start on.
   */
  show(owner: object, on: boolean): void;
  clearAll(): void;
  set(state: { enabled?: boolean; categories?: Partial<Record<Category, boolean>> }): HighlightState;
  state(): HighlightState;
  /** Is this layer painted right now? */
  visible(layer: Layer): boolean;
  /** Number of ranges on a layer (for tests and the bench). */
  size(layer: Layer): number;
  /**
   * Paints a category in another colour preset: the layer is registered as
   * newsmark-<category>-<variant>, which public/highlights.css styles (0 = default).
   */
  setVariant(category: Category, variant: number): void;
}

type Registry = { set(name: string, h: Highlight): void; delete(name: string): boolean };

export function createHighlighter(initial?: Partial<HighlightState>): Highlighter {
  const registry: Registry | undefined = (globalThis as { CSS?: { highlights?: Registry } }).CSS?.highlights;
  const HighlightCtor: typeof Highlight | undefined = (globalThis as { Highlight?: typeof Highlight }).Highlight;
  const layers = new Map<Layer, Highlight>();
  const variants = new Map<Layer, number>();
  const owned = new Map<object, Array<[Layer, AbstractRange]>>();
  const off = new WeakSet<object>();
  const state: HighlightState = {
    enabled: initial?.enabled ?? true,
    categories: { company: true, person: true, figure: true, move: true, ...initial?.categories },
  };

  const layer = (l: Layer): Highlight | undefined => {
    if (!HighlightCtor) return undefined;
    let h = layers.get(l);
    if (!h) {
      h = new HighlightCtor();
      h.priority = PRIORITY[l];
      layers.set(l, h);
      sync(l);
    }
    return h;
  };

  const visible = (l: Layer) => state.enabled && (l === 'note' || l === 'current' || state.categories[l]);

  // Hidden layers are unregistered rather than emptied, so turning them back on is instant.
  function sync(l: Layer) {
    const h = layers.get(l);
    if (!registry || !h) return;
    const variant = variants.get(l) ?? 0;
    for (let v = 0; v < 3; v++) if (v !== variant || !visible(l)) registry.delete(highlightName(l, v));
    if (visible(l)) registry.set(highlightName(l, variant), h);
  }

  return {
    add(owner, l, range) {
      const h = layer(l);
      if (!h) return;
      if (!off.has(owner)) h.add(range);
      let list = owned.get(owner);
      if (!list) owned.set(owner, (list = []));
      list.push([l, range]);
    },
    clear(owner) {
      const list = owned.get(owner);
      if (!list) return;
      for (const [l, r] of list) layers.get(l)?.delete(r);
      owned.delete(owner);
    },
    show(owner, on) {
      if (off.has(owner) !== on) return;
      if (on) off.delete(owner);
      else off.add(owner);
      for (const [l, r] of owned.get(owner) ?? []) {
        if (on) layers.get(l)?.add(r);
        else layers.get(l)?.delete(r);
      }
    },
    clearAll() {
      for (const h of layers.values()) h.clear();
      owned.clear();
    },
    set(next) {
      if (next.enabled !== undefined) state.enabled = next.enabled;
      if (next.categories) {
        for (const c of CATEGORIES) if (typeof next.categories[c] === 'boolean') state.categories[c] = next.categories[c]!;
      }
      for (const l of layers.keys()) sync(l);
      return this.state();
    },
    state: () => ({ enabled: state.enabled, categories: { ...state.categories } }),
    visible,
    size: (l) => layers.get(l)?.size ?? 0,
    setVariant(category, variant) {
      variants.set(category, variant >= 0 && variant < 3 ? variant : 0);
      sync(category);
    },
  };
}
