// Links to saved pages come from storage, which an imported file can fill:
// only http(s) addresses become links, so a "javascript:" URL can never run.
export function safeHref(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}
