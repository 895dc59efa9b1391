// Tells the content script when the page moved to a new URL without a load
// (history.pushState/replaceState in single-page sites). The content script
// runs in an isolated world, so patching the page's history methods would not
// see the page's own calls: we listen to the Navigation API where it exists,
// popstate, and poll location cheaply as the fallback. Hash-only changes are
// not a new page.

export function watchNavigation(win: Window, onNewUrl: (url: string, previous: string) => void, pollMs = 500): () => void {
  const strip = (href: string) => href.replace(/#.*$/, '');
  let current = strip(win.location.href);
  const check = () => {
    const now = strip(win.location.href);
    if (now === current) return;
    const prev = current;
    current = now;
    try {
      onNewUrl(win.location.href, prev);
    } catch {
      // never into the page console
    }
  };
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', check);
  nav?.addEventListener('currententrychange', check);
  win.addEventListener('popstate', check);
  const timer = setInterval(check, pollMs);
  return () => {
    nav?.removeEventListener('navigatesuccess', check);
    nav?.removeEventListener('currententrychange', check);
    win.removeEventListener('popstate', check);
    clearInterval(timer);
  };
}
