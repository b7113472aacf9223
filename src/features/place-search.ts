import type { Member } from '../data/members.js';
import { fetchPlaceIndex } from '../places/fetch-places.js';
import { nearestMembers, type NearbyMember } from '../places/nearest.js';
import { placeQuery, queryFor, type PlaceIndex } from '../places/place-index.js';
import type { Place } from '../places/places-file.js';
import type { Strings } from '../i18n/index.js';
import { searchMembers } from '../search.js';

/** What a search query shows: members, and when the query names a municipality, its nearest members. */
export interface SearchAnswer {
  members: Member[];
  /** The query names this municipality: `members` are its nearest, `nearby` says how far. */
  place?: Place;
  nearby?: NearbyMember[];
  /**
   * Several municipalities have this name: the visitor picks one (`members` are the text matches, or
   * with `place`, the others besides the kreisfreie Stadt of that name).
   */
  choices?: Place[];
  /** The places file is still on its way: the answer may change. */
  pending?: boolean;
  /** The query is neither found in the members nor a municipality (known only once the places are in). */
  noPlace?: boolean;
}

/**
 * The search box's answers: a municipality's name gives the members nearest to it (from the official
 * gazetteer, fetched on the first search and never before), anything else the members whose own
 * fields match. Nothing is sent anywhere: the gazetteer is a file next to the script.
 */
export class PlaceSearch {
  private index?: PlaceIndex | null;
  private requested = '';
  private last?: { members: Member[]; query: string; count: number; index?: PlaceIndex | null; answer: SearchAnswer };

  /** `placesUrl` is read at each search (the attribute may change); `changed` asks for a new answer. */
  constructor(
    private readonly placesUrl: () => string,
    private readonly changed: () => void,
  ) {}

  /** The search text that means exactly `place` (its name, else with its Land, else its AGS). */
  queryFor(place: Place): string {
    return this.index ? queryFor(this.index, place) : place.name;
  }

  answer(members: Member[], query: string, count: number): SearchAnswer {
    const last = this.last;
    if (last && last.members === members && last.query === query && last.count === count && last.index === this.index) return last.answer;
    const answer = this.compute(members, query, count);
    this.last = { members, query, count, index: this.index, answer };
    return answer;
  }

  private compute(members: Member[], query: string, count: number): SearchAnswer {
    if (!query.trim()) return { members };
    const text = searchMembers(members, query);
    const index = this.load();
    if (index === undefined) return { members: text, pending: true };
    const meant = index ? placeQuery(index, query) : ({ kind: 'none' } as const);
    if (meant.kind === 'place') {
      const nearby = nearestMembers(members, meant.place, count);
      const others = meant.others?.length ? { choices: meant.others } : {};
      return { members: nearby.map((item) => item.member), place: meant.place, nearby, ...others };
    }
    if (meant.kind === 'choices') return { members: text, choices: meant.places };
    return { members: text, noPlace: index !== null && text.length === 0 };
  }

  /** The index; undefined while it loads, null when it could not be had. */
  private load(): PlaceIndex | null | undefined {
    const url = this.placesUrl();
    if (this.requested !== url) {
      this.requested = url;
      this.index = undefined;
      fetchPlaceIndex(url).then(
        (index) => this.settle(url, index),
        (error: unknown) => {
          console.warn(`<member-map>: the places file ${url} could not be loaded; the search looks in the members' own fields only:`, error);
          this.settle(url, null);
        },
      );
    }
    return this.index;
  }

  private settle(url: string, index: PlaceIndex | null): void {
    if (this.requested !== url) return;
    this.index = index;
    this.changed();
  }
}

/** What the status line says about a search: `answer` is undefined while the places file loads. */
export function searchStatus(strings: Strings, query: string, answer: SearchAnswer | undefined): string {
  if (!answer) return strings.searchingPlace;
  const { members, place, choices, noPlace } = answer;
  const text = query.trim();
  if (place) return strings.nearby(members.length, place.name);
  if (choices) return `${strings.placeChoices(choices.length, text)} ${strings.found(members.length)}`;
  return noPlace ? strings.noPlace(text) : strings.found(members.length);
}
