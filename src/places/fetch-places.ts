// The places file is fetched on the first search that needs it, once per URL and page.
import { PlaceIndex } from './place-index.js';
import { decodePlaces } from './places-file.js';
import { besideScript } from '../script-url.js';

export const DEFAULT_PLACES_URL = besideScript('member-map-places.json');

const indexes = new Map<string, Promise<PlaceIndex>>();

/** Long enough for a slow line, short enough that a stalled request does not hold the search up. */
const TIMEOUT_MS = 15_000;

/** The place index from `url`, shared by every element of the page; after a failure the next search tries again. */
export function fetchPlaceIndex(url: string): Promise<PlaceIndex> {
  let index = indexes.get(url);
  if (!index) {
    index = fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then((file: unknown) => new PlaceIndex(decodePlaces(file)));
    indexes.set(url, index);
    index.catch(() => indexes.delete(url));
  }
  return index;
}
