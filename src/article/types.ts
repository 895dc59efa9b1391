// The result of article-body detection, shared by the content script (live DOM)
// and the CLI (a DOM implementation in node).

export interface ArticleBody {
  /** False for home pages, section fronts, search results, web apps. */
  isArticle: boolean;
  /** Why detection decided as it did, for the popup and for debugging ("JSON-LD NewsArticle", "link density 0.8"). */
  reason: string;
  /** The headline ("" if none was found). It is scanned for entities too, but is not part of `body`. */
  title: string;
  /**
   * The body's blocks in reading order: paragraphs, list items, sub-headings,
   * quotes, table rows. Each is an element of the document that was passed in
   * (never a copy), so the content script can highlight inside it. A block's
   * text is `blockText(block)`: its own text without nested blocks (a block
   * may contain another block, e.g. a <div> with text and a <p>; each text
   * belongs to exactly one block), one line per paragraph where a block holds
   * several (<br><br> paragraphs). Filled with the best guess even when
   * `isArticle` is false.
   */
  blocks: Element[];
  /**
   * The standfirst (sub-heading under the headline), when the page has one
   * outside the body. Article text for extraction, but not part of `blocks`
   * (the body benchmark does not count it).
   */
  standfirst?: Element;
}
