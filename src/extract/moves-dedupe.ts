// The last pass over one sentence's move candidates: a "with" clause that
// sizes the move before it is merged into it, and a move read twice from
// overlapping words is kept once, with the fuller subject. A sentence usually
// has one to three candidates, but page text can be one endless sentence with
// thousands: both passes stay near-linear in their number (each used to
// compare every pair, or splice the list once per merge).
import { CURRENCIES } from './lexicon.ts';
import type { MoveCandidate } from './moves.ts';

/** "The dollar weakened, with an index of the greenback sliding 0.6%": one move, sized by the "with" clause. */
export function mergeWithClauses(text: string, found: MoveCandidate[]): void {
  let w = 0;
  for (let k = 0; k < found.length; k++) {
    const a = found[k];
    found[w++] = a;
    const b = found[k + 1];
    if (b && mergesInto(text, a, b)) {
      a.magnitude = b.magnitude;
      if (b.magnitude_alt) a.magnitude_alt = b.magnitude_alt;
      a.end = b.end;
      k++; // b is gone; the next pair starts after it
    }
  }
  found.length = w;
}

function mergesInto(text: string, a: MoveCandidate, b: MoveCandidate): boolean {
  if (a.magnitude || !b.magnitude || a.direction !== b.direction) return false;
  const between = text.slice(a.end, b.start).toLowerCase();
  if (!/,\s*with\s/.test(between)) return false;
  // Only when the "with" clause sizes the same thing ("an index of the greenback" for "the dollar").
  const bWords = b.subject.toLowerCase().split(/\s+/);
  const aHead = a.subject.toLowerCase().split(/\s+/).pop() ?? '';
  return (a.kind === 'currency' && bWords.some((w) => CURRENCIES.has(w))) || bWords.includes(aHead);
}

/**
 * One change read twice from overlapping words ("dragged the retail index down 1.8%" as "index down 1.8%"):
 * a candidate goes when another one still kept, of the same size and direction, overlaps it and has a longer
 * subject that contains its own. Candidates are decided from the last to the first. Only candidates whose
 * spans overlap are compared: found through a list sorted by start, within the longest span's reach.
 */
export function dropNested(found: MoveCandidate[]): void {
  const n = found.length;
  if (n < 2) return;
  // The usual sentence has a few candidates: every pair, with no index built.
  if (n <= FEW) {
    for (let a = n - 1; a >= 0; a--) {
      for (let b = 0; b < found.length; b++) if (swallows(found[b], found[a])) { found.splice(a, 1); break; }
    }
    return;
  }
  const byStart = Array.from({ length: n }, (_, i) => i).sort((x, y) => found[x].start - found[y].start || x - y);
  const rank = new Int32Array(n);
  let reach = 0;
  for (let r = 0; r < n; r++) {
    rank[byStart[r]] = r;
    reach = Math.max(reach, found[byStart[r]].end - found[byStart[r]].start);
  }
  const gone = new Uint8Array(n);
  for (let a = n - 1; a >= 0; a--) {
    const x = found[a];
    if (!x.magnitude) continue;
    // Overlapping candidates start before x ends, and (none being longer than `reach`) after x.start - reach.
    let hit = false;
    for (let r = rank[a] + 1; r < n && found[byStart[r]].start < x.end && !hit; r++) hit = !gone[byStart[r]] && swallows(found[byStart[r]], x);
    for (let r = rank[a] - 1; r >= 0 && found[byStart[r]].start > x.start - reach && !hit; r--) hit = !gone[byStart[r]] && swallows(found[byStart[r]], x);
    if (hit) gone[a] = 1;
  }
  let w = 0;
  for (let i = 0; i < n; i++) if (!gone[i]) found[w++] = found[i];
  found.length = w;
}

/** Up to this many candidates, every pair is compared. */
const FEW = 8;

/** Does candidate b (another one, still kept) tell the same change as a, with a fuller subject? */
function swallows(b: MoveCandidate, a: MoveCandidate): boolean {
  if (b === a || b.direction !== a.direction || !a.magnitude || !b.magnitude || a.magnitude.unit !== b.magnitude.unit || a.magnitude.value !== b.magnitude.value) return false;
  if (a.start >= b.end || b.start >= a.end) return false;
  const as = a.subject.toLowerCase();
  const bs = b.subject.toLowerCase();
  return bs.length > as.length && bs.includes(as);
}
