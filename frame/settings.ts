// The settings of frame.html, read from its address (`frame.html?src=…&near=…`): exactly the public
// attributes of <member-map> that the WordPress shortcode lets an author set, each checked as the
// shortcode checks it (wordpress/includes/render.php). Everything else is left out: above all the
// addresses of servers the map talks to (tile-url, basemap-url, places-url) and `consent`, which are
// never a link's to decide; the files the map needs are found next to the page.
//
// Pure: no DOM, no console. frame.ts sets the attributes with setAttribute and prints the refusals.

import { normaliseEmail } from '../src/links.js';
import { landOf } from '../src/regions.js';

/** The query parameters frame.html takes, each the <member-map> attribute of the same name. */
export const FRAME_SETTINGS = [
  'src',
  'region',
  'near',
  'nearest',
  'lang',
  'view',
  'selected',
  'teaser',
  'href',
  'tiles',
  'contact-email',
  'contact-name',
  'contact-subject',
  'consent-storage',
] as const;

export type FrameSetting = (typeof FRAME_SETTINGS)[number];

export interface FrameSettings {
  /** Attribute name and value, in FRAME_SETTINGS order; `teaser` has the value ''. */
  attributes: [FrameSetting, string][];
  /** One sentence per parameter that was left out, naming it and why. */
  refused: string[];
}

const MAX_LENGTH = 200;
const MAX_ADDRESS_LENGTH = 2000;

/** Text with no markup and no control characters: a name, a subject, an id, a place. */
const isPlainText = (value: string): boolean => value.length <= MAX_LENGTH && !/[<>\p{Cc}]/u.test(value);

/** http(s), or an address relative to frame.html (which then resolves to http(s)). */
function isWebAddress(value: string, base: string): boolean {
  if (value.length > MAX_ADDRESS_LENGTH || /\p{Cc}/u.test(value)) return false;
  try {
    const { protocol } = new URL(value, base);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * An address on frame.html's own server. A member file from elsewhere would be fetched before the
 * visitor agrees to anything, and would show another site's data (contacts included) under this
 * site's address: the site that hosts frame.html decides which member files it shows.
 */
function isOwnAddress(value: string, base: string): boolean {
  return isWebAddress(value, base) && new URL(value, base).origin === new URL(base).origin;
}

const TRUE = ['', '1', 'true', 'yes', 'on', 'teaser'];
const FALSE = ['0', 'false', 'no', 'off'];

/** What a parameter's value comes to: the value to set, or why it does not fit. */
type Checked = { value: string } | { reason: string };
const fits = (ok: boolean, value: string, reason: string): Checked => (ok ? { value } : { reason });

/** `null` leaves the parameter out quietly: empty, or `teaser` switched off. */
function check(name: FrameSetting, raw: string, base: string): Checked | null {
  const value = raw.trim();
  if (name === 'teaser') {
    const word = value.toLowerCase();
    if (FALSE.includes(word)) return null;
    return fits(TRUE.includes(word), '', 'teaser takes no value, or 1/true/yes/on');
  }
  if (value === '') return null;
  const lower = value.toLowerCase();
  switch (name) {
    case 'src':
      return fits(isOwnAddress(value, base), value, 'not an address on the server of frame.html (relative, such as members.geojson, or absolute on the same origin)');
    case 'href':
      return fits(isWebAddress(value, base), value, 'not an http(s) address or one relative to frame.html');
    case 'lang':
      return fits(lower === 'de' || lower === 'en', lower, 'de or en');
    case 'view':
      return fits(lower === 'map' || lower === 'list', lower, 'map or list');
    case 'tiles':
      return fits(lower === 'consent' || lower === 'off', lower, lower === 'on' ? 'tiles at once are not for a link to choose: consent (the default) or off' : 'consent or off');
    case 'consent-storage':
      return fits(lower === 'local', lower, 'local');
    case 'nearest':
      return fits(/^\d{1,3}$/.test(value) && Number(value) > 0, String(Number(value)), 'a whole number from 1 to 999');
    case 'contact-email':
      return fits(isPlainText(value) && normaliseEmail(value) !== undefined, value, 'not an email address');
    case 'region':
      return fits(isPlainText(value) && landOf(value) !== undefined, value, 'not a Bundesland (its name or ISO code, such as DE-BW)');
    case 'near':
      // A municipality's name, "Name, Land", or its 8-digit AGS.
      return fits(value.length <= 100 && /^[\p{L}\p{M}\p{N} .,'’()/-]+$/u.test(value), value, 'not the name or AGS of a municipality');
    case 'selected':
    case 'contact-name':
    case 'contact-subject':
      return fits(isPlainText(value), value, 'text without markup, at most 200 characters');
  }
}

/** A parameter's value as it may appear in a console message: quoted, at most 60 characters. */
const quoted = (value: string): string => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

/**
 * Reads frame.html's query string. `base` is the page's address: relative `src` and `href` resolve
 * against it, as the element resolves them.
 */
export function frameSettings(query: string, base: string): FrameSettings {
  const params = new URLSearchParams(query);
  const values = new Map<string, string[]>();
  for (const [name, value] of params) values.set(name, [...(values.get(name) ?? []), value]);

  const attributes: [FrameSetting, string][] = [];
  const refused: string[] = [];
  for (const [name, given] of values) {
    if (!(FRAME_SETTINGS as readonly string[]).includes(name)) {
      refused.push(`${quoted(name)} left out: not a setting of frame.html (it takes ${FRAME_SETTINGS.join(', ')})`);
    } else if (given.length > 1) {
      refused.push(`${quoted(name)} left out: given ${given.length} times`);
    }
  }
  for (const name of FRAME_SETTINGS) {
    const given = values.get(name);
    if (given?.length !== 1) continue;
    const checked = check(name, given[0]!, base);
    if (!checked) continue;
    if ('value' in checked) attributes.push([name, checked.value]);
    else refused.push(`${name}=${quoted(given[0]!)} left out: ${checked.reason}`);
  }
  return { attributes, refused };
}
