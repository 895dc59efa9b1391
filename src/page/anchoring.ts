// Describes a span of the article's text as W3C Web Annotation selectors and
// finds it again later, after the page has changed. Pure: strings in, offsets
// out; the content script maps the offsets to DOM ranges (see notes.ts).
//
// Order of trust, after the Hypothesis client: the position selector only if it
// still reproduces the exact quote; else the exact quote, choosing among several
// occurrences the one whose prefix/suffix (and nearness to the old position)
// match best; else a bounded fuzzy match. The fuzzy match must clear a minimum
// score, and a match far from where the note used to be must also agree on its
// context, so an edited quote does not jump to a look-alike paragraph
// (hypothesis/client#7571). Work is capped so anchoring can never freeze a page
// (hypothesis/client#189): a window around the old position, a short probe,
// and an edit budget.
import type { TextPositionSelector, TextQuoteSelector } from '../messages.ts';

export const CONTEXT_LENGTH = 32;

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface Anchor {
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
  /** 0..1, how well quote and context matched. */
  score: number;
}

/** Selectors for text.slice(start, end). */
export function describeSpan(text: string, start: number, end: number): Selectors {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(s, e),
      prefix: text.slice(Math.max(0, s - CONTEXT_LENGTH), s),
      suffix: text.slice(e, e + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start: s, end: e },
  };
}

export interface AnchorOptions {
  /** Most exact occurrences examined. */
  maxOccurrences?: number;
  /** Characters of text searched by the fuzzy match, centred on the old position. */
  fuzzyWindow?: number;
  /** Minimum similarity of the quote for a fuzzy match (0..1). */
  minQuoteSimilarity?: number;
  /** Beyond this distance from the old position, a fuzzy match must also match its context. */
  maxFuzzyDistance?: number;
}

/** Finds the selectors' span in `text`, or null (the note is then detached, never dropped). */
export function anchorSpan(text: string, sel: { quote: TextQuoteSelector; position?: TextPositionSelector }, options: AnchorOptions = {}): Anchor | null {
  const { exact, prefix, suffix } = sel.quote;
  if (!exact) return null;
  const hint = sel.position?.start;

  // 1. Position, if it still holds the quote.
  if (sel.position && text.slice(sel.position.start, sel.position.end) === exact) {
    return { start: sel.position.start, end: sel.position.end, method: 'position', score: 1 };
  }

  // 2. Exact quote; the best context wins among occurrences.
  const maxOcc = options.maxOccurrences ?? 1000;
  let best: Anchor | null = null;
  let bestRank = -Infinity;
  for (let i = text.indexOf(exact), n = 0; i >= 0 && n < maxOcc; i = text.indexOf(exact, i + 1), n++) {
    const ctx = contextScore(text, i, i + exact.length, prefix, suffix);
    const rank = ctx + proximity(i, hint, text.length) * 0.05;
    if (rank > bestRank) {
      bestRank = rank;
      best = { start: i, end: i + exact.length, method: 'quote', score: ctx };
    }
  }
  if (best) return best;

  // 3. Bounded fuzzy match.
  return fuzzyAnchor(text, sel.quote, hint, options);
}

