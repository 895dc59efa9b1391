// The small card shown over a highlighted mention: what it is, how often the
// page mentions it, and actions. It lives in a CLOSED shadow root on the one
// element we add to the page (created lazily on first use), so page styles and
// scripts cannot reach into it and it cannot disturb the page. Preact renders
// text as text nodes: page text never goes through innerHTML.
import { render } from 'preact';
import type { Category, Mention } from '../extract/types.ts';

export const HOST_TAG = 'newsmark-card';

export type CardAction = 'panel' | 'note' | 'hide' | 'next' | 'prev' | 'close';

export interface CardModel {
  mention: Mention;
  /** How many times the page mentions the same thing. */
  count: number;
  /** Extra facts from the page summary (exchange, role). */
  detail?: string;
}

const LABEL: Record<Category, string> = { company: 'Company', person: 'Person', figure: 'Figure', move: 'Market move' };
const PLURAL: Record<Category, string> = { company: 'companies', person: 'people', figure: 'figures', move: 'market moves' };

const STYLE = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483647; box-sizing: border-box; max-width: 320px; min-width: 200px;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; background: #fff;
  border: 1px solid #c8c8c8; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 10px 12px; }
.kind { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #555; display: flex; align-items: center; gap: 6px; }
.swatch { width: 10px; height: 10px; border-radius: 2px; display: inline-block; }
.company .swatch { background: #0072b2; } .person .swatch { background: #cc79a7; }
.figure .swatch { background: #e69f00; } .move .swatch { background: #009e73; }
.name { font-size: 15px; font-weight: 600; margin: 2px 0; word-break: break-word; }
.facts { margin: 0 0 6px; color: #333; }
.count { color: #555; margin-bottom: 8px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; }
button { font: inherit; font-size: 12px; padding: 3px 8px; border: 1px solid #999; border-radius: 4px; background: #f4f4f4; color: #111; cursor: pointer; }
button:hover { background: #e6e6e6; }
button:focus-visible { outline: 2px solid #1e5ac8; outline-offset: 1px; }
.hint { margin-top: 6px; font-size: 11px; color: #666; }
@media (prefers-color-scheme: dark) {
  .card { background: #23262b; color: #eee; border-color: #555; }
  .kind, .count, .hint { color: #bbb; } .facts { color: #ddd; }
  button { background: #33373d; color: #eee; border-color: #666; } button:hover { background: #40454c; }
}`;

function formatNumber(n: number): string {
  const abs = Math.abs(n);
  const fmt = (v: number, unit: string) => `${Number(v.toFixed(2)).toLocaleString('en')}${unit}`;
  if (abs >= 1e12) return fmt(n / 1e12, ' trillion');
  if (abs >= 1e9) return fmt(n / 1e9, ' billion');
  if (abs >= 1e6) return fmt(n / 1e6, ' million');
  return n.toLocaleString('en', { maximumFractionDigits: 4 });
}

/** The one-line facts under the name, e.g. "NYSE: BABA" or "up 3.8%". */
export function factsOf(m: Mention, detail?: string): string {
  switch (m.category) {
    case 'company':
      return [m.ticker ? `Ticker ${detail ? `${detail}: ` : ''}${m.ticker}` : '', m.name !== m.text ? `written "${m.text}"` : ''].filter(Boolean).join(' · ');
    case 'person':
      return [m.role ?? detail ?? '', m.name !== m.text ? `written "${m.text}"` : ''].filter(Boolean).join(' · ');
    case 'figure': {
      const f = m.figure;
      if (f.kind === 'money') return `${f.currency ?? ''} ${formatNumber(f.value)}`.trim();
      if (f.kind === 'percent') return `${f.value}%`;
      if (f.kind === 'bp') return `${f.value} basis points`;
      if (f.kind === 'points') return `${f.value} points`;
      return `${f.value}×`;
    }
    case 'move': {
      const mv = m.move;
      const size = mv.magnitude ? ` ${mv.magnitude.unit === '%' ? `${mv.magnitude.value}%` : `${formatNumber(mv.magnitude.value)} ${mv.magnitude.unit}`}` : '';
      return `${mv.subject}: ${mv.direction === 'up' ? '▲ up' : '▼ down'}${size}`;
    }
  }
}

function titleOf(m: Mention): string {
  if (m.category === 'company' || m.category === 'person') return m.name;
  return m.text;
}

function Card(props: { model: CardModel; pos: { left: number; top: number }; onAction(a: CardAction): void }) {
  const { mention: m, count } = props.model;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') props.onAction('close');
    else if (e.altKey && e.shiftKey && e.key === 'ArrowDown') props.onAction('next');
    else if (e.altKey && e.shiftKey && e.key === 'ArrowUp') props.onAction('prev');
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div class={`card ${m.category}`} role="dialog" aria-label={`${LABEL[m.category]}: ${titleOf(m)}`} style={{ left: `${props.pos.left}px`, top: `${props.pos.top}px` }} onKeyDown={onKey}>
      <div class="kind"><span class="swatch" />{LABEL[m.category]}</div>
      <div class="name">{titleOf(m)}</div>
      <div class="facts">{factsOf(m, props.model.detail)}</div>
      <div class="count">{count === 1 ? 'Mentioned once on this page' : `Mentioned ${count} times on this page`}</div>
      <div class="actions">
        <button type="button" data-action="panel" onClick={() => props.onAction('panel')}>Show in side panel</button>
        <button type="button" data-action="note" onClick={() => props.onAction('note')}>Add a note</button>
        <button type="button" data-action="hide" onClick={() => props.onAction('hide')}>Hide {PLURAL[m.category]}</button>
      </div>
      <div class="hint">Alt+Shift+↓/↑ next/previous mention · Esc close</div>
    </div>
  );
}

export interface CardView {
  show(model: CardModel, anchor: DOMRect, options?: { focus?: boolean }): void;
  hide(): void;
  isOpen(): boolean;
  /** The host element if created (for "is this event ours?"). */
  host(): HTMLElement | null;
  /** Is the pointer over the card? */
  hovered(): boolean;
}

export function createCard(doc: Document, onAction: (a: CardAction, model: CardModel) => void): CardView {
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let mount: HTMLElement | null = null;
  let open = false;
  let hovered = false;
  let current: CardModel | null = null;
  let returnFocus: Element | null = null;

  function ensure() {
    if (host && host.isConnected) return;
    host = doc.createElement(HOST_TAG);
    root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    mount = doc.createElement('div');
    root.append(style, mount);
    host.addEventListener('pointerenter', () => (hovered = true));
    host.addEventListener('pointerleave', () => (hovered = false));
    // After <body>, as the last child of <html>: outside the article and the page's own containers.
    doc.documentElement.appendChild(host);
  }

  const api: CardView = {
    show(model, anchor, options = {}) {
      ensure();
      current = model;
      if (options.focus && !open) returnFocus = doc.activeElement;
      const vw = doc.documentElement.clientWidth;
      const vh = doc.documentElement.clientHeight;
      const left = Math.max(4, Math.min(anchor.left, vw - 324));
      const below = anchor.bottom + 6;
      const top = below + 150 > vh && anchor.top > 160 ? Math.max(4, anchor.top - 156) : below;
      render(<Card model={model} pos={{ left, top }} onAction={(a) => current && onAction(a, current)} />, mount!);
      open = true;
      if (options.focus) (root!.querySelector('button') as HTMLElement | null)?.focus();
    },
    hide() {
      if (!open) return;
      const hadFocus = !!root && root.activeElement !== null;
      render(null, mount!);
      open = false;
      hovered = false;
      current = null;
      if (hadFocus && returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
      returnFocus = null;
    },
    isOpen: () => open,
    host: () => host,
    hovered: () => hovered,
  };
  return api;
}
