import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

describe('extract', () => {
  it('returns one mention list per line and a summary', () => {
    const { mentions, summary } = extract('one\ntwo', { title: 'T' });
    expect(mentions).toHaveLength(2);
    expect(summary.title).toBe('T');
  });
});
