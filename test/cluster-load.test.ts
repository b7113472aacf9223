import { expect } from '@open-wc/testing';
import L from '../src/map/leaflet.js';
import { ClusterLoad } from '../src/map/cluster-load.js';
import { nextTask } from '../src/next-task.js';

describe('ClusterLoad', () => {
  let container: HTMLDivElement;
  let map: L.Map;
  const markers = (count: number) =>
    Array.from({ length: count }, (_, i) => L.marker([47.5 + (i % 10) * 0.7, 6 + Math.floor(i / 10) * 0.9]));

  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
    container.style.cssText = 'width: 600px; height: 400px';
    map = L.map(container, { maxZoom: 14, minZoom: 4 }).setView([51, 10], 5);
  });
  afterEach(() => {
    map.remove();
    container.remove();
  });

  /** Resolves with the load's result and whether a task queued before it ran first. */
  async function race(
    start: () => ClusterLoad,
  ): Promise<{ completed: boolean; otherTaskFirst: boolean; icons: number; clustered: number }> {
    let otherTaskFirst = false;
    const other = new MessageChannel();
    other.port1.onmessage = () => (otherTaskFirst = true);
    other.port2.postMessage(null);
    const load = start();
    const completed = await load.done;
    const icons = container.querySelectorAll('.leaflet-marker-icon').length;
    const result = { completed, otherTaskFirst, icons, clustered: load.group.getLayers().length };
    other.port1.close();
    return result;
  }

  it('clusters every marker onto the map, and completes in a task after markercluster\'s own', async () => {
    await nextTask(); // a fresh slice: markercluster's first chunk and closing step run in this task
    const result = await race(() => new ClusterLoad(map, markers(50), {}));
    expect(result).to.include({ completed: true, otherTaskFirst: true, clustered: 50 });
    expect(result.icons).to.be.greaterThan(0);
  });

  it('settles false when stopped before it finished, and calls back once it has wound down', async () => {
    const load = new ClusterLoad(map, markers(3000), {});
    let calledBack = false;
    load.stop(() => (calledBack = true));
    expect(await load.done).to.equal(false);
    expect(calledBack).to.equal(true);
  });
});
