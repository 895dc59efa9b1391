// File and wikilink names that Obsidian and every desktop OS accept, following
// the Obsidian Web Clipper's rules (its #49 and #100 were illegal names):
// no # | ^ [ ] (Obsidian link syntax), no < > : " / \ ? * or control
// characters (Windows, macOS, Linux), no leading/trailing dots or spaces, no
// Windows reserved device names, at most 245 characters, never empty.

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX = 245;

export function sanitizeFileName(name: string): string {
  let s = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/[#|^[\]<>:"/\\?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (RESERVED.test(s)) s = `_${s}`;
  if (s.length > MAX) {
    s = s.slice(0, MAX);
    // Do not leave half a surrogate pair at the end.
    if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
    s = s.replace(/[.\s]+$/, '');
  }
  return s || 'Untitled';
}
