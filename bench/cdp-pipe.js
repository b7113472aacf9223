// A minimal DevTools-protocol client over Chromium's `--remote-debugging-pipe` (file descriptors 3
// and 4, messages separated by NUL bytes). The timing runs use it to read the page's main-thread
// busy time at the first clustered paint (Performance.getMetrics, see bench/run.js measureTimes) and,
// with --cpu-throttle, to throttle the page's CPU, without enabling DevTools' Network domain, which
// playwright always enables and which adds main-thread work of its own.

/** Extra `spawn` options and flags for a browser that takes protocol messages over a pipe. */
export const PIPE_ARGS = ['--remote-debugging-pipe'];
export const PIPE_STDIO = ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'];

/**
 * Connects to a browser spawned with PIPE_ARGS and PIPE_STDIO; `send` resolves with the result,
 * `on(method, listener)` hears events (listener gets `params` and the session id).
 */
export function pipeConnection(browserProcess) {
  const [, , , toBrowser, fromBrowser] = browserProcess.stdio;
  let nextId = 1;
  const pending = new Map();
  const listeners = new Map();
  let buffered = '';
  fromBrowser.on('data', (chunk) => {
    buffered += chunk.toString('utf8');
    let end;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      if (message.method) {
        for (const listener of listeners.get(message.method) ?? []) listener(message.params, message.sessionId);
        continue;
      }
      const waiter = message.id !== undefined && pending.get(message.id);
      if (!waiter) continue;
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter.resolve(message.result);
    }
  });
  fromBrowser.on('error', () => {});
  toBrowser.on('error', () => {});
  return {
    send(method, params = {}, sessionId) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
    on(method, listener) {
      if (!listeners.has(method)) listeners.set(method, []);
      listeners.get(method).push(listener);
    },
  };
}

/**
 * Attaches to the page whose address starts with `origin` and resolves with the session id. That
 * page (the benchmark's `/__go` page) later opens the page under test on the same origin, so the
 * renderer and what was set in this session (throttling, enabled domains, bindings) stay. (Chromium
 * lists pages of its own too, such as chrome://omnibox-popup…, in any order.)
 */
export async function attachToPage(connection, origin, { timeoutMs = 1200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { targetInfos } = await connection.send('Target.getTargets');
    const page = targetInfos.find((target) => target.type === 'page' && target.url.startsWith(origin));
    if (page) return (await connection.send('Target.attachToTarget', { targetId: page.targetId, flatten: true })).sessionId;
    if (Date.now() > deadline) throw new Error('no page to attach to');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Throttles the CPU of the attached page to `rate` (4: four times slower). */
export async function throttlePage(connection, sessionId, rate) {
  await connection.send('Emulation.setCPUThrottlingRate', { rate }, sessionId);
}

/**
 * Arranges that the page's main-thread metrics are read the moment the page calls
 * `window.__benchBusy(name)` (the probe does at the first clustered paint, 'paint', and just before
 * it reports, 'report'; bench/pages.js): the call arrives as a binding event and the metrics are
 * asked for at once. Returns `reading(name)`, a promise of the first reading under that name:
 * Performance.getMetrics as an object (TaskDuration etc. in seconds; Timestamp and NavigationStart
 * in seconds of the same clock).
 *
 * Chromium resets these counters when the page navigates (measured: a 500 ms busy loop on the
 * blank first page does not show in the next page's TaskDuration), so they cover the page under
 * test from its navigation on. Runtime.addBinding only calls back once Runtime is enabled.
 */
export async function watchBusy(connection, sessionId, { timeDomain = 'threadTicks' } = {}) {
  const readings = new Map();
  const reading = (name) => {
    if (!readings.has(name)) {
      let settle;
      const promise = new Promise((resolve) => (settle = resolve));
      readings.set(name, { promise, settle, asked: false });
    }
    return readings.get(name);
  };
  connection.on('Runtime.bindingCalled', (params, from) => {
    if (from !== sessionId || params.name !== '__benchBusy') return;
    const entry = reading(params.payload);
    if (entry.asked) return;
    entry.asked = true;
    connection.send('Performance.getMetrics', {}, sessionId).then(
      ({ metrics }) => entry.settle(Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]))),
      (error) => entry.settle({ error: String(error) }),
    );
  });
  await connection.send('Runtime.enable', {}, sessionId);
  await connection.send('Runtime.addBinding', { name: '__benchBusy' }, sessionId);
  await connection.send('Performance.enable', { timeDomain }, sessionId);
  return { reading: (name) => reading(name).promise };
}
