// Leaflet writes attributions with innerHTML. This is the one place where text from an attribute
// becomes HTML: it is escaped first, and only our own link to the OpenStreetMap copyright page
// is added.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

export function attributionHtml(text: string): string {
  return escapeHtml(text).replace(
    'OpenStreetMap',
    '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">OpenStreetMap</a>',
  );
}

/**
 * Leaflet's own credit (its `prefix`), opening in a new tab like every other credit: without a target,
 * a click inside an iframe would load leafletjs.com into the frame.
 */
export function inNewTab(credit: string): string {
  return credit.replace(/<a /g, '<a target="_blank" rel="noopener noreferrer" ');
}
