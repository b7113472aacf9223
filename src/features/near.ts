import type { Member } from '../data/members.js';
import type { Strings } from '../i18n/index.js';
import type { PlaceSearch, SearchAnswer } from './place-search.js';

/** What `near` shows: its answer, or that it waits for the places file. */
export type NearAnswer = { pending: true } | { pending: false; answer: SearchAnswer };

/**
 * `near`: a municipality (name, "Name, Land" or 8-digit AGS) that the map opens on with its nearest
 * members, the same answer a visitor's search for it gives, while the search field stays empty.
 * A value that is not one municipality shows the whole map, with one console warning per value;
 * "Alle Mitglieder zeigen" sets it aside until `near` changes.
 */
export class NearView {
  private dismissedFor?: string;
  private warnedFor?: string;

  /** Undefined where `near` does not apply: unset, set aside, or no single municipality. */
  answer(near: string, search: PlaceSearch, members: Member[], count: number, strings: Strings): NearAnswer | undefined {
    const value = near.trim();
    if (!value || value === this.dismissedFor) return undefined;
    const answer = search.answer(members, value, count);
    if (answer.pending) return { pending: true };
    // An empty member list has no answer yet; the municipality is known only with the members.
    if (answer.place && answer.nearby) return { pending: false, answer: { members: answer.members, place: answer.place, nearby: answer.nearby } };
    if (members.length > 0 && this.warnedFor !== value) {
      this.warnedFor = value;
      const options = answer.choices?.map((place) => search.queryFor(place));
      console.warn(`<member-map>: ${options ? strings.nearAmbiguous(value, options) : strings.nearUnknown(value)}`);
    }
    return undefined;
  }

  /** "Alle Mitglieder zeigen": the whole map, until `near` names another municipality. */
  dismiss(near: string): void {
    this.dismissedFor = near.trim();
  }
}
