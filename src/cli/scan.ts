// Command-line scanner: prints one JSON page summary per input file, one per
// line, in order. `.html` goes through article-body detection first; anything
// else (or `-` for standard input) is taken as the article text itself.
//
//   npm run --silent scan -- [--text] FILE...
//
// --text adds `body`: the text that was scanned, paragraphs separated by blank lines.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { blockText, detectArticle } from '../article/index.ts';
import { createDocument } from '../extract/index.ts';

interface Scanned {
  title: string;
  /** The standfirst: scanned like the body, but not part of `body` (the body benchmark leaves it out). */
  lead?: string[];
  blocks: string[];
}

function fromHtml(html: string): Scanned {
  const { document } = parseHTML(html);
  const article = detectArticle(document as unknown as Document);
  // A block may hold several <br>-separated paragraphs, one per line of its text.
  const lines = (el: Element) => blockText(el).split('\n').filter(Boolean);
  return { title: article.title, lead: article.standfirst ? lines(article.standfirst) : [], blocks: article.blocks.flatMap(lines) };
}

function fromText(text: string): Scanned {
  return { title: '', blocks: text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) };
}

export function scanFile(file: string, withText: boolean) {
  const raw = readFileSync(file === '-' ? 0 : file, 'utf8');
  const { title, lead = [], blocks } = /\.x?html?$/i.test(file) ? fromHtml(raw) : fromText(raw);
  const doc = createDocument({ title });
  for (const b of [...lead, ...blocks]) doc.addBlock(b);
  const summary = doc.summary();
  return withText ? { ...summary, body: blocks.join('\n\n') } : summary;
}

function main(args: string[]) {
  const withText = args.includes('--text');
  const files = args.filter((a) => a === '-' || !a.startsWith('--'));
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent scan -- [--text] FILE...\n');
    return 2;
  }
  let status = 0;
  for (const file of files) {
    try {
      process.stdout.write(JSON.stringify(scanFile(file, withText)) + '\n');
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.code === 'EACCES' ? 'permission denied' : e.message;
      process.stderr.write(`scan: ${file}: ${why}\n`);
      status = 1;
    }
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));
