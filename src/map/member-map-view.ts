import L from './leaflet.js';
import type { LatLngTuple, LeafletEvent, Map as LeafletMap, Marker, MarkerCluster, Popup } from 'leaflet';
import { MapBackground, type Background } from './background.js';
import { CLUSTER_CHUNK_MS, ClusterLoad } from './cluster-load.js';
import { GestureHandling } from './gestures.js';
import { clusterIcon, memberIcon, placeIcon } from './icons.js';
import { overlayInsets, type Insets } from './overlay-insets.js';
import type { Member } from '../data/members.js';
import { nextTask, sliceDue } from '../next-task.js';
import { phase } from '../phase.js';
import type { Strings } from '../i18n/index.js';

export interface MemberMapViewOptions {
  strings: Strings;
  /** Builds the popup's DOM node; called each time a popup opens. */
  popupContent: (member: Member) => HTMLElement;
  onOpen: (member: Member) => void;
  onClose: (member: Member) => void;
  /** The page's `center`/`zoom`, used instead of fitting the first time members are shown. */
  initialView: () => { center?: LatLngTuple; zoom?: number };
  /** The element's own controls over the map (consent bar, teaser caption): fits keep members clear of them. */
  overlays: () => Element[];
  /**
   * A still picture for the sidebar teaser: no controls, no keyboard, no gestures, markers and
   * clusters that take no input (the whole box is one link), the attribution shown by the element.
   */
  still?: boolean;
}

/** What the map fits besides the members: a searched place (marked) and a Land's bounds. */
export interface MapFocus {
  place?: { name: string; lat: number; lng: number };
  /** [south, west, north, east] */
  bounds?: [number, number, number, number];
  /** Fit `bounds` alone, whatever the members (the teaser always shows all of Germany or its Land). */
  exact?: boolean;
}

interface MemberMarker extends Marker {
  member: Member;
}

const GERMANY_CENTER: LatLngTuple = [51.16, 10.45];
const FIT_PADDING = 28;
/** Where a short map cannot fit the members with FIT_PADDING at its lowest zoom: half a marker. */
const TIGHT_FIT_PADDING = 14;
/** The teaser has no markers to click at the edge: it may use nearly all of its small box. */
const STILL_PADDING = 6;
/**
 * Members are placed per municipality: past zoom 14 (a town and its districts) there is nothing more
 * to separate, and every level costs markercluster a grid per marker. Without a tile layer nothing
 * else sets a zoom range, and markercluster needs one.
 */
const MAX_ZOOM = 14;
const MIN_ZOOM = 4;
/** How far a map too small for Germany at MIN_ZOOM (a full map in a tiny box) may zoom out to fit the members. */
const LOWEST_ZOOM = 2;
const SINGLE_MEMBER_ZOOM = 11;
/** The zoom for a `center` given without `zoom`: a municipality and its surroundings. */
const CENTERED_ZOOM = 9;
/** Room kept between a focused marker and the edge of the map when panning to it (px). */
const FOCUS_MARGIN = 12;
/** The popup's margins, padding and border around its content (px), for fitting it to narrow maps. */
const POPUP_CHROME_PX = 72;
/** The popup's tip and half its marker below its box: they stay clear of the consent bar too. */
const POPUP_TIP_PX = 40;
/** Longer than markercluster's zoom and spiderfy animations. */
const EXPAND_SETTLE_MS = 700;

/**
 * The Leaflet side of `<member-map>`: owns the map in `container` (Leaflet's own subtree),
 * the cluster layer and the popups. `destroy()` removes everything it created.
 */
