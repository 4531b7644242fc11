// Findings carry their message in both languages; the display language picks one.
import type { Finding, Fix, Lang } from './model';

export function formatMessage(f: Pick<Finding, 'message'>, lang: Lang): string {
  return f.message[lang] ?? f.message.en;
}

export function fixTitle(fix: Fix, lang: Lang): string {
  return fix.title[lang] ?? fix.title.en;
}

/**
 * The display language of a locale: zh for Chinese (zh, zh-cn, zh-TW, zh_CN.UTF-8 …), en for any
 * other (zha, Zhuang, is not Chinese). The one choice for the CLI (LANG) and the server (VS Code's).
 */
export function langOf(locale: string | undefined): Lang {
  return locale && /^zh(?![a-z])/i.test(locale) ? 'zh' : 'en';
}
