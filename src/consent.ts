// Which tile server a visitor agreed to, remembered only when the page opts in
// (`consent-storage="local"`). Keyed by tile host: agreeing to one server says nothing about another.

const KEY_PREFIX = 'member-map:tile-consent:';

/** The host a tile URL template points at, e.g. `tile.openstreetmap.org`. */
export function tileHost(tileUrl: string): string {
  try {
    return new URL(tileUrl.replace(/\{[^}]*\}/g, 'x'), document.baseURI).host;
  } catch {
    return tileUrl;
  }
}

export function storedConsent(host: string): boolean {
  try {
    return localStorage.getItem(KEY_PREFIX + host) === 'granted';
  } catch {
    return false; // storage blocked (privacy settings, sandboxed iframe)
  }
}

export function storeConsent(host: string, granted: boolean): void {
  try {
    if (granted) localStorage.setItem(KEY_PREFIX + host, 'granted');
    else localStorage.removeItem(KEY_PREFIX + host);
  } catch {
    // Not remembering is the safe failure.
  }
}

/** Reads the `consent` attribute: `granted` (or `true`) grants, anything else does not. */
export function consentFromAttribute(value: string | null): boolean {
  return value === 'granted' || value === 'true' || value === '';
}
