import L from './leaflet.js';
import type { LatLngTuple, Map as LeafletMap } from 'leaflet';
import type { Member } from '../data/members.js';
import { overlayInsets, type Insets } from './overlay-insets.js';

/** What the map fits besides the members: a searched place (marked) and a Land's bounds. */
export interface MapFocus {
  place?: { name: string; lat: number; lng: number };
  /** [south, west, north, east] */
  bounds?: [number, number, number, number];
  /** Fit `bounds` alone, whatever the members (the teaser always shows all of Germany or its Land). */
  exact?: boolean;
}

export const MIN_ZOOM = 4;
/** How far a map too small for Germany at MIN_ZOOM (a full map in a tiny box) may zoom out to fit the members. */
export const LOWEST_ZOOM = 2;
const FIT_PADDING = 28;
/** Where a short map cannot fit the members with FIT_PADDING at its lowest zoom: half a marker. */
const TIGHT_FIT_PADDING = 14;
/** The teaser has no markers to click at the edge: it may use nearly all of its small box. */
const STILL_PADDING = 6;
const SINGLE_MEMBER_ZOOM = 11;
/** The zoom for a `center` given without `zoom`: a municipality and its surroundings. */
const CENTERED_ZOOM = 9;

export interface MapFittingOptions {
  still: boolean;
  /** The page's `center`/`zoom`, used instead of fitting the first time members are shown. */
  initialView: () => { center?: LatLngTuple; zoom?: number };
  /** The element's own controls over the map (consent bar or "Detailkarte ausblenden", teaser caption). */
  overlays: () => Element[];
  /** Leaflet's controls over the map (zoom buttons, credit line), where there are. */
  controls: () => (HTMLElement | undefined)[];
  /** The lowest zoom the clusters were built for (markercluster builds them down to it when the members are added). */
  clustersLowestZoom: () => number | undefined;
  /** Tells the background how far out the view may go now. */
  setLowestZoom: (zoom: number) => void;
  /** The map has no size: have the next size it gets reported, even one equal to a size reported before. */
  awaitSize: () => void;
}

/**
 * Fitting the members (and the place or Land in focus) into the map, clear of what covers it: at each
 * change of members or focus, and at a change of size while the visitor has not moved the map since
 * (a tab opened, a bar appeared above it, the consent bar folded).
 */
export class MapFitting {
  members: Member[] = [];
  focus: MapFocus = {};
  /** Set while the members have not been fitted into a container of real size (e.g. hidden tab). */
  private pending = false;
  private fittedOnce = false;
  /** The view the last fit chose: while the map still shows it, a change of size fits again. */
  private fittedView?: { center: L.LatLng; zoom: number };

  constructor(
    private readonly map: LeafletMap,
    private readonly options: MapFittingOptions,
  ) {}

  /** The container's size changed (ResizeObserver). */
  resized(): void {
    const fitted = this.fittedView;
    // Read before Leaflet takes the new size: the view as the visitor sees it.
    const untouched = fitted !== undefined && this.map.getZoom() === fitted.zoom && this.map.getCenter().equals(fitted.center);
    this.map.invalidateSize({ pan: false });
    // The teaser is a picture of its area: fitted again whenever its box changes.
    if (this.pending || this.options.still || untouched) this.fit();
  }

  fit(): void {
    // Leaflet keeps the size it measured last, and the ResizeObserver reports a change (a tab closed
    // while the members loaded) only at the next frame: measure now instead of fitting a stale size.
    this.map.invalidateSize({ pan: false });
    const size = this.map.getSize();
    const wasPending = this.pending;
    this.pending = size.x === 0 || size.y === 0;
    // A tab closed and reopened with no frame between is never reported as size 0, so its reopening
    // would not be reported either: the observer has to start again from 0 × 0.
    if (this.pending && !wasPending) this.options.awaitSize();
    const area = this.area();
    if (this.pending || !area) return;
    const initial = this.fittedOnce ? {} : this.options.initialView();
    this.fittedOnce = true;
    this.fittedView = undefined;
    if (initial.center) {
      // The page's own view: kept as it is when the map changes size.
      this.map.setView(initial.center, initial.zoom ?? CENTERED_ZOOM, { animate: false });
      return;
    }
    this.placeView(area, initial.zoom);
    this.fittedView = { center: this.map.getCenter(), zoom: this.map.getZoom() };
  }

