// A name span's company evidence ("shares-of", "suffix", "said"...), kept as
// bits of one number. A Set per name with cues was two objects for every such
// name (62,000 on the 5 MB hostile page, where every block names companies),
// all kept for the page-level pass, and every one of them copied by each
// young-generation collection that found it alive.
import type { NameSpan } from './block.ts';

const CUE_BITS = {
  suffix: 1 << 0, industry: 1 << 1, ticker: 1 << 2, 'shares-of': 1 << 3, shares: 1 << 4, descriptor: 1 << 5,
  appositive: 1 << 6, 'role-at': 1 << 7, source: 1 << 8, backed: 1 << 9, deal: 1 << 10, advised: 1 << 11,
  'owner-role': 1 << 12, possessive: 1 << 13, move: 1 << 14, list: 1 << 15, said: 1 << 16,
} as const;
export type Cue = keyof typeof CUE_BITS;

/** The bits of a set of cues, for hasCue(). */
export const cues = (...list: Cue[]): number => list.reduce((bits, c) => bits | CUE_BITS[c], 0);

export function addCue(n: NameSpan, cue: Cue): void {
  n.cues |= CUE_BITS[cue];
}

/** Has the name any of these cues (bits from cues())? */
export const hasCue = (n: NameSpan, any: number): boolean => (n.cues & any) !== 0;

export const SAID = CUE_BITS.said;