export class MemberMapView {
  private readonly map: LeafletMap;
  /** One popup for all members: binding one to each of 50,000 markers costs more than it gives. */
  private readonly popup: Popup;
  private popupMarker?: MemberMarker;
  private readonly background: MapBackground;
  private load?: ClusterLoad;
  /** Cluster loads that are still winding down; the map may only be removed after them. */
  private stopping = new Set<ClusterLoad>();
  private destroyed = false;
  private mapRemoved = false;
  private markers = new Map<string, MemberMarker>();
  private members: Member[] = [];
  /** Set while the members have not been fitted into a container of real size (e.g. hidden tab). */
  private fitPending = false;
  private fittedOnce = false;
  /** Counts setMembers calls: a newer call ends an older one that is still making markers. */
  private generation = 0;
  private gestures?: GestureHandling;
  private zoomControl?: L.Control.Zoom;
  /** The view the last fit chose: while the map still shows it, a change of size fits again. */
  private fittedView?: { center: L.LatLng; zoom: number };
  /**
   * The map's own box, the one size that matters: it changes with the element (tabs, accordions) and
   * with the bars above it inside the element (the `near` bar, place choices).
   */
  private readonly resizeObserver = new ResizeObserver(() => this.invalidateSize());
  private readonly reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  /** After Enter on a cluster: the member whose marker (or sub-cluster) gets the focus next. */
  private focusAfterExpand?: MemberMarker;
  /** The cluster whose members are spread out around it (markercluster's spiderfy), if any. */
  private spiderfied?: MarkerCluster;
  private focus: MapFocus = {};
  private onPick?: (lat: number, lng: number) => void;
  private placeMarker?: Marker;

  constructor(
    container: HTMLElement,
    private options: MemberMapViewOptions,
  ) {
    const animate = !this.reducedMotion;
    const still = Boolean(options.still);
    const input = still
      ? { dragging: false, touchZoom: false, doubleClickZoom: false, scrollWheelZoom: false, boxZoom: false, keyboard: false, attributionControl: false }
      : {};
    this.map = L.map(container, {
      ...input,
      center: GERMANY_CENTER,
      zoom: 6,
      // Quarter steps let the members fill the map when fitted; buttons still zoom by whole levels.
      zoomSnap: 0.25,
      zoomDelta: 1,
      maxZoom: MAX_ZOOM,
      // A teaser of 400 × 160 px still shows all of Germany.
      minZoom: still ? MIN_ZOOM - 2 : MIN_ZOOM,
      zoomAnimation: animate,
      fadeAnimation: animate,
      markerZoomAnimation: animate,
      zoomControl: false,
    });
    this.labelMap();
    // The offset puts the tip just above the 26 px marker, where a bound popup would point.
    this.popup = L.popup({ maxWidth: 300, minWidth: 200, autoPanPadding: [16, 16], offset: [0, -6] });
    this.popup.on('remove', this.handlePopupClose);
    this.background = new MapBackground(this.map);
    this.resizeObserver.observe(container);
    if (still) return;
    this.gestures = new GestureHandling(container, () => this.options.strings);
    container.addEventListener('keydown', this.handleKeydown);
    container.addEventListener('focusin', this.keepFocusInView);
  }

  /**
   * Tiles are requested at once; the offline basemap is only fetched while members are still on
   * their way, and drawn once they are on the map (`ready`): the members come first.
   */
  setBackground(background: Background, ready: boolean): void {
    if (ready || background.kind === 'tiles') this.background.show(background);
    else this.background.prefetch(background);
  }

  setStrings(strings: Strings): void {
    this.options = { ...this.options, strings };
    this.labelMap();
    this.load?.group.refreshClusters();
  }

  /** Replaces the members; resolves true once every marker is clustered and on the map. */
  async setMembers(members: Member[]): Promise<boolean> {
    const generation = ++this.generation;
    this.map.closePopup();
    if (this.load) this.retire(this.load, (group) => this.map.removeLayer(group));
    this.load = undefined;
    this.members = members;
    this.markers = new Map();
    this.fitToMembers();
    // Markers are made in slices too, so that no single task blocks the page for long.
    for (const member of members) {
      if (this.markers.size % 64 === 0 && sliceDue()) {
        await nextTask();
        if (generation !== this.generation || this.destroyed) return false;
      }
      this.markers.set(member.id, this.createMarker(member));
    }
    phase('markers');
    // markercluster's first chunk runs at once and cannot be cut: it needs room in this slice.
    if (sliceDue(CLUSTER_CHUNK_MS)) {
      await nextTask();
      if (generation !== this.generation || this.destroyed) return false;
    }
    const still = Boolean(this.options.still);
    this.load = new ClusterLoad(this.map, [...this.markers.values()], {
      showCoverageOnHover: false,
      maxClusterRadius: 50,
      spiderfyOnMaxZoom: !still,
      zoomToBoundsOnClick: !still,
      animate: !this.reducedMotion,
      iconCreateFunction: (cluster) => clusterIcon(cluster, this.options.strings.clusterLabel),
    });
    this.load.group.on('clusterkeypress', this.handleClusterEnter);
    this.load.group.on('animationend spiderfied', this.focusExpandedCluster);
    this.load.group.on('click keypress', this.handleMarkerActivation);
    this.load.group.on('spiderfied', (event) => (this.spiderfied = (event as LeafletEvent & { cluster: MarkerCluster }).cluster));
    this.load.group.on('unspiderfied', () => (this.spiderfied = undefined));
    return this.load.done;
  }

