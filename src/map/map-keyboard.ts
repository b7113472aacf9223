import type { LeafletEvent, Map as LeafletMap, Marker, MarkerCluster } from 'leaflet';
import type { Insets } from './overlay-insets.js';

/** Room kept between a focused marker and the edge of the map when panning to it (px). */
const FOCUS_MARGIN = 12;
/** Longer than markercluster's zoom and spiderfy animations. */
const EXPAND_SETTLE_MS = 700;

export interface MapKeyboardOptions {
  /** The marker as shown now: itself, or the cluster it is hidden in. */
  shownFor: (marker: Marker) => Marker | MarkerCluster;
  /** What covers the map (consent bar, zoom buttons, credit line), measured now. */
  covered: () => Insets;
  /** With `picking`: Enter on the map reports its centre. */
  onPick: () => ((lat: number, lng: number) => void) | undefined;
  reducedMotion: boolean;
}

/**
 * The map's keyboard beyond Leaflet's own: Escape closes the popup or folds spread-out members back,
 * Enter on a cluster moves the focus on to its first member once it has expanded, Enter on the map
 * picks its centre (with `picking`), and a focused marker is panned into view clear of what covers
 * the map. `teardown()` removes what the constructor added.
 */
export class MapKeyboard {
  /** After Enter on a cluster: the member whose marker (or sub-cluster) gets the focus next. */
  private focusAfterExpand?: Marker;
  /** The cluster whose members are spread out around it (markercluster's spiderfy), if any. */
  spiderfied?: MarkerCluster;
  private settleTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly map: LeafletMap,
    private readonly options: MapKeyboardOptions,
  ) {
    const container = map.getContainer();
    container.addEventListener('keydown', this.handleKeydown);
    container.addEventListener('focusin', this.keepFocusInView);
  }

  teardown(): void {
    const container = this.map.getContainer();
    container.removeEventListener('keydown', this.handleKeydown);
    container.removeEventListener('focusin', this.keepFocusInView);
    clearTimeout(this.settleTimer);
  }

  /**
   * Enter on a cluster: markercluster zooms in or spiderfies, then puts the focus on the map
   * container. Move it on to the cluster's first member once the map has settled instead.
   */
  readonly handleClusterEnter = (event: LeafletEvent) => {
    const { layer, originalEvent } = event as LeafletEvent & { layer: MarkerCluster; originalEvent?: KeyboardEvent };
    if (originalEvent?.key !== 'Enter') return;
    this.focusAfterExpand = layer.getAllChildMarkers()[0];
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(this.focusExpandedCluster, EXPAND_SETTLE_MS); // in case nothing animates
  };

  readonly focusExpandedCluster = () => {
    const marker = this.focusAfterExpand;
    this.focusAfterExpand = undefined;
    if (marker) this.focusMarker(marker);
  };

  /** Focuses the marker, or the cluster it is hidden in at this zoom. */
  focusMarker(marker: Marker): void {
    (this.options.shownFor(marker).getElement() ?? this.map.getContainer()).focus({ preventScroll: true });
  }

  /**
   * Leaflet handles keys only while the map container itself has the focus; the focus is inside the
   * popup or on a marker, so listen on the whole map.
   */
  private readonly handleKeydown = (event: KeyboardEvent) => {
    const { spiderfied } = this;
    const onPick = this.options.onPick();
    if (event.key === 'Enter' && onPick && event.target === this.map.getContainer()) {
      event.preventDefault(); // no keypress: it would reach wherever the page moves the focus next
      const centre = this.map.getCenter();
      onPick(centre.lat, centre.lng);
      return;
    }
    if (event.key === 'Escape' && this.map.getContainer().querySelector('.leaflet-popup')) {
      event.stopPropagation();
      this.map.closePopup();
    } else if (event.key === 'Escape' && spiderfied) {
      event.stopPropagation();
      this.foldSpider();
    } else if (event.key === 'Enter' && spiderfied && event.target === spiderfied.getElement()) {
      event.preventDefault(); // no keypress: markercluster would spread the members out again
      event.stopPropagation();
      this.foldSpider();
    }
  };

  /** Folds spread-out members back and puts the focus on their cluster. */
  private foldSpider(): void {
    const cluster = this.spiderfied;
    if (!cluster) return;
    this.focusAfterExpand = undefined;
    cluster.unspiderfy();
    (cluster.getElement() ?? this.map.getContainer()).focus({ preventScroll: true });
  }

  /**
   * A focused marker or cluster must be visible: Leaflet does not pan to it, and spread-out members
   * reach far from their cluster, so the map pans just enough to show it.
   */
  private readonly keepFocusInView = (event: FocusEvent) => {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('leaflet-marker-icon')) return;
    const container = this.map.getContainer();
    // On Tab the browser scrolls the clipped container to the marker, and Leaflet undoes that scroll a
    // moment later: undo it now, so that the marker is measured where it will be.
    container.scrollTop = 0;
    container.scrollLeft = 0;
    const map = container.getBoundingClientRect();
    const covered = this.options.covered();
    const icon = target.getBoundingClientRect();
    const [left, right] = [map.left + covered.left + FOCUS_MARGIN, map.right - covered.right - FOCUS_MARGIN];
    const [top, bottom] = [map.top + covered.top + FOCUS_MARGIN, map.bottom - covered.bottom - FOCUS_MARGIN];
    const dx = Math.min(0, icon.left - left) || Math.max(0, icon.right - right);
    const dy = Math.min(0, icon.top - top) || Math.max(0, icon.bottom - bottom);
    if (dx || dy) this.map.panBy([dx, dy], { animate: !this.options.reducedMotion });
  };
}
