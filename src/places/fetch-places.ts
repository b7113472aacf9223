// The places file is fetched on the first search that needs it, once per URL and page.
import { PlaceIndex } from './place-index.js';
import { decodePlaces } from './places-file.js';
import { besideScript } from '../script-url.js';

export const DEFAULT_PLACES_URL = besideScript('member-map-places.json');

const indexes = new Map<string, Promise<PlaceIndex>>();

/** The place index from `url`, shared by every element of the page (a failure too: the search then keeps to the members' own fields). */
export function fetchPlaceIndex(url: string): Promise<PlaceIndex> {
  let index = indexes.get(url);
  if (!index) {
    index = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then((file: unknown) => new PlaceIndex(decodePlaces(file)));
    indexes.set(url, index);
  }
  return index;
}
