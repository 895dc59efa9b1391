// Content script entry (issue 3): decides whether the page is an article,
// scans it visible-first and highlights it, keeps up with added content and
// SPA navigation, sends the growing page summary to the background in
// throttled batches, answers the popup/side panel ('content/*' messages) and
// anchors the reader's notes. Nothing here may throw into the page.
import type { ArticleBody } from '../article/index.ts';
import { warmUpSteps } from '../extract/index.ts';
import type { Mention, PageSummary } from '../extract/types.ts';
import type { Note, PageInfo, Settings } from '../messages.ts';
import { HOST_TAG } from './card.tsx';
import { benchMark, benchTimed } from './bench-hook.ts';
import { describeSpan } from './anchoring.ts';
import { CATEGORIES, createHighlighter } from './highlighter.ts';
import { COLOR_PRESETS } from '../ui/components/category-colors.ts';
import type { MentionRef } from './hit-test.ts';
import { createInteraction } from './interaction.ts';
import { call, listen } from './messaging.ts';
import { watchMutations } from './mutation-watch.ts';
import { watchNavigation } from './navigation-watch.ts';
import { bodyTextOf, createNotesLayer, selectorsForRange } from './notes.ts';
import { canonicalUrl, pageInfo } from './page-info.ts';
import { createPageSession, detectInSlices, type PageSession } from './page-session.ts';
import { runInSlices } from './run-in-slices.ts';
import { createSummarySender } from './summary-sender.ts';

benchMark('newsmark:start');

const doc = document;
const highlighter = createHighlighter();
const notesLayer = createNotesLayer(highlighter);
let session: PageSession | null = null;
let info: PageInfo | null = null;
let stopMutations: (() => void) | null = null;
let notes: Note[] = [];
/** Last detached state we reported per note, so we only tell the background about changes. */
const reported = new Map<string, boolean>();
let settled = false;
let siteDisabled = false;

const sender = createSummarySender(() => (session && info ? { page: info, summary: benchTimed('summary', () => session!.summary()) } : null));

function isOurs(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nodeType === 1 && (n as Element).localName === HOST_TAG) return true;
  return false;
}

/** Canonical URL of the previous page in this tab, to spot a canonical link an SPA forgot to update. */
let previousCanonical: string | null = null;

function infoFor(article: ArticleBody): PageInfo {
  const next = pageInfo(doc, article);
  if (previousCanonical && next.canonicalUrl === previousCanonical && next.url !== info?.url) {
    next.canonicalUrl = canonicalUrl(doc, next.url, { ignoreLinks: true });
  }
  return next;
}

function start(article: ArticleBody) {
  stop();
  info = infoFor(article);
  settled = false;
  session = createPageSession({
    doc,
    article,
    highlighter,
    onChange: () => sender.dirty(),
    onSettled: () => {
      settled = true;
      anchorNotes();
    },
  });
  stopMutations = watchMutations({
    doc,
    isOurs,
    blockOf: (n) => session?.blockOf(n),
    async onChange(dirty) {
      const s = session;
      if (!s) return 0;
      const { added } = await s.update(dirty);
      if (s !== session) return 0; // a navigation replaced the session meanwhile
      if (info && s.article.isArticle !== info.isArticle) info = { ...info, isArticle: s.article.isArticle, reason: s.article.reason };
      return added;
    },
  });
  loadNotes();
}

function stop(options: { send?: boolean } = {}) {
  if (options.send ?? true) sender.flush();
  else sender.discard();
  stopMutations?.();
  stopMutations = null;
  session?.stop();
  session = null;
  notesLayer.clear();
  interaction.card.hide();
}

/** When the page is not an article but the reader asked: the detector's blocks, else every paragraph. */
async function forcedArticle(): Promise<ArticleBody> {
  const a = await detectInSlices(doc);
  if (a.blocks.length) return a;
  const blocks = [...doc.body.querySelectorAll('p, li, h2, h3, blockquote, td')].filter((el) => !el.closest('nav, footer, header, aside, form'));
  return { ...a, blocks };
}

