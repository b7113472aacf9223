import { de } from './de.js';
import { en } from './en.js';
import type { Language, Strings } from './strings.js';

export type { Language, Strings };

const dictionaries: Record<Language, Strings> = { de, en };

/** Maps a BCP 47 tag such as `en-GB` or `de-AT` to a supported language; German is the default. */
export function languageOf(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().toLowerCase().split('-')[0];
  return primary === 'en' ? 'en' : 'de';
}

export function stringsFor(language: Language): Strings {
  return dictionaries[language];
}
