import { render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Member } from '../data/members.js';
import type { MemberSource } from '../data/member-source.js';
import { emit } from '../events.js';
import type { Strings } from '../i18n/index.js';
import type { Background } from '../map/background.js';
import type { MapFocus } from '../map/map-fitting.js';
import { MemberMapView } from '../map/member-map-view.js';
import { nextTask } from '../next-task.js';
import { partsLoaded } from './feature-controller.js';
import type { Land } from '../places/laender.js';
import type { Place } from '../places/places-file.js';
import { memberCard } from '../templates/member-card.js';

/** [south, west, north, east] of Germany, what the teaser shows without `region`. */
const GERMANY_BOUNDS: [number, number, number, number] = [47.27, 5.87, 55.06, 15.04];

/** What the map frames: the teaser its Land or Germany exactly; the full map the `region`'s Land, and a place searched for. */
export function mapFocus(still: boolean, land: Land | undefined, place: Place | undefined): MapFocus {
  if (still) return { bounds: land?.bounds ?? GERMANY_BOUNDS, exact: true };
  return { ...(place ? { place: { name: place.name, lat: place.lat, lng: place.lng } } : {}), ...(land ? { bounds: land.bounds } : {}) };
}

interface MapHost extends ReactiveControllerHost, HTMLElement {
  selected: string;
  center: string;
  zoom: number | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the element tells the map before each of its updates. */
export interface MapState {
  /** The element has started (it is near the viewport); the map is made in a task of its own then. */
  started: boolean;
  /** The teaser's still picture rather than the full map. */
  still: boolean;
  strings: Strings;
  background: Background;
  focus: MapFocus;
  /** The members to show, and whether they may be shown yet (not while they or `near` load). */
  members: Member[];
  membersDue: boolean;
  /** From the request until the members are on the map. */
  loading: boolean;
  picking: ((lat: number, lng: number) => void) | undefined;
}

/**
 * The Leaflet map inside the element: made when the element starts, given the members to show, the
 * background and the focus, opening the `selected` member's popup; `member-map-load` once the loaded
 * members are on it. Teardown (disconnect, or teaser ↔ full map) removes the map and its DOM.
 */
export class MapController implements ReactiveController {
  view?: MemberMapView;
  /** The members on the map once they are there (the status line counts them). */
  shown?: Member[];
  /** The loaded members that `member-map-load` was fired for. */
  announced?: Member[];
  private still = false;
  private pending = false;
  private handedOver?: Member[];
  private openedId = '';
  private focusOnOpen = false;

  constructor(
    private readonly host: MapHost,
    private readonly source: MemberSource,
    private readonly popupExtras: { strings: () => Strings; openContact: (event: Event) => void },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.requestUpdate(); // rebuilds the map after a re-append
  }

  hostDisconnected(): void {
    this.teardown();
    this.announced = undefined;
  }

  /** After each update of the element. */
  sync(state: MapState, selectedChanged: boolean, langChanged: boolean): void {
    if (this.view && this.still !== state.still) this.teardown(); // teaser and full map differ in markup
    if (state.started && !this.view && this.host.isConnected && !this.pending) {
      // The element's first render and the map's creation each take tens of milliseconds:
      // together they would block the page in one long task.
      this.pending = true;
      void nextTask().then(() => {
        this.pending = false;
        if (this.host.isConnected && !this.view) this.create(state);
      });
    }
    const view = this.view;
    if (!view) return;
    view.setBackground(state.background, !state.loading);
    view.setPicking(state.picking);
    if (langChanged) view.setStrings(state.strings);
    view.setFocus(state.focus);
    if (state.membersDue && state.members !== this.handedOver) void this.show(view, state.members, state.still);
    if (selectedChanged && this.host.selected !== this.openedId && !state.loading && !state.still) this.openSelected();
  }

  /** "Auf der Karte zeigen" in the list: the member's popup, with the focus in it. */
  showOnMap(id: string): void {
    this.focusOnOpen = true;
    this.host.selected = id;
  }

  refit(): void {
    this.view?.refit();
  }

  private create(state: MapState): void {
    const host = this.host.renderRoot.querySelector('.map')!.appendChild(document.createElement('div'));
    host.className = 'leaflet-host';
    this.still = state.still;
    this.view = new MemberMapView(host, {
      still: state.still,
      strings: state.strings,
      popupContent: (member) => this.popup(member),
      onOpen: (member) => {
        this.openedId = member.id;
        this.host.selected = member.id;
        emit(this.host, 'member-map-select', { id: member.id, member });
      },
      onClose: (member) => {
        if (this.openedId !== member.id) return;
        this.openedId = '';
        this.host.selected = '';
      },
      initialView: () => this.initialView(),
      // After consent, "Detailkarte ausblenden" sits in the bar's corner, smaller than the bar: it covers
      // nothing new, so consenting needs no refit, but the fits after it keep clear of it.
      overlays: () => [...this.host.renderRoot.querySelectorAll('.teaser-caption, .consent-prompt, .consent-withdraw')],
    });
    this.host.requestUpdate();
  }

  private async show(view: MemberMapView, members: Member[], still: boolean): Promise<void> {
    const loaded = this.source.members;
    this.handedOver = members;
    const completed = await view.setMembers(members);
    // The parts asked for meanwhile (the list, with `view="list"`) are part of what `member-map-load` announces.
    await partsLoaded(this.host);
    if (!completed || view !== this.view || members !== this.handedOver) return;
    this.shown = members;
    if (loaded.length > 0 && this.announced !== loaded) {
      this.announced = loaded;
      emit(this.host, 'member-map-load', {
        count: loaded.length,
        skipped: this.source.skipped.map(({ index, reason }) => ({ index, reason })),
      });
      if (this.host.selected && !still) this.openSelected();
    }
    this.host.requestUpdate();
    // The teaser's caption now counts the members, and may take a second line: fit above it.
    if (still) void this.host.updateComplete.then(() => this.view?.refit());
  }

  private openSelected(): void {
    const focus = this.focusOnOpen;
    this.focusOnOpen = false;
    if (!this.view?.open(this.host.selected, focus)) this.view?.closePopup();
  }

  private popup(member: Member): HTMLElement {
    const node = document.createElement('div');
    render(memberCard(member, this.popupExtras.strings(), this.popupExtras.openContact), node);
    return node;
  }

  private initialView(): { center?: [number, number]; zoom?: number } {
    const { center: text, zoom } = this.host;
    const [lat, lng] = text.split(',').map((part) => Number(part.trim()));
    const center: [number, number] | undefined = Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && text.includes(',') ? [lat, lng] : undefined;
    return { center, zoom: Number.isFinite(zoom) ? zoom : undefined };
  }

  /** Removes the map and what it added to the element. */
  private teardown(): void {
    this.view?.teardown();
    this.view = undefined;
    this.handedOver = this.shown = undefined;
    this.host.renderRoot.querySelector('.leaflet-host')?.remove();
  }
}
