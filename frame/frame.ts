// frame.html: the member map as a page of its own, for an <iframe>. The settings come from the page's
// address (settings.ts); the element itself comes from member-map.iife.js next to this page, which
// the page loads before this script.

import { frameSettings } from './settings.js';
import { reportHeights } from './height.js';

const TITLES = {
  de: 'Mitgliederkarte – Netzwerk Bürgerbeteiligung',
  en: 'Member map – Netzwerk Bürgerbeteiligung',
};

const { attributes, refused } = frameSettings(location.search, location.href);
for (const reason of refused) console.warn(`member-map frame.html: ${reason}`);

const lang = attributes.find(([name]) => name === 'lang')?.[1] === 'en' ? 'en' : 'de';
document.documentElement.lang = lang;
document.title = TITLES[lang];

if (!customElements.get('member-map')) {
  // member-map.iife.js did not load: say so where the map would be, for whoever uploaded the folder.
  const missing = document.createElement('p');
  missing.className = 'frame-noscript';
  missing.textContent = lang === 'en' ? 'The member map could not be loaded.' : 'Die Mitgliederkarte konnte nicht geladen werden.';
  document.body.append(missing);
  console.error('member-map frame.html: member-map.iife.js did not load; it belongs in the folder of frame.html.');
}

const map = document.createElement('member-map');
// Checked values only, each set as an attribute: nothing from the address becomes markup.
for (const [name, value] of attributes) map.setAttribute(name, value);
document.body.append(map);
reportHeights(map, map.hasAttribute('teaser') && map.hasAttribute('href'));
