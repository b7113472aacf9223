import L from './leaflet.js';
import type { LatLngTuple, LeafletEvent, Map as LeafletMap, Marker, Popup } from 'leaflet';
import { MapBackground, type Background } from './background.js';
import { ClusterLoad } from './cluster-load.js';
import { clusterIcon, memberIcon } from './icons.js';
import type { Member } from '../data/members.js';
import type { Strings } from '../i18n/index.js';

export interface MemberMapViewOptions {
  strings: Strings;
  /** Builds the popup's DOM node; called each time a popup opens. */
  popupContent: (member: Member) => HTMLElement;
  onOpen: (member: Member) => void;
  onClose: (member: Member) => void;
  /** Pixels at the top and bottom covered by the element's own controls, kept clear when fitting. */
  overlayInsets: () => { top: number; bottom: number };
}

interface MemberMarker extends Marker {
  member: Member;
}

const GERMANY_CENTER: LatLngTuple = [51.16, 10.45];
const FIT_PADDING = 28;
/** Without a tile layer nothing sets a zoom range, and markercluster needs one. */
const MAX_ZOOM = 18;
const SINGLE_MEMBER_ZOOM = 11;

/**
 * The Leaflet side of `<member-map>`: owns the map in `container` (Leaflet's own subtree),
 * the cluster layer and the popups. `destroy()` removes everything it created.
 */
export class MemberMapView {
  private readonly map: LeafletMap;
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

  constructor(
    container: HTMLElement,
    private options: MemberMapViewOptions,
  ) {
    // Quarter steps let the members fill the map when fitted; buttons still zoom by whole levels.
    this.map = L.map(container, { center: GERMANY_CENTER, zoom: 6, zoomSnap: 0.25, zoomDelta: 1, maxZoom: MAX_ZOOM, minZoom: 3 });
    this.map.on('popupopen', (event) => this.labelCloseButton(event.popup));
    this.background = new MapBackground(this.map);
  }

  setBackground(background: Background): void {
    this.background.show(background);
  }

  setStrings(strings: Strings): void {
    this.options = { ...this.options, strings };
    this.load?.group.refreshClusters();
  }

  /** Replaces the members; resolves true once every marker is clustered and on the map. */
  setMembers(members: Member[]): Promise<boolean> {
    this.map.closePopup();
    if (this.load) this.retire(this.load, (group) => this.map.removeLayer(group));
    this.members = members;
    this.markers = new Map(members.map((member) => [member.id, this.createMarker(member)]));
    this.fitToMembers();
    this.load = new ClusterLoad(this.map, [...this.markers.values()], {
      showCoverageOnHover: false,
      maxClusterRadius: 50,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: (cluster) => clusterIcon(cluster, this.options.strings.clusterLabel),
    });
    return this.load.done;
  }

  /** Zooms until the member is outside any cluster and opens its popup. */
  open(id: string): boolean {
    const marker = this.markers.get(id);
    if (!marker || !this.load) return false;
    this.load.group.zoomToShowLayer(marker, () => marker.openPopup());
    return true;
  }

  closePopup(): void {
    this.map.closePopup();
  }

  /** Called when the container's size changed (ResizeObserver), e.g. a tab was opened. */
  invalidateSize(): void {
    this.map.invalidateSize({ pan: false });
    if (this.fitPending) this.fitToMembers();
  }

  destroy(): void {
    this.destroyed = true;
    this.markers.clear();
    this.background.dispose();
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
    const marker = L.marker([member.lat, member.lng], { icon: memberIcon, title }) as MemberMarker;
    marker.member = member;
    marker.bindPopup(() => this.options.popupContent(member), { maxWidth: 300, minWidth: 200, autoPanPadding: [16, 16] });
    marker.on('popupopen', this.handlePopupOpen);
    marker.on('popupclose', this.handlePopupClose);
    return marker;
  }

  private readonly handlePopupOpen = (event: LeafletEvent) => {
    this.options.onOpen((event.target as MemberMarker).member);
  };

  private readonly handlePopupClose = (event: LeafletEvent) => {
    this.options.onClose((event.target as MemberMarker).member);
  };

  private fitToMembers(): void {
    const size = this.map.getSize();
    this.fitPending = size.x === 0 || size.y === 0;
    if (this.fitPending || this.members.length === 0) return;
    if (this.members.length === 1) {
      const [only] = this.members;
      this.map.setView([only.lat, only.lng], SINGLE_MEMBER_ZOOM, { animate: false });
      return;
    }
    const bounds = L.latLngBounds(this.members.map((member) => [member.lat, member.lng] as LatLngTuple));
    const { top, bottom } = this.options.overlayInsets();
    this.map.fitBounds(bounds, {
      paddingTopLeft: [FIT_PADDING, FIT_PADDING + top],
      paddingBottomRight: [FIT_PADDING, FIT_PADDING + bottom],
      animate: false,
    });
  }

  private labelCloseButton(popup: Popup): void {
    const button = popup.getElement()?.querySelector('.leaflet-popup-close-button');
    button?.setAttribute('aria-label', this.options.strings.closePopup);
  }
}
