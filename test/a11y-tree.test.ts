import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { de } from '../src/i18n/de.js';
import { loadedMap, shadow } from './helpers.js';

/** One node of Chromium's accessibility tree, as scripts/test-plugins.js hands it over. */
interface AXNode {
  id: string;
  role: string;
  name: string;
  ignored: boolean;
  childIds: string[];
}

/** Roles under which Chromium exposes a picture: an unnamed one is announced as "image" and nothing else. */
const PICTURE_ROLES = new Set(['image', 'img', 'SvgRoot', 'graphics-document', 'Canvas', 'canvas']);

/**
 * What a screen reader meets inside the map: the nodes it is not told to ignore, in reading order,
 * below the map's own node (role application, named by the map label). Chromium only: it needs CDP.
 */
async function mapTree(): Promise<AXNode[]> {
  const nodes = (await executeServerCommand('accessibility-tree')) as AXNode[] | false;
  if (!nodes) throw new Error('no accessibility tree: this test needs Chromium');
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const map = nodes.filter((node) => node.role === 'application' && node.name === de.mapLabel);
  expect(map, 'the map, once in the accessibility tree').to.have.length(1);
  const seen: AXNode[] = [];
  const walk = (node: AXNode) => {
    if (!node.ignored) seen.push(node);
    // An ignored node (a plain div) can still hold nodes that are read: walk through it.
    for (const id of node.childIds) {
      const child = byId.get(id);
      if (child) walk(child);
    }
  };
  for (const id of map[0].childIds) walk(byId.get(id)!);
  return seen;
}

const describeNode = (node: AXNode) => `${node.role} "${node.name}"`;

/**
 * The basemap is drawn in slices after the members, its city labels last. The test server builds the
 * basemap file on its first request, which on a busy machine takes seconds: a generous guard.
 */
const BASEMAP_WAIT_MS = 20_000;
async function basemapDrawn(el: HTMLElement): Promise<string[]> {
  await waitUntil(() => shadow(el).querySelector('.city-label'), 'basemap drawn', { timeout: BASEMAP_WAIT_MS });
  return [...shadow(el).querySelectorAll('.city-label')].map((label) => label.textContent!.trim());
}

describe('the accessibility tree inside the map', () => {
  it('holds no unnamed picture and no basemap label, but the members, clusters, zoom buttons and credits', async function () {
    this.timeout(BASEMAP_WAIT_MS + 10_000);
    const el = await loadedMap('members.geojson');
    const cities = await basemapDrawn(el);
    expect(cities.length, 'city labels on the basemap (else this test proves nothing)').to.be.greaterThan(3);
    const tree = await mapTree();

    const unnamedPictures = tree.filter((node) => PICTURE_ROLES.has(node.role) && !node.name.trim());
    expect(unnamedPictures.map(describeNode), 'unnamed pictures').to.deep.equal([]);
    const labels = tree.filter((node) => cities.includes(node.name.trim()));
    expect(labels.map(describeNode), 'basemap labels').to.deep.equal([]);

    // What must stay: hiding the whole map would pass the two checks above.
    const names = tree.map((node) => node.name);
    const clusters = shadow(el).querySelectorAll('.member-cluster').length;
    const markers = [...shadow(el).querySelectorAll<HTMLElement>('.member-marker')].map((marker) => marker.title);
    expect(clusters + markers.length, 'members on the map').to.be.greaterThan(0);
    expect(names.filter((name) => /^Gruppe mit \d+ Mitgliedern$/.test(name)), 'clusters').to.have.length(clusters);
    for (const title of markers) expect(names, 'member marker').to.include(title);
    expect(names).to.include.members([de.zoomIn, de.zoomOut]);
    expect(tree.some((node) => node.role === 'link' && node.name === 'Natural Earth'), 'the basemap credit').to.be.true;
    expect(tree.some((node) => node.role === 'link' && node.name.includes('GeoBasis-DE')), 'the BKG credit').to.be.true;
  });

  it('reads an open popup: the member, the contact lines and the close button', async function () {
    this.timeout(BASEMAP_WAIT_MS + 10_000);
    const el = await loadedMap('members.geojson');
    await basemapDrawn(el);
    const selected = oneEvent(el, 'member-map-select');
    el.selected = 'hd';
    const { detail } = await selected;
    const tree = await mapTree();
    const title = detail.member.name ?? detail.member.role ?? detail.member.municipality;
    expect(tree.some((node) => node.role === 'group' && node.name === title), `the popup "${title}"`).to.be.true;
    expect(tree.some((node) => node.role === 'button' && node.name === de.closePopup), 'its close button').to.be.true;
    expect(tree.some((node) => node.role === 'button' && node.name === de.contactButton), 'its contact button').to.be.true;
    expect(tree.filter((node) => PICTURE_ROLES.has(node.role) && !node.name.trim()).map(describeNode)).to.deep.equal([]);
  });
});
