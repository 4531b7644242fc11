// Findings carry their message in both languages; the display language picks one.
import type { Finding, Fix, Lang } from './model';

export function formatMessage(f: Pick<Finding, 'message'>, lang: Lang): string {
  return f.message[lang] ?? f.message.en;
}

export function fixTitle(fix: Fix, lang: Lang): string {
  return fix.title[lang] ?? fix.title.en;
}

/** zh for a Chinese locale (zh, zh-cn, zh-tw …), en otherwise. */
export function langOf(locale: string | undefined): Lang {
  return locale && /^zh/i.test(locale) ? 'zh' : 'en';
}
