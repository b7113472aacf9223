import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { loadedMap, shadow } from '../test/helpers.js';

async function centre(svg: SVGSVGElement): Promise<number[]> {
  const { width, height } = svg.getBoundingClientRect();
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width);
  canvas.height = Math.round(height);
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const p = context.getImageData(0, 0, canvas.width, canvas.height);
  const c = ((p.height >> 1) * p.width + (p.width >> 1)) * 4;
  return [...p.data.slice(c, c + 3)];
}

it('basemap geometry', async () => {
  const el = await loadedMap('members.geojson');
  await waitUntil(() => shadow(el).querySelector('.city-label'), 'basemap drawn', { timeout: 5000 });
  const svg = shadow(el).querySelector<SVGSVGElement>('.leaflet-member-map-basemap-pane svg')!;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.removeAttribute('style');
  document.body.append(clone);
  clone.style.position = 'absolute';
  console.log(navigator.userAgent.includes('Firefox') ? 'FF' : 'CR', 'as is', await centre(svg), 'without transform', await centre(clone));
  clone.remove();
  const c = shadow(el).querySelector('.leaflet-container')!.getBoundingClientRect();
  await executeServerCommand('shot', { name: navigator.userAgent.includes('Firefox') ? 'firefox' : 'chromium', rect: [c.x, c.y, c.width, c.height] });
});
