import L from './leaflet.js';
import type { MarkerCluster } from 'leaflet';

// Icons are plain elements styled by the element's CSS: no image files, so nothing can 404
// wherever the bundle is served from. Built with DOM calls, never HTML strings.

const MARKER_SIZE = 26;

export const memberIcon = L.divIcon({
  className: 'member-marker',
  html: '',
  iconSize: [MARKER_SIZE, MARKER_SIZE],
  iconAnchor: [MARKER_SIZE / 2, MARKER_SIZE / 2],
  popupAnchor: [0, -MARKER_SIZE / 2],
});

function clusterSize(count: number): number {
  if (count < 10) return 36;
  if (count < 100) return 42;
  return 50;
}

/**
 * A cluster's icon names its members on the element itself (Leaflet makes it a button): a label in a
 * visually hidden span would add a text node per cluster that every re-clustering lays out and shapes.
 */
const ClusterIcon = L.DivIcon.extend({
  createIcon(this: L.DivIcon & { options: { label: string } }, old?: HTMLElement) {
    const element = L.DivIcon.prototype.createIcon.call(this, old);
    element.setAttribute('aria-label', this.options.label);
    return element;
  },
}) as unknown as new (options: L.DivIconOptions & { label: string }) => L.DivIcon;

export function clusterIcon(cluster: MarkerCluster, label: (count: number) => string): L.DivIcon {
  const count = cluster.getChildCount();
  const visibleCount = document.createElement('span');
  visibleCount.textContent = String(count);
  visibleCount.setAttribute('aria-hidden', 'true');
  const size = clusterSize(count);
  return new ClusterIcon({ className: 'member-cluster', html: visibleCount, iconSize: [size, size], label: label(count) });
}

/** The searched place: a ring with the place's name beside it, under the members. */
export function placeIcon(name: string): L.DivIcon {
  const content = document.createElement('span');
  content.setAttribute('aria-hidden', 'true');
  content.appendChild(document.createElement('span')).className = 'place-marker__ring';
  content.appendChild(document.createElement('span')).textContent = name;
  return L.divIcon({ className: 'place-marker', html: content, iconSize: [0, 0], iconAnchor: [0, 0] });
}
