import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MemberMap } from '../src/member-map.js';
import { loadedMap, shadow, visibleCounts } from '../test/helpers.js';

const SAMPLE = new URL('/data/members.geojson', location.href).href;
const statusText = (el: HTMLElement) => shadow(el).querySelector('[part="status"]')!.textContent!.trim();
let run = 0;
async function search(el: MemberMap, text: string) {
  const input = shadow(el).querySelector<HTMLInputElement>('[part="search"]')!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await new Promise((resolve) => setTimeout(resolve, 300));
  await waitUntil(() => !statusText(el).startsWith('Suche den Ort'), 'places loaded', { timeout: 5000 });
  await el.updateComplete;
}
it('counts over time', async function () {
  this.timeout(120000);
  const el = await loadedMap(SAMPLE, { 'places-url': `/places-${Date.now()}/member-map-places.json`, nearest: '3' });
  const log: string[] = [];
  for (const q of ['Muenchen', 'sipplingen', 'Kiel', 'Hamburg', 'Hannover', 'Bremerhaven', 'Düsseldorf', 'Wiesbaden', 'Mainz', 'Stuttgart', 'Bamberg', 'Berlin', 'Cottbus', 'GERA']) {
    await search(el, q);
    const samples: string[] = [];
    const t0 = performance.now();
    for (let i = 0; i < 30; i++) {
      const c = visibleCounts(el);
      const root = shadow(el);
      samples.push(`${Math.round(performance.now() - t0)}:${c.total}${root.querySelector('.leaflet-zoom-anim') ? 'A' : ''}${root.querySelector('.leaflet-cluster-anim') ? 'C' : ''}`);
      if (c.total === 3 && i > 3) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    log.push(`${q} [${statusText(el)}] ${samples.join(' ')}`);
  }
  console.log((navigator.userAgent.includes('Firefox') ? 'FF\n' : 'CR\n') + log.join('\n'));
});
