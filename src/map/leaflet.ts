// Leaflet with markercluster, bundled as module-local code. The build plugin
// `markerclusterAsModule` (scripts/build-plugins.js) gives markercluster a private copy of Leaflet's
// ES namespace and makes this import return it, so the host page's `window.L` stays untouched.
import L from 'leaflet.markercluster/dist/leaflet.markercluster-src.js';

export default L;
