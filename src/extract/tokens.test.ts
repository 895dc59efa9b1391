import { describe, expect, it } from 'vitest';
import { initials, nameKey, subjectKey } from './normalise.ts';
import { outerEnd, tokenize } from './tokens.ts';

describe('tokenize', () => {
  it('keeps names with inner punctuation whole and splits possessives off', () => {
    const text = 'Amazon.com, Rolls-Royce and D.R. Horton; Alibaba’s S&P/ASX 200 and OPEC+ (2222.SE). Investors’ money';
    const t = tokenize(text);
    const words = t.filter((x) => x.word).map((x) => `${x.text}${x.poss ? "'s" : ''}`);
    expect(words).toEqual(['Amazon.com', 'Rolls-Royce', 'and', 'D.R.', 'Horton', "Alibaba's", 'S&P/ASX', '200', 'and', 'OPEC+', '2222.SE', "Investors's", 'money']);
    const ali = t.find((x) => x.text === 'Alibaba')!;
    expect(ali.end - ali.start).toBe(7);
    expect(outerEnd(text, ali) - ali.start).toBe(9);
    const inv = t.find((x) => x.text === 'Investors')!;
    expect(outerEnd(text, inv) - inv.end).toBe(1);
  });
  it('marks capitals and numbers and keeps a middle initial’s dot', () => {
    const t = tokenize('Jerome H. Powell cut 25bp');
    expect(t.map((x) => [x.text, x.cap, x.num])).toEqual([['Jerome', true, false], ['H.', true, false], ['Powell', true, false], ['cut', false, false], ['25bp', false, true]]);
  });
});

describe('normalise', () => {
  it('compares names without legal forms, possessives or "the"', () => {
    expect(nameKey('Geberit AG')).toBe(nameKey('Geberit'));
    expect(nameKey('JPMorgan Chase & Co.')).toBe('jpmorgan chase');
    expect(nameKey('The Walt Disney Company')).toBe('walt disney');
    expect(subjectKey("Alibaba's shares")).toBe('alibaba');
    expect(subjectKey('the Hang Seng Index')).toBe('hang seng index');
  });
  it('reads initials for short forms', () => {
    expect(initials('Taiwan Semiconductor Manufacturing Co', false)).toBe('tsmc');
    expect(initials('Marks & Spencer', true)).toBe('ms');
    expect(initials('Associated British Foods plc', true)).toBe('abf');
  });
});
