import { describe, expect, it } from 'vitest';
import { anchorSpan, describeSpan, similarity } from './anchoring.ts';

const para = (n: number) =>
  `Paragraph ${n}: Alibaba shares rose 3 percent in Hong Kong after unit ${n} said cloud revenue grew faster than analysts expected. `;
const text = Array.from({ length: 20 }, (_, i) => para(i)).join('\n');

function spanOf(t: string, needle: string, from = 0) {
  const start = t.indexOf(needle, from);
  if (start < 0) throw new Error(`no ${needle}`);
  return { start, end: start + needle.length };
}

describe('describeSpan', () => {
  it('gives the exact text, 32 characters of context and the position', () => {
    const { start, end } = spanOf(text, 'cloud revenue', text.indexOf('Paragraph 5'));
    const s = describeSpan(text, start, end);
    expect(s.quote.exact).toBe('cloud revenue');
    expect(s.quote.prefix).toHaveLength(32);
    expect(text.slice(start - 32, start)).toBe(s.quote.prefix);
    expect(s.quote.suffix).toBe(text.slice(end, end + 32));
    expect(s.position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('clamps context at the ends of the text', () => {
    const s = describeSpan('short text', 0, 5);
    expect(s.quote).toMatchObject({ exact: 'short', prefix: '', suffix: ' text' });
  });
});

describe('anchorSpan', () => {
  const target = spanOf(text, 'cloud revenue grew', text.indexOf('Paragraph 7:'));
  const sel = describeSpan(text, target.start, target.end);

  it('trusts the position when it still reproduces the quote', () => {
    expect(anchorSpan(text, sel)).toMatchObject({ ...target, method: 'position' });
  });

  it('finds the quote by context when text was inserted before it', () => {
    const edited = 'BREAKING: a new intro paragraph. '.repeat(3) + text;
    const a = anchorSpan(edited, sel);
    expect(a?.method).toBe('quote');
    // The quote occurs 20 times; context picks paragraph 7's.
    expect(edited.slice(a!.start - 40, a!.start)).toContain('unit 7 said');
    expect(edited.slice(a!.start, a!.end)).toBe('cloud revenue grew');
  });

  it('prefers the occurrence whose context matches over the one nearest the old position', () => {
    // Remove paragraphs 0-6 so that paragraph 8's occurrence now sits where 7's was.
    const edited = text.slice(text.indexOf('Paragraph 7:') + para(7).length + 1);
    const moved = para(7) + '\n';
    const both = edited.slice(0, 10) + '\n' + moved + edited.slice(10);
    const a = anchorSpan(both, sel)!;
    expect(both.slice(Math.max(0, a.start - 40), a.start)).toContain('unit 7 said');
    expect(a.start).not.toBe(sel.position.start);
  });

  it('falls back to a fuzzy match when the quote was lightly edited', () => {
    const quote = 'the group said cloud revenue grew faster than analysts expected';
    const t2 = 'Intro. ' + quote + ' Outro.';
    const sel2 = describeSpan(t2, t2.indexOf(quote), t2.indexOf(quote) + quote.length);
    const edited = 'Intro. the group said its cloud revenue grew faster than most analysts expected Outro.';
    const a = anchorSpan(edited, sel2);
    expect(a?.method).toBe('fuzzy');
    expect(edited.slice(a!.start, a!.end)).toMatch(/^the group said its cloud revenue grew faster than most analysts expected$/);
  });

  it('fuzzy-matches long quotes by head and tail', () => {
    const long = 'Tencent said quarterly profit rose 47 percent, beating estimates, as its games business recovered and advertising sales grew for a fourth quarter in a row, helped by video accounts.';
    const t2 = 'Lead. ' + long + ' More text follows here.';
    const sel2 = describeSpan(t2, 6, 6 + long.length);
    const edited = 'Lead. ' + long.replace('beating estimates', 'beating analysts\u2019 estimates').replace('in a row', 'running') + ' More text follows here.';
    const a = anchorSpan(edited, sel2);
    expect(a?.method).toBe('fuzzy');
    expect(edited.slice(a!.start, a!.start + 20)).toBe(long.slice(0, 20));
    expect(edited.slice(a!.end - 15, a!.end)).toBe(long.slice(-15));
  });

  it('returns null when the quote is gone', () => {
    expect(anchorSpan('Completely different article about oil prices and OPEC output.', sel)).toBeNull();
  });

  it('rejects a weak fuzzy match (below the minimum score)', () => {
    const sel2 = describeSpan('xx Eddie Wu said yy', 3, 14);
    expect(anchorSpan('zz Eddy Woo sang qq', sel2)).toBeNull();
  });

  it('rejects a far-away look-alike whose context does not match', () => {
    const quote = 'profit fell 12 percent to HK$30 billion';
    const filler = 'Unrelated market commentary goes here. '.repeat(200);
    const original = 'Alibaba reported that ' + quote + ' last quarter. ' + filler;
    const sel2 = describeSpan(original, 22, 22 + quote.length);
    // The paragraph was rewritten; a similar sentence exists far below with different context.
    const edited = 'Alibaba reported a rebound. ' + filler + 'Separately, JD.com said profit fell 13 percent to HK$31 billion, it said.';
    expect(anchorSpan(edited, sel2)).toBeNull();
  });

  it('bounds the fuzzy search to a window around the old position (no page-wide scan)', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(6_000); // 162,000 characters
    const quote = 'the regulator fined the bank 2.1 billion dollars';
    const edited = 'the regulator fined the bank 2.2 billion dollars'; // not an exact match any more
    const text = filler + edited + filler;
    const at = filler.length;
    const sel = { quote: { type: 'TextQuoteSelector' as const, exact: quote, prefix: '', suffix: '' } };
    // Old position far away: the edited quote lies outside the search window, so it is not found.
    expect(anchorSpan(text, { ...sel, position: { type: 'TextPositionSelector', start: 10, end: 10 + quote.length } })).toBeNull();
    // Old position nearby: found.
    const near = anchorSpan(text, { ...sel, position: { type: 'TextPositionSelector', start: at - 500, end: at - 500 + quote.length } });
    expect(near).toMatchObject({ start: at, end: at + edited.length, method: 'fuzzy' });
  });
});

describe('similarity', () => {
  it('is 1 for equal strings and falls with edits', () => {
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('abcd', 'abxd')).toBe(0.75);
    expect(similarity('', '')).toBe(1);
  });
});
