// Full-text search over the library with MiniSearch: one document per page
// holding its title, site, company and person names, key sentences, move
// sentences and the text of its notes. The index lives only in memory (the
// service worker may stop at any time): it is built on the first query and
// patched afterwards for the pages that changed since.
import MiniSearch from 'minisearch';
import type { Note, SavedPage } from '../messages.ts';
import type { NewsmarkDb } from './schema.ts';

interface SearchDoc {
  id: string;
  title: string;
  site: string;
  names: string;
  sentences: string;
  notes: string;
}

function toDoc(page: SavedPage, notes: Note[]): SearchDoc {
  const s = page.summary;
  return {
    id: page.canonicalUrl,
    title: page.title || s.title,
    site: page.site,
    names: [...s.companies.flatMap((c) => [c.name, ...c.aliases, c.ticker ?? '']), ...s.people.flatMap((p) => [p.name, ...p.aliases])].join(' \n '),
    sentences: [...s.keySentences, ...s.moves.map((m) => m.text)].join(' \n '),
    notes: notes.map((n) => `${n.body} \n ${n.quote.exact}`).join(' \n '),
  };
}

function newIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    fields: ['title', 'site', 'names', 'sentences', 'notes'],
    searchOptions: {
      boost: { title: 3, names: 2 },
      prefix: true,
      fuzzy: (term) => (term.length > 4 ? 0.2 : 0),
      combineWith: 'AND',
    },
  });
}

export interface LibrarySearch {
  /** Canonical URLs of matching pages, best match first. */
  search(db: NewsmarkDb, text: string): Promise<string[]>;
  /** A page or its notes changed (undefined: anything may have changed). */
  touch(canonicalUrl?: string): void;
}

export function createLibrarySearch(): LibrarySearch {
  let index: MiniSearch<SearchDoc> | null = null;
  let building: Promise<MiniSearch<SearchDoc>> | null = null;
  /** Pages changed since the index (or the build in flight) read them. */
  const dirty = new Set<string>();
  /** Bumped by touch() without a URL: a build started before it is thrown away. */
  let generation = 0;

  async function build(db: NewsmarkDb): Promise<MiniSearch<SearchDoc>> {
    const tx = db.transaction(['pages', 'notes'], 'readonly');
    const [pages, notes] = await Promise.all([tx.objectStore('pages').getAll(), tx.objectStore('notes').getAll()]);
    const byPage = new Map<string, Note[]>();
    for (const n of notes) byPage.set(n.pageUrl, [...(byPage.get(n.pageUrl) ?? []), n]);
    const fresh = newIndex();
    fresh.addAll(pages.map((p) => toDoc(p, byPage.get(p.canonicalUrl) ?? [])));
    return fresh;
  }

  async function refresh(db: NewsmarkDb, current: MiniSearch<SearchDoc>): Promise<void> {
    const urls = [...dirty];
    dirty.clear();
    for (const url of urls) {
      const tx = db.transaction(['pages', 'notes'], 'readonly');
      const [page, notes] = await Promise.all([tx.objectStore('pages').get(url), tx.objectStore('notes').index('pageUrl').getAll(url)]);
      if (current.has(url)) current.discard(url);
      if (page) current.add(toDoc(page, notes));
    }
  }

  return {
    async search(db, text) {
      while (!index) {
        const started = generation;
        if (!building) {
          // Changes from here on land in `dirty` and are patched in after the build.
          dirty.clear();
          building = build(db).finally(() => {
            building = null;
          });
        }
        const built = await building;
        if (started === generation && !index) index = built;
      }
      if (dirty.size) await refresh(db, index);
      return index.search(text).map((r) => String(r.id));
    },
    touch(url) {
      if (url === undefined) {
        generation++;
        index = null;
        dirty.clear();
      } else {
        dirty.add(url);
      }
    },
  };
}
