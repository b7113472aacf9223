import L from './leaflet.js';
import { attributionHtml } from './attribution.js';
import { nextTask, sliceDue, startSlice } from '../next-task.js';
import { addBasemapPanes, BASEMAP_ATTRIBUTION, basemapLayers, fetchBasemap, prefetchBasemap, type BasemapData } from './basemap.js';

/** What lies under the members: detailed tiles, the bundled offline basemap, or nothing. */
export type Background =
  | { kind: 'tiles'; url: string; attribution: string }
  /** `region`: ISO code of a Land to outline and emphasise. */
  | { kind: 'basemap'; url: string; region?: string }
  | { kind: 'none' };

const TILE_OPTIONS: L.TileLayerOptions = {
  // OpenStreetMap's tile policy wants a Referer; pages with `Referrer-Policy: no-referrer` would
  // otherwise get their tiles blocked. The origin is enough.
  referrerPolicy: 'strict-origin-when-cross-origin',
};

/**
 * Owns the background layers of one map and switches between them. While the offline basemap is on,
 * it also keeps the view inside the area the basemap's data covers (see `bound`).
 */
export class MapBackground {
  private layer?: L.Layer;
  private shown = '';
  private credited = false;
  /** The lowest zoom the map itself allows (the view lowers it for tiny maps); given back when the basemap goes. */
  private minZoom: number;
  /** The basemap's area while the view is bounded to it. */
  private area?: L.LatLngBounds;

  constructor(private readonly map: L.Map) {
    addBasemapPanes(map);
    this.minZoom = map.getMinZoom();
    // With `maxBounds` (only while the basemap is on), dragging stops at the edge instead of
    // showing what lies past it and springing back.
    map.options.maxBoundsViscosity = 1;
  }

  show(background: Background): void {
    const key = JSON.stringify(background);
    if (key === this.shown) return;
    this.shown = key;
    this.clear();
    this.credit(background.kind === 'basemap');
    if (background.kind === 'tiles') {
      this.layer = L.tileLayer(background.url, { ...TILE_OPTIONS, attribution: attributionHtml(background.attribution) });
      this.map.addLayer(this.layer);
    } else if (background.kind === 'basemap') {
      const url = background.url;
      prefetchBasemap(url).then(() => {
        // Parsed and drawn two frames later, so that whatever is on the map already (the members) is
        // painted first; the timer covers pages that paint no frames (background tabs, screenshots).
        let asked = false;
        const draw = () => {
          if (!asked) void this.drawBasemap(key, background);
          asked = true;
        };
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(draw)));
        setTimeout(draw, 300);
      }, (error: unknown) => {
        this.credit(false);
        warnBasemap(url, error);
      });
    }
  }

  /** The lowest zoom the map allows, before any bounding to the basemap's area. */
  setLowestZoom(zoom: number): void {
    if (zoom === this.minZoom) return;
    this.minZoom = zoom;
    if (this.area) this.fitMinZoom();
    else this.map.setMinZoom(zoom);
  }

  /** Starts fetching what `show` will need, without parsing or drawing anything yet. */
  prefetch(background: Background): void {
    if (background.kind !== 'basemap') return;
    this.credit(true);
    prefetchBasemap(background.url).catch(() => undefined);
  }

  /**
   * The basemap's sources go into the attribution as soon as the basemap is on its way: added later,
   * the right-aligned attribution would grow to the left, a layout shift of its own.
   */
  private credit(on: boolean): void {
    if (on === this.credited) return;
    this.credited = on;
    if (on) this.map.attributionControl?.addAttribution(BASEMAP_ATTRIBUTION);
    else this.map.attributionControl?.removeAttribution(BASEMAP_ATTRIBUTION);
  }

  private async drawBasemap(key: string, background: Extract<Background, { kind: 'basemap' }>): Promise<void> {
    const { url } = background;
    if (this.shown !== key) return; // switched again meanwhile
    startSlice(); // a timer's task: parsing and the first countries share it
    let data: BasemapData;
    try {
      data = await fetchBasemap(url);
    } catch (error) {
      this.credit(false);
      return warnBasemap(url, error);
    }
    await this.draw(key, data, background.region);
  }

  /** Adds the basemap country by country, in slices that leave the page responsive. */
  private async draw(key: string, data: BasemapData, region?: string): Promise<void> {
    if (this.shown !== key || this.layer) return; // switched again meanwhile, or drawn already
    const layer = L.layerGroup();
    this.layer = layer;
    this.map.addLayer(layer);
    this.bound(data.area);
    for (const part of basemapLayers(data, region)) {
      if (sliceDue()) {
        await nextTask();
        if (this.layer !== layer) return; // cleared or switched meanwhile
      }
      layer.addLayer(part);
    }
  }

  /** Stops anything in flight from being added (the map is going away). */
  teardown(): void {
    this.shown = 'disposed';
    this.clear();
  }

  private clear(): void {
    this.unbound();
    if (this.layer) this.map.removeLayer(this.layer);
    this.layer = undefined;
  }

  /**
   * Keeps the view inside the basemap's area (its data stops there, at straight lines): panning ends
   * at its edges, and a map too large to lie inside it at the lowest zoom gets a higher lowest zoom,
   * from its size, whenever that changes. The area (scripts/basemap.js) is wide enough that a map up
   * to 1920 px wide still reaches zoom 4, and Germany still fills the height of a wide, short map.
   */
  private bound(area: BasemapData['area']): void {
    if (!area) return;
    this.area = L.latLngBounds([area[1], area[0]], [area[3], area[2]]);
    this.map.on('resize', this.fitMinZoom, this);
    this.fitMinZoom();
    this.map.setMaxBounds(this.area);
  }

  private unbound(): void {
    if (!this.area) return;
    this.area = undefined;
    this.map.off('resize', this.fitMinZoom, this);
    this.map.setMaxBounds(undefined);
    this.map.setMinZoom(this.minZoom);
  }

  /**
   * The lowest zoom at which the whole map lies inside the area (on the zoom steps), raised by less
   * than one whole level: markercluster builds its levels down to the lowest whole zoom when the
   * members are added and loses track of markers if that changes. The area is chosen so that this is
   * enough for maps up to about 3,200 × 1,450 px.
   */
  private fitMinZoom(): void {
    const { map, area } = this;
    if (!area) return;
    const current = map.getMinZoom();
    map.options.minZoom = this.minZoom; // getBoundsZoom answers nothing below the lowest zoom
    const inside = map.getBoundsZoom(area, true);
    map.options.minZoom = current;
    map.setMinZoom(Math.min(inside, this.minZoom + 0.75));
  }
}

function warnBasemap(url: string, error: unknown): void {
  console.warn(`<member-map>: the offline basemap ${url} could not be loaded:`, error);
}
