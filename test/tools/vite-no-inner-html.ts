// Vite plugin for the extension build: takes the one HTML sink out of Preact.
//
// Preact implements `dangerouslySetInnerHTML` with `dom.innerHTML = value.__html`.
// Newsmark never uses that prop (test/unit/no-html-sinks.test.ts forbids it in
// src/), but the assignment still ships in the bundle, where addons.mozilla.org's
// linter flags it (UNSAFE_VAR_ASSIGNMENT) and where it would be the one place
// page text could become markup. We replace it with a throw, so the bundle has
// no innerHTML assignment at all. If a Preact upgrade changes the code and the
// pattern is no longer found, the build fails rather than silently shipping it.
import type { Plugin } from 'vite';

const PREACT = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.m?js$/;
const SINK = /\b([A-Za-z_$][\w$]*)\.innerHTML\s*=\s*([A-Za-z_$][\w$]*)\.__html\b/g;
const REPLACEMENT = '(()=>{throw new Error("Newsmark: dangerouslySetInnerHTML is disabled")})()';

export function noInnerHtml(): Plugin {
  let seen = false;
  return {
    name: 'newsmark-no-inner-html',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      seen = false;
    },
    transform(code, id) {
      if (!PREACT.test(id.split('?')[0])) return null;
      const found = code.match(SINK)?.length ?? 0;
      if (found !== 1) {
        this.error(`newsmark-no-inner-html: expected exactly one "x.innerHTML = y.__html" in ${id}, found ${found}; Preact changed: update this plugin`);
      }
      seen = true;
      return { code: code.replace(SINK, REPLACEMENT), map: null };
    },
    buildEnd(error) {
      // A page that renders with Preact must have passed through transform().
      if (!error && !seen) this.error('newsmark-no-inner-html: Preact was never bundled from node_modules/preact/dist; check the pattern');
    },
  };
}