async function loadNotes() {
  if (!info) return;
  const got = await call('page/notes', { canonicalUrl: info.canonicalUrl });
  notes = Array.isArray(got) ? got : [];
  if (settled) anchorNotes();
}

function anchorNotes() {
  if (!session) return;
  const result = benchTimed('notes', () => notesLayer.anchor(notes, session!));
  for (const note of notes) {
    const detached = result.get(note.id)!;
    const before = reported.get(note.id) ?? !!note.detached;
    reported.set(note.id, detached);
    if (detached !== before) void call('note/anchored', { id: note.id, detached });
  }
}

/**
 * The summary, only when reading it is cheap: after a scan pass the extractor's
 * resolution is cached; mid-scan it would resolve the whole page on a hover.
 */
function settledSummary(): PageSummary | undefined {
  return settled && session ? session.summary() : undefined;
}

/** Companies and people: the summary's count (title and every alias included), as the popup shows it. */
function countOf(m: Mention): number | undefined {
  const s = settledSummary();
  if (m.category === 'company') return s?.companies.find((c) => c.name === m.name)?.mentions;
  if (m.category === 'person') return s?.people.find((p) => p.name === m.name)?.mentions;
  return undefined;
}

function detailOf(m: Mention): string | undefined {
  const s = settledSummary();
  if (!s) return undefined;
  if (m.category === 'company') return s.companies.find((c) => c.name === m.name)?.exchange;
  if (m.category === 'person') return s.people.find((p) => p.name === m.name)?.role;
  return undefined;
}

const interaction = createInteraction({
  doc,
  highlighter,
  session: () => session,
  detailOf,
  countOf,
  onAction(action, ref) {
    if (action === 'hide') {
      highlighter.set({ categories: { [ref.mention.category]: false } });
    } else if (action === 'panel') {
      void call('panel/open', { focus: { category: ref.mention.category, name: nameOf(ref.mention) } });
    } else if (action === 'note') {
      void addNoteFor(ref);
    }
  },
});

function nameOf(m: Mention): string {
  if (m.category === 'company' || m.category === 'person') return m.name;
  if (m.category === 'move') return m.move.subject;
  return m.text;
}

async function addNoteFor(ref: MentionRef) {
  if (!session || !info) return;
  const body = bodyTextOf(session);
  const i = body.blocks.findIndex((st) => st === ref.block);
  if (i < 0) return;
  const sel = describeSpan(body.text, body.starts[i] + ref.mention.start, body.starts[i] + ref.mention.end);
  // Open the panel first: browsers only allow it close to the click (user gesture).
  void call('panel/open', { focus: { category: ref.mention.category, name: nameOf(ref.mention) } });
  await call('note/add', { pageUrl: info.canonicalUrl, quote: sel.quote, position: sel.position, body: '', draft: true });
  void loadNotes();
}

function snapshot(): { page: PageInfo; summary: PageSummary } | null {
  return session && info ? { page: info, summary: session.summary() } : null;
}

listen({
  'content/summary': () => snapshot(),
  async 'content/scan'() {
    siteDisabled = false;
    if (!session) start(await forcedArticle());
    highlighter.set({ enabled: true });
    await Promise.race([session!.settled(), new Promise((ok) => setTimeout(ok, 10_000))]);
    sender.flush();
    return snapshot()!;
  },
  async 'content/highlights'(req) {
    const enabled = typeof req.enabled === 'boolean' ? req.enabled : req.toggle ? !highlighter.state().enabled : undefined;
    const state = highlighter.set({ enabled, categories: req.categories });
    if (enabled === true && !session) {
      siteDisabled = false;
      const article = await forcedArticle();
      if (!session) start(article);
    }
    // Per-site "off" is remembered by whoever asks for it (the popup writes Settings.disabledSites);
    // here a toggle only affects this page, and disabledSites is honoured on load.
    if (enabled === false) interaction.card.hide();
    return state;
  },
  'content/scroll-to'(req) {
    const s = session;
    if (!s) return { found: false };
    // The index-th mention in reading order (the last one if there are fewer). A very long page paints near
    // the viewport only: a block is painted here only if it holds a match.
    const matches = (m: Mention) => m.category === req.category && nameOf(m) === req.name;
    const want = req.index ?? 0;
    let seen = 0;
    let ref: MentionRef | undefined;
    for (const st of s.blocksInOrder()) {
      const refs = s.refsOf(st, matches).filter((r) => matches(r.mention)).sort((a, b) => a.mention.start - b.mention.start);
      if (!refs.length) continue;
      ref = refs[Math.min(want - seen, refs.length - 1)];
      seen += refs.length;
      if (seen > want) break;
    }
    if (!ref) return { found: false };
    if (!highlighter.visible(req.category)) highlighter.set({ enabled: true, categories: { [req.category]: true } });
    interaction.focusMention(ref, { focusCard: false });
    return { found: true };
  },
  'content/note-from-selection'() {
    const sel = doc.getSelection();
    if (!session || !sel || sel.rangeCount === 0) return null;
    const s = selectorsForRange(bodyTextOf(session), sel.getRangeAt(0));
    return s && info ? { ...s, canonicalUrl: info.canonicalUrl } : s;
  },
  async 'content/notes-changed'() {
    await loadNotes();
    return { ok: true as const };
  },
});