  /**
   * While `onPick` is set, a click on the map (or Enter on the focused map: its centre) reports a
   * point, for placing a member; markers and clusters keep their own clicks.
   */
  setPicking(onPick: ((lat: number, lng: number) => void) | undefined): void {
    if (onPick === this.onPick) return;
    this.onPick = onPick;
    this.map.getContainer().classList.toggle('picking', Boolean(onPick));
    this.map.off('click', this.pickAt);
    if (onPick) this.map.on('click', this.pickAt);
  }

  private readonly pickAt = (event: L.LeafletMouseEvent) => this.onPick?.(event.latlng.lat, event.latlng.lng);

  /** Sets what is fitted besides the members, and marks the place; refits when it changed. */
  setFocus(focus: MapFocus): void {
    if (JSON.stringify(focus) === JSON.stringify(this.focus)) return;
    this.focus = focus;
    this.placeMarker?.remove();
    this.placeMarker = undefined;
    const { place } = focus;
    if (place) {
      // Under the members (which stay clickable), no tab stop: the status line names the place.
      this.placeMarker = L.marker([place.lat, place.lng], { icon: placeIcon(place.name), interactive: false, keyboard: false, zIndexOffset: -1000 });
      this.map.addLayer(this.placeMarker);
    }
    this.fitToMembers();
  }

  /** Zooms until the member is outside any cluster and opens its popup; `focus` moves focus into it. */
  open(id: string, focus = false): boolean {
    const marker = this.markers.get(id);
    if (!marker || !this.load) return false;
    this.load.group.zoomToShowLayer(marker, () => this.openPopup(marker, focus));
    return true;
  }

  closePopup(): void {
    this.map.closePopup();
  }

  /** Fits again: what covers the map (the teaser's caption) has changed. */
  refit(): void {
    this.fitToMembers();
  }

  /** Called when the container's size changed (ResizeObserver), e.g. a tab was opened. */
  invalidateSize(): void {
    const fitted = this.fittedView;
    // Read before Leaflet takes the new size: the view as the visitor sees it.
    const untouched = fitted !== undefined && this.map.getZoom() === fitted.zoom && this.map.getCenter().equals(fitted.center);
    this.map.invalidateSize({ pan: false });
    // The teaser is a picture of its area: it is fitted again whenever its box changes; so is a map the
    // visitor has not moved since its last fit (a bar appeared above it, the consent bar folded).
    if (this.fitPending || this.options.still || untouched) this.fitToMembers();
  }

  destroy(): void {
    this.destroyed = true;
    this.resizeObserver.disconnect();
    // Leaflet leaves a pending wheel zoom running after remove(), which then throws (1.9.4).
    clearTimeout((this.map.scrollWheelZoom as unknown as { _timer?: ReturnType<typeof setTimeout> })._timer);
    this.markers.clear();
    this.background.dispose();
    this.gestures?.destroy();
    if (this.load) this.retire(this.load, () => undefined);
    this.load = undefined;
    this.removeMapWhenIdle();
  }

  /** Stops a cluster load and calls `remove` once it has wound down. */
  private retire(load: ClusterLoad, remove: (group: ClusterLoad['group']) => void): void {
    this.stopping.add(load);
    load.stop(() => {
      this.stopping.delete(load);
      remove(load.group);
      this.removeMapWhenIdle();
    });
  }

  private removeMapWhenIdle(): void {
    if (!this.destroyed || this.stopping.size > 0 || this.mapRemoved) return;
    this.mapRemoved = true;
    this.map.remove();
  }

  private createMarker(member: Member): MemberMarker {
    const title = [member.municipality, member.role ?? member.name].filter(Boolean).join(' — ');
    const still = Boolean(this.options.still);
    const marker = L.marker([member.lat, member.lng], { icon: memberIcon, title, interactive: !still, keyboard: !still }) as MemberMarker;
    marker.member = member;
    return marker;
  }

