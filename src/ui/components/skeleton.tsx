// Grey placeholder lines shown the instant a page opens, before any data has
// arrived, so the popup never flashes empty.
import { t } from '../i18n.ts';

export function Skeleton({ lines = 5 }: { lines?: number }) {
  return (
    <div class="skeleton" role="status" aria-busy="true" aria-label={t('loading')}>
      {Array.from({ length: lines }, (_, i) => (
        <div class="skeleton-line" style={{ width: `${90 - ((i * 17) % 40)}%` }} />
      ))}
    </div>
  );
}
