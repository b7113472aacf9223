import { html, nothing } from 'lit';
import type { Strings } from '../i18n/index.js';
import type { Place } from '../places/places-file.js';

/** At most this many municipalities of one name are offered ("Neustadt" has 18). */
const MAX_CHOICES = 6;

/** "Frankfurt": the municipalities of that name, to pick one (`others`: besides the one answered). */
export function placeChoices(places: Place[] | undefined, others: boolean, strings: Strings, choose: (place: Place) => void) {
  if (!places) return nothing;
  const more = places.length - MAX_CHOICES;
  return html`
    <div class="place-choices" role="group" aria-labelledby="place-choices-label">
      <span id="place-choices-label" class="place-choices__label">${others ? strings.placeOthersLabel : strings.placeChoicesLabel}</span>
      ${places.slice(0, MAX_CHOICES).map(
        (place) => html`<button type="button" @click=${() => choose(place)}>${strings.placeChoice(place.name, place.land.name)}</button>`,
      )}
      ${more > 0 ? html`<span class="place-choices__more">${strings.moreChoices(more)}</span>` : nothing}
    </div>
  `;
}