  /** A click, or Enter on a focused marker (clusters have their own handling). */
  private readonly handleMarkerActivation = (event: LeafletEvent) => {
    const { layer, originalEvent } = event as LeafletEvent & { layer: MemberMarker; originalEvent?: Event };
    if (!layer.member) return;
    if (event.type === 'keypress' && (originalEvent as KeyboardEvent | undefined)?.key !== 'Enter') return;
    this.openPopup(layer, true);
  };

  /**
   * The popup fits the map as it is now: no wider than the map, no taller than the room between the
   * zoom control and the element's own overlays (consent bar), which auto-panning keeps it clear of.
   */
  private fitPopupToMap(): void {
    const size = this.map.getSize();
    const { top, bottom } = this.coveredInsets();
    const zoom = this.zoomControl?.getContainer();
    const clearTop = Math.max(top, zoom ? zoom.offsetTop + zoom.offsetHeight : 0) + 8;
    const width = Math.max(140, Math.min(300, size.x - POPUP_CHROME_PX));
    Object.assign(this.popup.options, {
      maxWidth: width,
      minWidth: Math.min(200, width),
      maxHeight: Math.max(120, size.y - clearTop - bottom - 40),
      autoPanPaddingTopLeft: L.point(12, clearTop),
      autoPanPaddingBottomRight: L.point(12, bottom + POPUP_TIP_PX),
    });
  }

  private openPopup(marker: MemberMarker, focus: boolean): void {
    this.map.closePopup();
    this.fitPopupToMap();
    this.popupMarker = marker;
    this.popup.setLatLng(marker.getLatLng()).setContent(this.options.popupContent(marker.member));
    this.map.openPopup(this.popup);
    this.labelCloseButton(this.popup);
    if (focus) this.popup.getElement()?.querySelector<HTMLElement>('.member-card')?.focus({ preventScroll: true });
    this.options.onOpen(marker.member);
  }

  /** Escape (or the close button) returns the focus from the popup to its marker. */
  private readonly handlePopupClose = () => {
    const marker = this.popupMarker;
    if (!marker) return;
    this.popupMarker = undefined;
    const root = this.map.getContainer().getRootNode() as ShadowRoot | Document;
    const active = root.activeElement;
    const popup = this.popup.getElement();
    if (!active || (popup && popup.contains(active))) this.focusMarker(marker);
    this.options.onClose(marker.member);
  };

  /**
   * Enter on a cluster: markercluster zooms in or spiderfies, then puts the focus on the map
   * container. Move it on to the cluster's first member once the map has settled instead.
   */
  private readonly handleClusterEnter = (event: LeafletEvent) => {
    const { layer, originalEvent } = event as LeafletEvent & { layer: MarkerCluster; originalEvent?: KeyboardEvent };
    if (originalEvent?.key !== 'Enter') return;
    this.focusAfterExpand = layer.getAllChildMarkers()[0] as MemberMarker;
    setTimeout(this.focusExpandedCluster, EXPAND_SETTLE_MS); // in case nothing animates
  };

  private readonly focusExpandedCluster = () => {
    const marker = this.focusAfterExpand;
    this.focusAfterExpand = undefined;
    if (marker) this.focusMarker(marker);
  };

