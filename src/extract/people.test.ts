import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

const people = (text: string) => extract(text).summary.people;

describe('people', () => {
  it('finds a name set off by commas after a role', () => {
    const p = people("Brazil's chief trade negotiator, Tavares Quenby, said talks would resume.\nThe country's top diplomat, Lio Marrent, agreed.");
    expect(p.map((x) => x.name)).toEqual(['Tavares Quenby', 'Lio Marrent']);
  });

  it('finds named people with their roles and links later surnames', () => {
    const text = [
      'Kestrel Labs chief executive Miriam Okonjo said the quarter was strong.',
      '"We are growing," said Tomasz Wierzba, chief economist at Harlow Bank.',
      'Okonjo added that hiring would continue. Wierzba disagreed.',
    ].join('\n');
    const p = people(text);
    expect(p.map((x) => x.name)).toEqual(['Miriam Okonjo', 'Tomasz Wierzba']);
    expect(p[0].role).toBe('chief executive');
    expect(p[0].aliases).toContain('Okonjo');
    expect(p[0].mentions).toBe(2);
    expect(p[1].role).toMatch(/chief economist at Harlow Bank/);
  });

  it('reads honorifics and noble titles', () => {
    const text = 'Energy Minister Prince Faisal bin Nayef spoke first. Lord Ashdown, the chairman, followed, and Dr. Rhea Santos closed.';
    const names = people(text).map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(['Prince Faisal bin Nayef', 'Lord Ashdown', 'Rhea Santos']));
  });

  it('does not take companies, places or capitalised phrases for people', () => {
    const text = [
      'Morgan Stanley and Goldman Sachs advised the buyer, based in New York.',
      'Shares in Georg Fischer rose 2% and Taylor Wimpey lost 1%.',
      'Wall Street cheered as the Hang Seng Index rose on Black Friday.',
    ].join('\n');
    expect(people(text)).toEqual([]);
  });

  it('keeps a surname that is also a company name with its person', () => {
    const p = people('Former mayor Michael Bloomberg joined the race. Bloomberg said he would spend heavily.');
    expect(p[0].name).toBe('Michael Bloomberg');
    expect(p[0].mentions).toBe(2);
  });
});
