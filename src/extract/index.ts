// Public face of the extraction engine: pure TypeScript, no DOM, no browser API.
// Text goes in block by block (a block is a paragraph: sentences never cross
// it), mentions with offsets and the page summary come out.
import type { Mention, PageSummary } from './types.ts';

export type * from './types.ts';

export interface ScannedDocument {
  /** Scans one more block; returns its index. Cost is proportional to the block. */
  addBlock(text: string): number;
  /** The block's mentions, offsets relative to that block's text, resolved with all that the document has taught so far. */
  mentions(block: number): Mention[];
  /** The title's mentions (offsets into the title). */
  titleMentions(): Mention[];
  /** The page summary of everything added so far, title included. */
  summary(): PageSummary;
}

export function createDocument(options: { title?: string } = {}): ScannedDocument {
  const title = options.title ?? '';
  const blocks: string[] = [];
  return {
    addBlock(text) {
      blocks.push(text);
      return blocks.length - 1;
    },
    mentions: () => [],
    titleMentions: () => [],
    summary: () => ({ title, companies: [], people: [], figures: [], moves: [], keySentences: [], words: 0 }),
  };
}

/** Scans a whole text at once: every line is a block. */
export function extract(text: string, options: { title?: string } = {}) {
  const doc = createDocument(options);
  const blocks = text.split(/\r?\n/).map((line) => doc.addBlock(line));
  return { mentions: blocks.map((b) => doc.mentions(b)), summary: doc.summary() };
}
