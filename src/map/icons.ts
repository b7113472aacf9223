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

export function clusterIcon(cluster: MarkerCluster, label: (count: number) => string): L.DivIcon {
  const count = cluster.getChildCount();
  const content = document.createElement('span');
  const visibleCount = content.appendChild(document.createElement('span'));
  visibleCount.textContent = String(count);
  visibleCount.setAttribute('aria-hidden', 'true');
  const accessibleName = content.appendChild(document.createElement('span'));
  accessibleName.className = 'visually-hidden';
  accessibleName.textContent = label(count);
  const size = clusterSize(count);
  return L.divIcon({ className: 'member-cluster', html: content, iconSize: [size, size] });
}

/** The searched place: a ring with the place's name beside it, under the members. */
export function placeIcon(name: string): L.DivIcon {
  const content = document.createElement('span');
  content.setAttribute('aria-hidden', 'true');
  content.appendChild(document.createElement('span')).className = 'place-marker__ring';
  content.appendChild(document.createElement('span')).textContent = name;
  return L.divIcon({ className: 'place-marker', html: content, iconSize: [0, 0], iconAnchor: [0, 0] });
}
