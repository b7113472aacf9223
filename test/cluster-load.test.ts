import { expect } from '@open-wc/testing';
import L from '../src/map/leaflet.js';
import { ClusterLoad } from '../src/map/cluster-load.js';
import { nextTask, SLICE_MS } from '../src/next-task.js';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* spin: the slice is used up by earlier work */
  }
}

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
  async function race(load: () => ClusterLoad): Promise<{ completed: boolean; otherTaskFirst: boolean; icons: number }> {
    let otherTaskFirst = false;
    const other = new MessageChannel();
    other.port1.onmessage = () => (otherTaskFirst = true);
    other.port2.postMessage(null);
    const completed = await load().done;
    const result = { completed, otherTaskFirst, icons: container.querySelectorAll('.leaflet-marker-icon').length };
    other.port1.close();
    return result;
  }

  it('completes a small load in the task it started in, with the clusters on the map', async () => {
    await nextTask(); // a fresh slice
    const result = await race(() => new ClusterLoad(map, markers(50), {}));
    expect(result).to.include({ completed: true, otherTaskFirst: false });
    expect(result.icons).to.be.greaterThan(0);
  });

  it('gives the page a turn first when the slice was already used up', async () => {
    await nextTask();
    busy(SLICE_MS + 5);
    const result = await race(() => new ClusterLoad(map, markers(50), {}));
    expect(result).to.include({ completed: true, otherTaskFirst: true });
    expect(result.icons).to.be.greaterThan(0);
  });

  it('settles false when stopped before the markers are clustered, and calls back', async () => {
    const load = new ClusterLoad(map, markers(3000), {});
    let calledBack = false;
    load.stop(() => (calledBack = true));
    expect(await load.done).to.equal(false);
    expect(calledBack).to.equal(true);
  });
});
