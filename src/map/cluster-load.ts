import L from './leaflet.js';
import { nextTask } from '../next-task.js';
import { phase } from '../phase.js';
import type { Map as LeafletMap, Marker, MarkerClusterGroup, MarkerClusterGroupOptions } from 'leaflet';

/**
 * markercluster's slice length (ms): it checks the clock only every 200 markers (see below), so its
 * slices run a few ms over this; with that they stay near SLICE_MS (src/next-task.ts).
 */
export const CLUSTER_CHUNK_MS = 8;

/**
 * One run of markercluster's chunked `addLayers` on a fresh cluster group.
 *
 * markercluster cannot interrupt a run, and removing the group or the map in the middle of one makes
 * its next chunk throw. `stop()` therefore skips the markers not yet clustered and calls back once
 * the run has wound down (within one chunk); only then may the group or the map be removed.
 */
export class ClusterLoad {
  readonly group: MarkerClusterGroup;
  /** true once every marker is clustered and on the map; false when stopped first. */
  readonly done: Promise<boolean>;
  /** The lowest zoom markercluster built its levels for: the map must not zoom out further. */
  readonly lowestZoom: number;
  private running = true;
  private settle!: (completed: boolean) => void;
  private afterStop?: () => void;

  constructor(map: LeafletMap, markers: Marker[], options: MarkerClusterGroupOptions) {
    this.done = new Promise((resolve) => (this.settle = resolve));
    this.lowestZoom = Math.floor(map.getMinZoom());
    this.group = L.markerClusterGroup({
      ...options,
      chunkedLoading: true,
      // Short slices, each a task of its own (the pause between them is a zero-delay task, see
      // scripts/build-plugins.js). markercluster looks at the clock only every 200 markers, so a
      // slice runs over this by up to a few milliseconds (more with a GC pause).
      chunkInterval: CLUSTER_CHUNK_MS,
      chunkProgress: (processed, total) => {
        // Adding the group to the map runs an empty batch first (0 of 0); wait for ours.
        if (processed < total || total !== markers.length) return;
        // markercluster puts the clusters on the map right after this callback, in the same task;
        // what follows (the load event, the element's update) gets a task of its own. (Finishing in
        // the same task when it was short was tried: no measurable gain, see docs/performance.md.)
        void nextTask().then(() => this.finish());
      },
    });
    // On the map first: markers added before that are checked against each other one by one
    // (markercluster's hasLayer scans its waiting list), which is quadratic.
    map.addLayer(this.group);
    if (markers.length > 0) this.group.addLayers(markers, true);
  }

  stop(then: () => void): void {
    if (!this.running) return then();
    // Private markercluster hook (1.5.x): the rest of the run skips its markers.
    (this.group as unknown as { _addLayer: () => void })._addLayer = () => {};
    this.afterStop = then;
  }

  private finish(): void {
    phase('clustered');
    this.running = false;
    this.settle(!this.afterStop);
    this.afterStop?.();
  }
}
