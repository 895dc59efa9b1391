// A name span's company evidence ("shares-of", "suffix", "said"...), written
// only through addCue(): a name with no cue shares one empty set, and gets a
// set of its own with its first cue. Most names get none, and a set each was
// tens of thousands of objects on a long page (46,000 on the 5 MB hostile
// page) for the garbage collector to copy.
import type { NameSpan } from './block.ts';

/** The cues of every name that has none yet. Never written: read it, never add to it. */
export const NO_CUES: Set<string> = new Set();

export function addCue(n: NameSpan, cue: string): void {
  if (n.cues === NO_CUES) n.cues = new Set();
  n.cues.add(cue);
}
