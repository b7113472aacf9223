// The search (by member and by municipality) and `near`: loaded on the first search, or at once with
// `near` (src/features/load.ts).
export { NearView } from './near.js';
export { PlaceSearch, searchStatus } from './place-search.js';
export { nearBar } from '../templates/near-bar.js';
export { placeChoices } from '../templates/place-choices.js';
/** Also the look of the near bar. */
export { placeChoicesStyles as styles } from '../templates/place-choices.styles.js';
