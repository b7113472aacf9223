declare module 'leaflet.markercluster/dist/leaflet.markercluster-src.js' {
  import type * as Leaflet from 'leaflet';
  import 'leaflet.markercluster';

  const L: typeof Leaflet;
  export default L;
}
