import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Member } from '../data/members.js';
import type { NearView } from '../features/near.js';
import type { PlaceSearch, SearchAnswer } from '../features/place-search.js';
import type { Strings } from '../i18n/index.js';
import type { Place } from '../places/places-file.js';
import { membersInRegion } from '../regions.js';
import { FeatureController } from './feature-controller.js';

const SEARCH_DELAY_MS = 150;

interface SearchHost extends ReactiveControllerHost, HTMLElement {
  region: string;
  near: string;
  nearest: number;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Which members are shown: the region's, or a search's answer (member fields or a municipality's
 * nearest members), or `near`'s. The search itself is loaded on the first search typed, or at once
 * with `near`; a search typed while it loads is answered when it arrives.
 */
export class SearchController implements ReactiveController {
  /** The search text in effect (the field's text after a typing pause). */
  query = '';
  /** The members shown: the same array as long as the answer lists the same members. */
  found: Member[] = [];
  /** The answer shown (a pending one is not: the search or the places are on their way). */
  answer: SearchAnswer = { members: [] };
  /** The answer that is due is not there yet. */
  pending = false;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly feature: FeatureController<'search'>;
  private engine?: { places: PlaceSearch; near: NearView };

  constructor(
    private readonly host: SearchHost,
    private readonly placesUrl: () => string,
  ) {
    host.addController(this);
    this.feature = new FeatureController(host, 'search');
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Before each render: the answer for the members, the query and `near` (`still`: the teaser, which has no search). */
  update(loaded: Member[], strings: Strings, still: boolean): void {
    const { host } = this;
    const nearest = Number.isInteger(host.nearest) && host.nearest > 0 ? host.nearest : 5;
    const members = membersInRegion(loaded, host.region);
    const query = this.query.trim();
    const wantsNear = !query && !still && host.near.trim() !== '';
    let answer: SearchAnswer = { members };
    if (query || wantsNear) {
      const engine = this.searchEngine();
      // `near` answers while the visitor has not typed a search of their own.
      const near = engine && wantsNear ? engine.near.answer(host.near, engine.places, members, nearest, strings) : undefined;
      if (!engine || near?.pending) answer = { members: [], pending: true };
      else answer = near ? near.answer : engine.places.answer(members, this.query, nearest);
    }
    this.pending = Boolean(answer.pending);
    if (!answer.pending) this.answer = answer;
    const found = this.answer.members;
    if (found.length !== this.found.length || found.some((member, i) => member !== this.found[i])) this.found = found;
  }

  /** `near` waits for the search and the places file (a visitor's search waits with the old answer shown). */
  get nearPending(): boolean {
    return this.pending && !this.query.trim();
  }

  /** The answer shown is `near`'s: a municipality without a search typed. */
  get nearShown(): boolean {
    return Boolean(this.answer.place) && !this.query.trim();
  }

  /** The field's input: searched after a typing pause. */
  readonly search = (query: string) => {
    clearTimeout(this.timer);
    void this.feature.load(); // loading starts with the first key, not after the pause
    this.timer = setTimeout(() => {
      this.query = query;
      this.host.requestUpdate();
    }, SEARCH_DELAY_MS);
  };

  /** What the status line says about the search, or undefined when no search or `near` is shown. */
  status(strings: Strings): string | undefined {
    if (!this.query.trim() && !this.answer.place) return undefined;
    const search = this.feature.get();
    return search ? search.searchStatus(strings, this.query, this.pending ? undefined : this.answer) : strings.searchingPlace;
  }

  /** Under the toolbar: `near`'s bar, or the municipalities of one name to choose from. */
  renderBar(strings: Strings) {
    if (!this.query.trim() && !this.host.near.trim()) return nothing; // (and no need to load the search)
    const search = this.feature.get();
    if (!search) return this.feature.renderFailure(strings);
    return this.nearShown
      ? search.nearBar(strings.nearby(this.answer.members.length, this.answer.place!.name), strings, this.showAll)
      : search.placeChoices(this.answer.choices, Boolean(this.answer.place), strings, this.choosePlace);
  }

  private searchEngine() {
    const search = this.feature.get();
    if (search && !this.engine) {
      this.engine = { places: new search.PlaceSearch(this.placesUrl, () => this.host.requestUpdate()), near: new search.NearView() };
    }
    return this.engine;
  }

  /** A municipality picked among several of one name: its search text goes into the field. */
  private readonly choosePlace = async (place: Place) => {
    clearTimeout(this.timer);
    this.query = this.engine!.places.queryFor(place);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.focusSearch();
  };

  /** "Alle Mitglieder zeigen": `near` set aside; the focus goes to the search, since the button is gone. */
  private readonly showAll = async () => {
    this.engine!.near.dismiss(this.host.near);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.focusSearch();
  };

  private focusSearch(): void {
    this.host.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  }
}
