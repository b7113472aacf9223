import { de } from './de.js';
import { en } from './en.js';
import type { Lang, Messages } from './messages.js';

export type { Lang, Messages } from './messages.js';

export const LANGS: readonly Lang[] = ['de', 'en'];

export const messagesFor = (lang: Lang): Messages => (lang === 'en' ? en : de);
