import { expect } from '@open-wc/testing';
import { nextTask, SLICE_MS, sliceDue, startSlice } from '../src/next-task.js';

/** Keeps the main thread busy for `ms`, as a loading step would. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* spin */
  }
}

describe('loading slices', () => {
  it('a slice is due once it has run SLICE_MS, and a new task starts a new one', async () => {
    await nextTask();
    expect(sliceDue()).to.equal(false);
    busy(SLICE_MS + 2);
    expect(sliceDue()).to.equal(true);
    await nextTask();
    expect(sliceDue()).to.equal(false);
  });

  it('keeps room for a step that cannot be cut', async () => {
    await nextTask();
    busy(SLICE_MS - 10);
    expect(sliceDue()).to.equal(false);
    expect(sliceDue(15)).to.equal(true);
  });

  it('startSlice counts from now in a task that nextTask did not begin', async () => {
    await new Promise((resolve) => setTimeout(resolve, SLICE_MS + 5));
    expect(sliceDue(), 'the last slice began in an earlier task').to.equal(true);
    startSlice();
    expect(sliceDue()).to.equal(false);
  });

  it('nextTask resumes in a later task, after tasks queued before it, in order', async () => {
    const order: string[] = [];
    const other = new MessageChannel();
    other.port1.onmessage = () => order.push('queued before');
    other.port2.postMessage(null);
    const first = nextTask().then(() => order.push('first'));
    const second = nextTask().then(() => order.push('second'));
    order.push('sync');
    await Promise.all([first, second]);
    other.port1.close();
    expect(order).to.deep.equal(['sync', 'queued before', 'first', 'second']);
  });
});
