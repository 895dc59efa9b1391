// Test helper: makes t() answer from public/_locales/en/messages.json the way
// browser.i18n.getMessage does (named placeholders whose content is $1..$9),
// so component tests assert the English a reader sees and catch missing keys.
import messages from '../../../public/_locales/en/messages.json' with { type: 'json' };
import { setMessageSource } from '../i18n.ts';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

export function getMessage(key: string, subs: string[] = []): string {
  const entry = (messages as Record<string, Entry>)[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
  });
}

export function useEnglishMessages(): void {
  setMessageSource(getMessage);
}
