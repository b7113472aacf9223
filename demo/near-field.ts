// The generator's "Eigene Gemeinde" field (`near`): as the web editor types, the municipalities of the
// official gazetteer that fit are offered (a <datalist>), each in the form `near` takes ("Heidelberg",
// "Neustadt, Hessen"), and a line below says what the map will open on. The gazetteer is the file next
// to the script, fetched when the field is first used.

import { fetchPlaceIndex } from '../src/places/fetch-places.js';
import { byImportance, placeKey, placeQuery, queryFor, type PlaceIndex } from '../src/places/place-index.js';
import type { Place } from '../src/places/places-file.js';

/** How many municipalities the list offers at once. */
export const MAX_SUGGESTIONS = 8;

export interface Suggestion {
  /** What goes into `near`: the shortest text that means exactly this municipality. */
  value: string;
  /** What the editor reads: official name, Land and AGS. */
  label: string;
}

/** Municipalities whose name starts with what was typed (any umlaut spelling), larger places first. */
export function nearSuggestions(index: PlaceIndex, typed: string, max = MAX_SUGGESTIONS): Suggestion[] {
  const key = placeKey(typed.split(',')[0] ?? '');
  if (key.length < 2) return [];
  const found: Place[] = [];
  for (const [name, places] of index.names()) if (name.startsWith(key)) found.push(...places);
  return [...new Set(found)]
    .sort((a, b) => Number(placeKey(b.name) === key) - Number(placeKey(a.name) === key) || byImportance(a, b))
    .slice(0, max)
    .map((place) => ({ value: queryFor(index, place), label: `${place.name} (${place.land.name}, AGS ${place.ags})` }));
}

/** What the map will do with `near`, in plain German for the line below the field; `ok` false for a value it cannot use. */
export function nearVerdict(index: PlaceIndex, value: string): { ok: boolean; text: string } {
  const text = value.trim();
  if (!text) return { ok: true, text: 'Leer lassen: Die Karte zeigt alle Mitglieder.' };
  const meant = placeQuery(index, text);
  if (meant.kind === 'place') {
    const { name, land, ags } = meant.place;
    return { ok: true, text: `Die Karte öffnet bei ${name} (${land.name}, AGS ${ags}) mit den nächsten Mitgliedern.` };
  }
  if (meant.kind === 'choices') {
    const examples = meant.places.slice(0, 2).map((place) => `„${queryFor(index, place)}“`);
    return { ok: false, text: `${meant.places.length} Gemeinden heißen „${text}“: bitte eine aus der Liste wählen, z. B. ${examples.join(' oder ')}.` };
  }
  return { ok: false, text: `„${text}“ ist keine Gemeinde in Deutschland. Bitte die Schreibweise prüfen oder den Namen aus der Liste wählen.` };
}

/**
 * Wires the field: suggestions into `list`, the verdict into `hint` (and aria-invalid on the field).
 * `placesUrl` is the gazetteer next to the script. Returns a function that stops it.
 */
export function wireNearField(field: HTMLInputElement, list: HTMLDataListElement, hint: HTMLElement, placesUrl: string): () => void {
  let index: Promise<PlaceIndex | undefined> | undefined;
  const load = () =>
    (index ??= fetchPlaceIndex(placesUrl).catch(() => {
      hint.textContent = 'Die Liste der Gemeinden konnte nicht geladen werden. Sie können den Namen trotzdem eintragen.';
      return undefined;
    }));
  let latest = 0;
  const update = async () => {
    const asked = ++latest;
    const places = await load();
    if (!places || asked !== latest) return;
    list.replaceChildren(
      ...nearSuggestions(places, field.value).map(({ value, label }) => {
        const option = document.createElement('option');
        option.value = value;
        option.label = label;
        option.textContent = label;
        return option;
      }),
    );
    const verdict = nearVerdict(places, field.value);
    hint.textContent = verdict.text;
    hint.classList.toggle('warning', !verdict.ok);
    if (verdict.ok) field.removeAttribute('aria-invalid');
    else field.setAttribute('aria-invalid', 'true');
  };
  const onFocus = () => void load();
  field.addEventListener('focus', onFocus);
  field.addEventListener('input', update);
  field.addEventListener('change', update);
  return () => {
    latest++;
    field.removeEventListener('focus', onFocus);
    field.removeEventListener('input', update);
    field.removeEventListener('change', update);
  };
}