  /**
   * Escape closes the popup, or else folds spread-out members back into their cluster; so does
   * Enter on that cluster (markercluster would ignore it). Leaflet handles keys only while the map
   * container itself has the focus; the focus is inside the popup or on a marker, so listen on the
   * whole map.
   */
  private readonly handleKeydown = (event: KeyboardEvent) => {
    const spiderfied = this.spiderfied;
    if (event.key === 'Enter' && this.onPick && event.target === this.map.getContainer()) {
      event.preventDefault(); // no keypress: it would reach wherever the page moves the focus next
      const centre = this.map.getCenter();
      this.onPick(centre.lat, centre.lng);
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
    const covered = this.coveredInsets(); // the consent bar, the zoom buttons, the credit line
    const icon = target.getBoundingClientRect();
    const margin = FOCUS_MARGIN;
    const [left, right] = [map.left + covered.left + margin, map.right - covered.right - margin];
    const [top, bottom] = [map.top + covered.top + margin, map.bottom - covered.bottom - margin];
    const dx = Math.min(0, icon.left - left) || Math.max(0, icon.right - right);
    const dy = Math.min(0, icon.top - top) || Math.max(0, icon.bottom - bottom);
    if (dx || dy) this.map.panBy([dx, dy], { animate: !this.reducedMotion });
  };

  /** Focuses the marker, or the cluster it is hidden in at this zoom. */
  private focusMarker(marker: MemberMarker): void {
    const shown = this.load?.group.getVisibleParent(marker) ?? marker;
    (shown.getElement() ?? this.map.getContainer()).focus({ preventScroll: true });
  }

  private fitToMembers(): void {
    // Leaflet keeps the size it measured last, and the ResizeObserver reports a change (a tab closed
    // while the members loaded) only at the next frame: measure now instead of fitting a stale size.
    this.map.invalidateSize({ pan: false });
    const size = this.map.getSize();
    this.fitPending = size.x === 0 || size.y === 0;
    const area = this.fitArea();
    if (this.fitPending || !area) return;
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

  /** Puts the members (and the place or Land in focus) in view, clear of what covers the map. */
  private placeView(area: L.LatLngBounds, zoom?: number): void {
    // One member (or only a place) has no extent to fit; many members at one point fit to the highest zoom.
    if (area.getSouthWest().equals(area.getNorthEast()) && this.members.length <= 1 && !this.focus.exact) {
      this.map.setView(area.getCenter(), zoom ?? SINGLE_MEMBER_ZOOM, { animate: false });
      return;
    }
    const { top, right, bottom, left } = this.coveredInsets();
    const still = Boolean(this.options.still);
    const usual = still ? MIN_ZOOM - 2 : MIN_ZOOM;
    const zoomFor = (padding: number) => this.boundsZoom(area, L.point(left + right + 2 * padding, top + bottom + 2 * padding));
    const padding = still ? STILL_PADDING : zoomFor(FIT_PADDING) > usual ? FIT_PADDING : TIGHT_FIT_PADDING;
    // A map too small for the members at the usual lowest zoom (a full map in a tiny box) may zoom out
    // as far as they need; never below the levels the clusters were built for (markercluster builds them
    // down to the lowest zoom when the members are added, which is why this fit comes first).
    const built = this.load?.lowestZoom ?? LOWEST_ZOOM;
    this.background.setLowestZoom(Math.max(built, Math.min(usual, zoomFor(padding))));
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

  /**
   * What the controls on the map cover, measured now (the consent bar folds on narrow maps and is gone
   * after consent): the element's own overlays, the zoom buttons and the credit line.
   */
  private coveredInsets(): Insets {
    const controls = [this.zoomControl?.getContainer(), this.map.attributionControl?.getContainer()];
    const boxes = [...this.options.overlays(), ...controls]
      .filter((element): element is Element => element instanceof Element && element.isConnected)
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0);
    return overlayInsets(this.map.getContainer().getBoundingClientRect(), boxes);
  }

  /** The members, the searched place and the Land in focus; undefined when there is nothing to fit. */
  private fitArea(): L.LatLngBounds | undefined {
    const { place, bounds, exact } = this.focus;
    const area = this.members.length > 0 && !(exact && bounds) ? boundsOf(this.members) : undefined;
    const extra = [
      ...(place ? [L.latLngBounds([place.lat, place.lng], [place.lat, place.lng])] : []),
      ...(bounds ? [L.latLngBounds([bounds[0], bounds[1]], [bounds[2], bounds[3]])] : []),
    ];
    return extra.reduce((all, more) => (all ? all.extend(more) : more), area);
  }

  /** The map container is one tab stop with its own keys: say so, in the UI language. */
  private labelMap(): void {
    const { mapLabel, zoomIn, zoomOut } = this.options.strings;
    const container = this.map.getContainer();
    if (this.options.still) return; // a picture inside a link: no role, no controls
    container.setAttribute('role', 'application');
    container.setAttribute('aria-label', mapLabel);
    this.zoomControl?.remove();
    this.zoomControl = L.control.zoom({ zoomInTitle: zoomIn, zoomOutTitle: zoomOut }).addTo(this.map);
  }

  private labelCloseButton(popup: Popup): void {
    const button = popup.getElement()?.querySelector('.leaflet-popup-close-button');
    button?.setAttribute('aria-label', this.options.strings.closePopup);
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