  /**
   * What the controls on the map cover, measured now (the consent bar folds on narrow maps, and after
   * consent gives way to the smaller "Detailkarte ausblenden"): the element's own overlays, the zoom
   * buttons and the credit line.
   */
  covered(): Insets {
    const boxes = [...this.options.overlays(), ...this.options.controls()]
      .filter((element): element is Element => element instanceof Element && element.isConnected)
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0);
    return overlayInsets(this.map.getContainer().getBoundingClientRect(), boxes);
  }

  /** Puts the members (and the place or Land in focus) in view, clear of what covers the map. */
  private placeView(area: L.LatLngBounds, zoom?: number): void {
    // One member (or only a place) has no extent to fit; many members at one point fit to the highest zoom.
    if (area.getSouthWest().equals(area.getNorthEast()) && this.members.length <= 1 && !this.focus.exact) {
      this.map.setView(area.getCenter(), zoom ?? SINGLE_MEMBER_ZOOM, { animate: false });
      return;
    }
    const { top, right, bottom, left } = this.covered();
    const { still } = this.options;
    const usual = still ? MIN_ZOOM - 2 : MIN_ZOOM;
    const zoomFor = (padding: number) => this.boundsZoom(area, L.point(left + right + 2 * padding, top + bottom + 2 * padding));
    const padding = still ? STILL_PADDING : zoomFor(FIT_PADDING) > usual ? FIT_PADDING : TIGHT_FIT_PADDING;
    // A map too small for the members at the usual lowest zoom (a full map in a tiny box) may zoom out
    // as far as they need; never below the levels the clusters were built for (which is why this fit
    // comes before the members are added).
    const built = this.options.clustersLowestZoom() ?? LOWEST_ZOOM;
    this.options.setLowestZoom(Math.max(built, Math.min(usual, zoomFor(padding))));
    this.map.fitBounds(area, {
      paddingTopLeft: [padding + left, padding + top],
      paddingBottomRight: [padding + right, padding + bottom],
      animate: false,
    });
    if (zoom !== undefined) this.map.setZoom(zoom, { animate: false });
  }

  /**
   * The zoom that fits `area` with `padding`, from zoom LOWEST_ZOOM up (getBoundsZoom stops at the map's
   * lowest zoom); -Infinity where the padding leaves no room at all (getBoundsZoom would say the highest).
   */
  private boundsZoom(area: L.LatLngBounds, padding: L.Point): number {
    const room = this.map.getSize().subtract(padding);
    if (room.x <= 0 || room.y <= 0) return -Infinity;
    const lowest = this.map.options.minZoom;
    this.map.options.minZoom = LOWEST_ZOOM;
    const zoom = this.map.getBoundsZoom(area, false, padding);
    this.map.options.minZoom = lowest;
    return zoom;
  }

  /** The members, the searched place and the Land in focus; undefined when there is nothing to fit. */
  private area(): L.LatLngBounds | undefined {
    const { place, bounds, exact } = this.focus;
    const area = this.members.length > 0 && !(exact && bounds) ? boundsOf(this.members) : undefined;
    const extra = [
      ...(place ? [L.latLngBounds([place.lat, place.lng], [place.lat, place.lng])] : []),
      ...(bounds ? [L.latLngBounds([bounds[0], bounds[1]], [bounds[2], bounds[3]])] : []),
    ];
    return extra.reduce((all, more) => (all ? all.extend(more) : more), area);
  }
}

/** The members' bounding box, without a LatLng object per member (10,000 of them cost 20 ms). */
function boundsOf(members: Member[]): L.LatLngBounds {
  let [south, west, north, east] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { lat, lng } of members) {
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    west = Math.min(west, lng);
    east = Math.max(east, lng);
  }
  return L.latLngBounds([south, west], [north, east]);
}
