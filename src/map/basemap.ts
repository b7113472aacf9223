import { feature } from 'topojson-client';
import type { GeometryCollection, MultiLineString, Topology } from 'topojson-specification';
import { besideScript } from '../script-url.js';
import L from './leaflet.js';

/** The file written by scripts/basemap.js next to the built script. */
export interface BasemapData {
  type: 'member-map-basemap';
  /**
   * [west, south, east, north]: the area the countries are drawn for. While the basemap is on, the
   * map never shows more than this (its data is cut off at these straight lines). Files without it
   * (older builds) leave the view unbounded.
   */
  area?: [number, number, number, number];
  topology: Topology<{ countries: GeometryCollection<{ germany: boolean }> }>;
  /** The Länder (ISO code without `DE-`) and the lines between them, from BKG's VG250. */
  laender?: Topology<{ laender: GeometryCollection<{ iso: string }>; borders: MultiLineString }>;
  cities: { name: string; lng: number; lat: number; minZoom: number }[];
}

export const DEFAULT_BASEMAP_URL = besideScript('member-map-basemap.json');

const BASEMAP_PANE = 'member-map-basemap';
const LABEL_PANE = 'member-map-labels';
export const BASEMAP_ATTRIBUTION =
  '<a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener noreferrer">Natural Earth</a>, ' +
  '<a href="https://gdz.bkg.bund.de/" target="_blank" rel="noopener noreferrer">© GeoBasis-DE / BKG</a>, ' +
  '<a href="https://www.geonames.org/" target="_blank" rel="noopener noreferrer">GeoNames</a>';

const GERMANY_STYLE: L.PathOptions = { color: '#6f7782', weight: 1.6, fillColor: '#fcfbf7', fillOpacity: 1 };
const NEIGHBOUR_STYLE: L.PathOptions = { color: '#aaa69c', weight: 0.8, fillColor: '#ebe8e0', fillOpacity: 1 };
/** Lines between Länder: thinner, lighter and dashed against the national border's solid grey. */
const LAND_BORDER_STYLE: L.PathOptions = { color: '#aab0b8', weight: 0.9, dashArray: '4 3', fill: false };
/** With `region`: the other Länder recede a little, the region's outline stands out. */
const OTHER_LAND_STYLE: L.PathOptions = { stroke: false, fillColor: '#ebe8e0', fillOpacity: 0.65 };
const REGION_STYLE: L.PathOptions = { color: '#4f5863', weight: 2.2, fill: false };

/** One request per URL and page, shared by every element that shows the basemap. */
const requests = new Map<string, Promise<string>>();
const parsed = new Map<string, Promise<BasemapData>>();

/**
 * Fetches the basemap file without parsing it: called while the members are still loading, when
 * turning 200 KB of JSON into objects would compete with them for the main thread.
 */
export function prefetchBasemap(url: string): Promise<string> {
  let request = requests.get(url);
  if (!request) {
    request = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    });
    requests.set(url, request);
    request.catch(() => requests.delete(url));
  }
  return request;
}

/** The basemap, fetched (or taken from the prefetch) and parsed; once per URL and page. */
export function fetchBasemap(url: string): Promise<BasemapData> {
  let data = parsed.get(url);
  if (!data) {
    data = prefetchBasemap(url).then((text) => {
      const json = JSON.parse(text) as BasemapData;
      if (json?.type !== 'member-map-basemap') throw new Error('not a member-map basemap file');
      return json;
    });
    parsed.set(url, data);
    data.catch(() => parsed.delete(url));
  }
  return data;
}

/**
 * Creates the basemap's panes (once per map): under the markers, above the background. Both are
 * decoration, hidden from assistive technology: a screen reader would otherwise meet an unnamed
 * image (the SVG) and a run of city names between the members and the zoom buttons.
 */
export function addBasemapPanes(map: L.Map): void {
  const shapes = map.createPane(BASEMAP_PANE);
  shapes.style.zIndex = '150';
  shapes.setAttribute('aria-hidden', 'true');
  const labels = map.createPane(LABEL_PANE);
  labels.style.zIndex = '350';
  labels.style.pointerEvents = 'none';
  labels.setAttribute('aria-hidden', 'true');
}

