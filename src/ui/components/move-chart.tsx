// A company's market moves over time as a small bar chart: one bar per move,
// up above the zero line, down below, height by size. Built from Preact SVG
// elements so no chart library ships; moves without a percentage size are
// drawn as short ticks, because their size is unknown, not zero.
import type { CompanyMove } from '../../messages.ts';
import { t } from '../i18n.ts';
import { formatMagnitude } from './format-magnitude.ts';

const W = 300;
const H = 120;
const PAD = 16;

export function MoveChart({ moves }: { moves: CompanyMove[] }) {
  if (!moves.length) return <p class="muted">{t('noMoves')}</p>;
  const sorted = [...moves].sort((a, b) => a.date.localeCompare(b.date));
  const sized = sorted.map((m) => (m.move.magnitude?.unit === '%' ? m.move.magnitude.value : null));
  const max = Math.max(1, ...sized.map((v) => v ?? 0));
  const mid = H / 2;
  const step = (W - 2 * PAD) / sorted.length;
  const barW = Math.max(3, Math.min(24, step * 0.7));
  const scale = (mid - PAD) / max;
  const first = sorted[0].date.slice(0, 10);
  const last = sorted[sorted.length - 1].date.slice(0, 10);
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('chartLabel', sorted.length, first, last)}>
      <line class="axis" x1={PAD} x2={W - PAD} y1={mid} y2={mid} />
      {sorted.map((m, i) => {
        const up = m.move.direction === 'up';
        const v = sized[i];
        const h = v === null ? 4 : Math.max(2, v * scale);
        const x = PAD + i * step + (step - barW) / 2;
        const label = `${m.date.slice(0, 10)} ${m.move.subject} ${t(up ? 'moveUp' : 'moveDown')}${m.move.magnitude ? ' ' + formatMagnitude(m.move.magnitude) : ''}`;
        return (
          <rect class={`bar ${up ? 'up' : 'down'}`} x={x} width={barW} y={up ? mid - h : mid} height={h} rx={1}>
            <title>{label}</title>
          </rect>
        );
      })}
      <text x={PAD} y={H - 2}>{first}</text>
      <text x={W - PAD} y={H - 2} text-anchor="end">{last}</text>
      <text x={PAD} y={10}>{`+${max}%`}</text>
    </svg>
  );
}