function fuzzyAnchor(text: string, quote: TextQuoteSelector, hint: number | undefined, options: AnchorOptions): Anchor | null {
  const exact = quote.exact;
  const window = options.fuzzyWindow ?? 40_000;
  const minSim = options.minQuoteSimilarity ?? 0.75;
  const centre = hint ?? 0;
  const from = Math.max(0, Math.min(centre - window / 2, text.length - window));
  const to = Math.min(text.length, from + window + exact.length);
  const hay = text.slice(from, to);

  let candidate: { start: number; end: number; sim: number } | null = null;
  if (exact.length <= PROBE) {
    const m = bestApproximate(hay, exact, Math.floor(exact.length * (1 - minSim)), hint === undefined ? undefined : hint - from);
    if (m) candidate = { start: m.start + from, end: m.end + from, sim: 1 - m.errors / exact.length };
  } else {
    // Long quote: match its head and its tail, then check the length between them.
    const head = exact.slice(0, PROBE);
    const tail = exact.slice(-PROBE);
    const k = Math.floor(PROBE * (1 - minSim));
    const h = bestApproximate(hay, head, k, hint === undefined ? undefined : hint - from);
    if (h) {
      const tailFrom = h.start;
      const tailHay = hay.slice(tailFrom, Math.min(hay.length, tailFrom + Math.ceil(exact.length * 1.25) + k));
      const t = bestApproximate(tailHay, tail, k, exact.length - PROBE);
      if (t) {
        const start = h.start + from;
        const end = t.end + tailFrom + from;
        const len = end - start;
        if (len >= exact.length * 0.75 && len <= exact.length * 1.25) {
          candidate = { start, end, sim: 1 - (h.errors + t.errors) / (2 * PROBE) };
        }
      }
    }
  }
  if (!candidate || candidate.sim < minSim) return null;
  const ctx = contextScore(text, candidate.start, candidate.end, quote.prefix, quote.suffix);
  const maxDist = options.maxFuzzyDistance ?? Math.max(1000, text.length * 0.1);
  if (hint !== undefined && Math.abs(candidate.start - hint) > maxDist && ctx < 0.6) return null;
  return { start: candidate.start, end: candidate.end, method: 'fuzzy', score: (candidate.sim * 50 + ctx * 40) / 90 };
}

/** Longest pattern the fuzzy matcher runs on (keeps the DP at window x PROBE cells). */
const PROBE = 64;

/** 0..1: how well the text around [start, end) matches the remembered prefix and suffix. */
function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const parts: number[] = [];
  if (prefix) parts.push(similarity(prefix, text.slice(Math.max(0, start - prefix.length), start)));
  if (suffix) parts.push(similarity(suffix, text.slice(end, end + suffix.length)));
  return parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 0.5;
}

function proximity(pos: number, hint: number | undefined, length: number): number {
  if (hint === undefined || length === 0) return 0;
  return 1 - Math.min(1, Math.abs(pos - hint) / length);
}

/** 1 - edit distance / longer length. Inputs here are at most a few dozen characters. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - levenshtein(a, b) / longest;
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * Best approximate occurrence of `pattern` in `text` with at most `k` edits
 * (Sellers' algorithm: O(text x pattern), pattern <= PROBE). Ties go to the end
 * nearest `near`. The start is recovered by re-aligning around the best end.
 */
function bestApproximate(text: string, pattern: string, k: number, near?: number): { start: number; end: number; errors: number } | null {
  const m = pattern.length;
  if (m === 0 || m > PROBE) return null;
  let col = new Uint32Array(m + 1);
  let next = new Uint32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  let bestEnd = -1;
  let bestErr = k + 1;
  for (let j = 1; j <= text.length; j++) {
    next[0] = 0;
    const c = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const cost = pattern.charCodeAt(i - 1) === c ? 0 : 1;
      next[i] = Math.min(col[i] + 1, next[i - 1] + 1, col[i - 1] + cost);
    }
    [col, next] = [next, col];
    const err = col[m];
    if (err < bestErr || (err === bestErr && bestEnd >= 0 && near !== undefined && Math.abs(j - m - near) < Math.abs(bestEnd - m - near))) {
      bestErr = err;
      bestEnd = j;
    }
  }
  if (bestEnd < 0) return null;
  let bestStart = Math.max(0, bestEnd - m);
  let startErr = Infinity;
  for (let s = Math.max(0, bestEnd - m - k); s <= Math.min(bestEnd, bestEnd - m + k); s++) {
    const e = levenshtein(pattern, text.slice(s, bestEnd));
    if (e < startErr) {
      startErr = e;
      bestStart = s;
    }
  }
  return { start: bestStart, end: bestEnd, errors: bestErr };
}