watchNavigation(window, () => {
  // A new URL is a new page: flush the old summary, then re-read the page once the app has rendered it.
  previousCanonical = info?.canonicalUrl ?? previousCanonical;
  stop();
  info = null;
  if (siteDisabled) return;
  let tries = 0;
  const url = location.href;
  const attempt = async () => {
    const article = await detectInSlices(doc);
    if (location.href !== url || session) return; // navigated again meanwhile: that navigation's attempt decides
    if (article.isArticle) start(article);
    else if (++tries < 4) later([400, 1200, 3000][tries - 1]);
  };
  const later = (ms: number) => setTimeout(() => attempt().catch(() => {}), ms);
  later(150);
});

/** The reader's colour choice per category is one of a few presets, each a named highlight style in highlights.css. */
function applyColors(settings: Settings) {
  for (const c of CATEGORIES) {
    const chosen = settings.colors?.[c];
    highlighter.setVariant(c, chosen ? Math.max(0, COLOR_PRESETS[c].indexOf(chosen)) : 0);
  }
}

/** Applies settings; true when this site is turned off. */
function applySettings(settings: Settings): boolean {
  highlighter.set({ categories: settings.categories });
  applyColors(settings);
  siteDisabled = settings.disabledSites.includes(doc.location.hostname.replace(/^www\./, ''));
  if (siteDisabled) highlighter.set({ enabled: false });
  return siteDisabled;
}

/**
 * How long we wait for the settings before painting. A warm background answers
 * in a few ms; a cold one (the first page after the browser starts, waking the
 * service worker and its database) can take half a second, and the reader should
 * not wait for that: we go ahead with the defaults and apply the settings (or
 * stand down on a disabled site) when they arrive.
 */
const SETTINGS_WAIT_MS = 150;

async function main() {
  if (window.top !== window) return;
  const url = location.href;
  const settingsP = call('settings/get', {}, 5000);
  const article = await detectInSlices(doc);
  // Overlap the extractor's table building with the settings request instead of adding the two waits up.
  // A small budget: a cold step compiles code and may take 10 ms by itself, so a slice is about one step.
  if (article.isArticle) await runInSlices(warmUpSteps(), 'extractor-init', 3);
  const early = await Promise.race([settingsP, new Promise<'late'>((ok) => setTimeout(() => ok('late'), SETTINGS_WAIT_MS))]);
  benchMark(`newsmark:detected:${article.isArticle}:${article.blocks.length}:${early === 'late' ? 'settings-late' : early ? 'settings' : 'no-settings'}`); // test hook: what we decided
  if (early !== 'late' && early && applySettings(early)) return;
  // Detection and warm-up run over several tasks: an SPA navigation (its own attempt decides) or the
  // reader's "Scan this page" may have started a session meanwhile.
  if (article.isArticle && !session && location.href === url) start(article);
  if (early === 'late') {
    const settings = await settingsP;
    if (settings && applySettings(settings)) stop({ send: false });
  }
}
main().catch((e) => benchMark(`newsmark:error:${e instanceof Error ? e.message : e}`));
