import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on full stops followed by a capital', () => {
    expect(split('Prices rose. Traders cheered! Did they? Yes.')).toEqual(['Prices rose.', 'Traders cheered!', 'Did they?', 'Yes.']);
  });
  it('keeps abbreviations, initials and decimals inside a sentence', () => {
    expect(split('Shares of D.R. Horton rose 1.5% after Mr. Smith spoke. JPMorgan Chase & Co. said more.')).toEqual([
      'Shares of D.R. Horton rose 1.5% after Mr. Smith spoke.',
      'JPMorgan Chase & Co. said more.',
    ]);
    expect(split('The U.S. economy grew on Jan. 5 as expected.')).toHaveLength(1);
  });
  it('ends a sentence after a closing quote', () => {
    expect(split('“We are cautious,” she said. “Very.” Then he left.')).toEqual(['“We are cautious,” she said.', '“Very.”', 'Then he left.']);
  });
  it('does not split before a lower-case word', () => {
    expect(split('It fell 3 p.c. on the day and then recovered.')).toHaveLength(1);
  });
});
