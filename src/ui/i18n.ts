// t(): the one way UI code gets a user-visible string. Strings live in
// public/_locales/<lang>/messages.json; outside the extension (component tests)
// getMessage is missing and t() returns the key, unless a test installs one.
type GetMessage = (key: string, subs?: string[]) => string;

let override: GetMessage | null = null;

/** For tests: answer t() from a messages.json object instead of the browser. */
export function setMessageSource(get: GetMessage | null): void {
  override = get;
}

export function t(key: string, ...subs: (string | number)[]): string {
  const g = globalThis as any;
  const i18n = g.browser?.i18n ?? g.chrome?.i18n;
  const s = subs.map(String);
  const args = s.length ? s : undefined;
  const msg = override ? override(key, args) : i18n?.getMessage ? i18n.getMessage(key, args) : '';
  return msg || key;
}
