// A WAI-ARIA tablist: arrow keys, Home and End move between tabs, only the
// selected tab is in the tab order, and each panel is labelled by its tab.
import { useRef } from 'preact/hooks';

export interface TabDef {
  id: string;
  label: string;
}

export function Tabs(props: { tabs: TabDef[]; selected: string; onSelect: (id: string) => void; label: string; children: any }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = Math.max(0, props.tabs.findIndex((tab) => tab.id === props.selected));
  const move = (to: number) => {
    const n = props.tabs.length;
    const next = (to + n) % n;
    props.onSelect(props.tabs[next].id);
    refs.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: props.tabs.length - 1 };
    if (e.key in keys) {
      e.preventDefault();
      move(keys[e.key]);
    }
  };
  return (
    <>
      <div role="tablist" aria-label={props.label} class="tablist" onKeyDown={onKeyDown}>
        {props.tabs.map((tab, i) => (
          <button
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={i === index}
            aria-controls={`panel-${tab.id}`}
            tabIndex={i === index ? 0 : -1}
            ref={(el) => {
              refs.current[i] = el;
            }}
            onClick={() => props.onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${props.tabs[index].id}`} aria-labelledby={`tab-${props.tabs[index].id}`} tabIndex={0} class="tabpanel">
        {props.children}
      </div>
    </>
  );
}
