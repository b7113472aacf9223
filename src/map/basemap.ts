import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import L from './leaflet.js';

/** The file written by scripts/basemap.js next to the built script. */
export interface BasemapData {
  type: 'member-map-basemap';
  topology: Topology<{ countries: GeometryCollection<{ germany: boolean }> }>;
  cities: { name: string; lng: number; lat: number }[];
}

// A classic script knows its own URL only while it runs, so this is read at load time.
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src || import.meta.url || document.baseURI;
export const DEFAULT_BASEMAP_URL = new URL('member-map-basemap.json', scriptUrl).href;

const BASEMAP_PANE = 'member-map-basemap';
const LABEL_PANE = 'member-map-labels';
const ATTRIBUTION =
  '<a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener noreferrer">Natural Earth</a>, ' +
  '<a href="https://www.geonames.org/" target="_blank" rel="noopener noreferrer">GeoNames</a>';

const GERMANY_STYLE: L.PathOptions = { color: '#6f7782', weight: 1.6, fillColor: '#fcfbf7', fillOpacity: 1 };
const NEIGHBOUR_STYLE: L.PathOptions = { color: '#aaa69c', weight: 0.8, fillColor: '#ebe8e0', fillOpacity: 1 };

/** One request per URL and page, shared by every element that shows the basemap. */
const requests = new Map<string, Promise<BasemapData>>();

export function fetchBasemap(url: string): Promise<BasemapData> {
  let request = requests.get(url);
  if (!request) {
    request = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = (await response.json()) as BasemapData;
      if (data?.type !== 'member-map-basemap') throw new Error('not a member-map basemap file');
      return data;
    });
    requests.set(url, request);
    request.catch(() => requests.delete(url));
  }
  return request;
}

/** Creates the basemap's panes (once per map): under the markers, above the background. */
export function addBasemapPanes(map: L.Map): void {
  map.createPane(BASEMAP_PANE).style.zIndex = '150';
  const labels = map.createPane(LABEL_PANE);
  labels.style.zIndex = '350';
  labels.style.pointerEvents = 'none';
}

function cityLabel(name: string): L.DivIcon {
  const text = document.createElement('span');
  text.textContent = name;
  return L.divIcon({ className: 'city-label', html: text, iconSize: [0, 0], iconAnchor: [0, 0] });
}

/** Countries as SVG paths (Germany last, so its border is on top) and city labels. */
export function basemapLayer(data: BasemapData): L.LayerGroup {
  const countries = feature(data.topology, data.topology.objects.countries);
  countries.features.sort((a, b) => Number(a.properties.germany) - Number(b.properties.germany));
  // GeoJSON hands `renderer` on to each polygon; Leaflet's typings miss that.
  const options: L.GeoJSONOptions & L.PathOptions = {
    renderer: L.svg({ pane: BASEMAP_PANE }),
    interactive: false,
    attribution: ATTRIBUTION,
    style: (country) => (country?.properties.germany ? GERMANY_STYLE : NEIGHBOUR_STYLE),
  };
  const shapes = L.geoJSON(countries, options);
  const labels = data.cities.map(({ name, lat, lng }) =>
    L.marker([lat, lng], { icon: cityLabel(name), pane: LABEL_PANE, interactive: false, keyboard: false }),
  );
  return L.layerGroup([shapes, ...labels]);
}
