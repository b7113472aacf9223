// The data command's gazetteer: the committed places file, bundled into the command.
import placesFile from '../../data/gazetteer/member-map-places.json' with { type: 'json' };
import { createGazetteer, type Gazetteer } from '../import/gazetteer.js';
import { decodePlaces } from '../places/places-file.js';

let shared: Gazetteer | undefined;

/** The gazetteer over every German municipality, built on first use. */
export function loadGazetteer(): Gazetteer {
  shared ??= createGazetteer(decodePlaces(placesFile));
  return shared;
}

/** The places file's own source note. */
export const PLACES_ATTRIBUTION = placesFile.attribution;