function cityLabel(name: string): L.DivIcon {
  const text = document.createElement('span');
  text.textContent = name;
  return L.divIcon({ className: 'city-label', html: text, iconSize: [0, 0], iconAnchor: [0, 0] });
}

/** Label boxes in pixels, estimated from the text length (measuring 400 labels would force layout). */
const LABEL_OFFSET = 15;
const CHARACTER_WIDTH = 6.3;
const LABEL_HALF_HEIGHT = 8;

/**
 * City labels, placed greedily from the largest city down: a label shows only when the map is
 * zoomed in far enough for its town and it does not overlap a label already placed.
 */
class CityLabels extends L.Layer {
  private readonly labels: { city: BasemapData['cities'][number]; marker?: L.Marker }[];
  private readonly group = L.layerGroup();

  constructor(cities: BasemapData['cities']) {
    // The basemap's one attribution: set on each of the countries' polygons, Leaflet would rebuild
    // the attribution control once per polygon.
    super();
    L.setOptions(this, { attribution: BASEMAP_ATTRIBUTION });
    this.labels = cities.map((city) => ({ city }));
  }

  override onAdd(map: L.Map): this {
    map.addLayer(this.group);
    map.on('zoomend', this.place, this);
    this.place();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('zoomend', this.place, this);
    map.removeLayer(this.group);
    return this;
  }

  private place(): void {
    const zoom = this._map.getZoom();
    const placed: L.Bounds[] = [];
    for (const label of this.labels) {
      const { city } = label;
      const point = this._map.project([city.lat, city.lng], zoom);
      const box = L.bounds(
        [point.x - 3, point.y - LABEL_HALF_HEIGHT],
        [point.x + LABEL_OFFSET + city.name.length * CHARACTER_WIDTH, point.y + LABEL_HALF_HEIGHT],
      );
      const fits = zoom >= city.minZoom && !placed.some((other) => other.overlaps(box));
      if (fits) {
        placed.push(box);
        // Made when first shown: most small towns never are.
        label.marker ??= L.marker([city.lat, city.lng], {
          icon: cityLabel(city.name),
          pane: LABEL_PANE,
          interactive: false,
          keyboard: false,
        });
        this.group.addLayer(label.marker);
      } else if (label.marker) {
        this.group.removeLayer(label.marker);
      }
    }
  }
}

/**
 * The basemap's layers one by one, to be added in slices: each country as SVG paths (Germany last,
 * so that its border is on top), the Länder (with `region`, its Land emphasised), then the city labels.
 */
export function* basemapLayers(data: BasemapData, region?: string): Generator<L.Layer> {
  const { topology } = data;
  const countries = [...topology.objects.countries.geometries];
  const germany = (country: { properties?: { germany?: boolean } }) => Number(Boolean(country.properties?.germany));
  countries.sort((a, b) => germany(a) - germany(b));
  // GeoJSON hands `renderer` on to each polygon; Leaflet's typings miss that.
  const options: L.GeoJSONOptions & L.PathOptions = {
    renderer: L.svg({ pane: BASEMAP_PANE }),
    interactive: false,
    style: (country) => (country?.properties.germany ? GERMANY_STYLE : NEIGHBOUR_STYLE),
  };
  for (const country of countries) yield L.geoJSON(feature(topology, country), options);
  const laender = data.laender;
  if (laender) {
    const lines = { renderer: options.renderer, interactive: false };
    const inRegion = (land: { properties?: { iso?: string } | null }) => land.properties?.iso === region;
    const all = laender.objects.laender.geometries;
    if (region && all.some(inRegion)) {
      for (const land of all.filter((land) => !inRegion(land))) yield L.geoJSON(feature(laender, land), { ...lines, style: OTHER_LAND_STYLE });
    }
    yield L.geoJSON(feature(laender, laender.objects.borders), { ...lines, style: LAND_BORDER_STYLE });
    for (const land of all.filter(inRegion)) yield L.geoJSON(feature(laender, land), { ...lines, style: REGION_STYLE });
  }
  yield new CityLabels(data.cities);
}
