import L from './leaflet.js';
import type { LatLngTuple, LeafletEvent, Map as LeafletMap, Marker, MarkerCluster, Popup } from 'leaflet';
import { inNewTab } from './attribution.js';
import { MapBackground, type Background } from './background.js';
import { CLUSTER_CHUNK_MS, ClusterLoad } from './cluster-load.js';
import { GestureHandling } from './gestures.js';
import { clusterIcon, memberIcon, placeIcon } from './icons.js';
import { MapFitting, MIN_ZOOM, type MapFocus } from './map-fitting.js';
import { MapKeyboard } from './map-keyboard.js';
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
  /** The element's own controls over the map (consent bar or its way back, teaser caption): fits keep members clear of them. */
  overlays: () => Element[];
  /**
   * A still picture for the sidebar teaser: no controls, no keyboard, no gestures, markers and
   * clusters that take no input (the whole box is one link), the attribution shown by the element.
   */
  still?: boolean;
}

export type { MapFocus };

interface MemberMarker extends Marker {
  member: Member;
}

const GERMANY_CENTER: LatLngTuple = [51.16, 10.45];
/**
 * Members are placed per municipality: past zoom 14 (a town and its districts) there is nothing more
 * to separate, and every level costs markercluster a grid per marker. Without a tile layer nothing
 * else sets a zoom range, and markercluster needs one.
 */
const MAX_ZOOM = 14;
/** The popup's margins, padding and border around its content (px), for fitting it to narrow maps. */
const POPUP_CHROME_PX = 72;
/** The popup's tip and half its marker below its box: they stay clear of the consent bar too. */
const POPUP_TIP_PX = 40;

/**
 * The Leaflet side of `<member-map>`: owns the map in `container` (Leaflet's own subtree),
 * the cluster layer and the popups; keyboard and fitting are modules of their own. `teardown()`
 * removes everything it created.
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
  /** Counts setMembers calls: a newer call ends an older one that is still making markers. */
  private generation = 0;
  private gestures?: GestureHandling;
  private zoomControl?: L.Control.Zoom;
  private readonly fitting: MapFitting;
  private keyboard?: MapKeyboard;
  /**
   * The map's own box, the one size that matters: it changes with the element (tabs, accordions) and
   * with the bars above it inside the element (the `near` bar, place choices).
   */
  private readonly resizeObserver = new ResizeObserver(() => this.fitting.resized());
  private readonly reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
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
    const credits = this.map.attributionControl;
    if (credits) credits.setPrefix(inNewTab(String(credits.options.prefix ?? '')));
    this.labelMap();
    // The offset puts the tip just above the 26 px marker, where a bound popup would point.
    this.popup = L.popup({ maxWidth: 300, minWidth: 200, autoPanPadding: [16, 16], offset: [0, -6] });
    this.popup.on('remove', this.handlePopupClose);
    this.background = new MapBackground(this.map);
    this.fitting = new MapFitting(this.map, {
      still,
      initialView: () => this.options.initialView(),
      overlays: () => this.options.overlays(),
      controls: () => [this.zoomControl?.getContainer(), this.map.attributionControl?.getContainer()],
      clustersLowestZoom: () => this.load?.lowestZoom,
      setLowestZoom: (zoom) => this.background.setLowestZoom(zoom),
      awaitSize: () => {
        // A new observation starts at 0 × 0, so the next real size is reported whatever came before.
        this.resizeObserver.unobserve(container);
        this.resizeObserver.observe(container);
      },
    });
    this.resizeObserver.observe(container);
    if (still) return;
    this.gestures = new GestureHandling(container, () => this.options.strings);
    this.keyboard = new MapKeyboard(this.map, {
      shownFor: (marker) => this.load?.group.getVisibleParent(marker) ?? marker,
      covered: () => this.fitting.covered(),
      onPick: () => this.onPick,
      reducedMotion: this.reducedMotion,
    });
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
    this.fitting.members = members;
    this.markers = new Map();
    this.fitting.fit();
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
    this.load.group.on('click keypress', this.handleMarkerActivation);
    const keyboard = this.keyboard;
    if (keyboard) {
      this.load.group.on('clusterkeypress', keyboard.handleClusterEnter);
      this.load.group.on('animationend spiderfied', keyboard.focusExpandedCluster);
      this.load.group.on('spiderfied', (event) => (keyboard.spiderfied = (event as LeafletEvent & { cluster: MarkerCluster }).cluster));
      this.load.group.on('unspiderfied', () => (keyboard.spiderfied = undefined));
    }
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
    if (JSON.stringify(focus) === JSON.stringify(this.fitting.focus)) return;
    this.fitting.focus = focus;
    this.placeMarker?.remove();
    this.placeMarker = undefined;
    const { place } = focus;
    if (place) {
      // Under the members (which stay clickable), no tab stop: the status line names the place.
      this.placeMarker = L.marker([place.lat, place.lng], { icon: placeIcon(place.name), interactive: false, keyboard: false, zIndexOffset: -1000 });
      this.map.addLayer(this.placeMarker);
    }
    this.fitting.fit();
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
    this.fitting.fit();
  }

  teardown(): void {
    this.destroyed = true;
    this.resizeObserver.disconnect();
    this.keyboard?.teardown();
    // Leaflet leaves a pending wheel zoom running after remove(), which then throws (1.9.4).
    clearTimeout((this.map.scrollWheelZoom as unknown as { _timer?: ReturnType<typeof setTimeout> })._timer);
    this.markers.clear();
    this.background.teardown();
    this.gestures?.teardown();
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
    const { top, bottom } = this.fitting.covered();
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
    if (!active || (popup && popup.contains(active))) this.keyboard?.focusMarker(marker);
    this.options.onClose(marker.member);
  };

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
