import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MemberMap } from '../src/member-map.js';
import { FIXTURES, loadedMap, nextFrame, shadow, visibleCounts } from './helpers.js';

async function openMember(el: MemberMap, id: string): Promise<HTMLElement> {
  const selected = oneEvent(el, 'member-map-select');
  el.selected = id;
  await selected;
  // A closing popup fades out for a moment; the newest one is last.
  return [...shadow(el).querySelectorAll<HTMLElement>('.leaflet-popup .member-card')].at(-1)!;
}

describe('<member-map> loading and clustering', () => {
  it('shows every member of the file as a marker or inside a cluster', async () => {
    const el = document.createElement('member-map');
    el.style.width = '800px';
    const loaded = oneEvent(el, 'member-map-load');
    el.src = `${FIXTURES}members.geojson`;
    await fixture(html`<div>${el}</div>`);
    const { detail } = await loaded;
    expect(detail).to.deep.equal({ count: 12, skipped: [] });
    const counts = visibleCounts(el);
    expect(counts.total).to.equal(12);
    expect(counts.markers).to.be.greaterThan(0);
    expect(counts.clusters).to.be.greaterThan(0);
    expect(shadow(el).querySelectorAll('.leaflet-container')).to.have.length(1);
  });

  it('shows a polite status while the file loads, then the count', async () => {
    const el = document.createElement('member-map');
    const key = `status-${Math.random().toString(36).slice(2)}`;
    el.src = `/held/${key}/test/fixtures/members.geojson`;
    const loaded = oneEvent(el, 'member-map-load');
    await fixture(html`<div style="width:600px">${el}</div>`);
    await el.updateComplete; // its first render comes in a task of its own
    const status = shadow(el).querySelector<HTMLElement>('[part="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    await waitUntil(() => status.textContent!.trim() === 'Lade Mitglieder…', 'loading status shown');
    expect(status.getBoundingClientRect().width).to.be.greaterThan(50); // visible, not only announced
    await fetch(`/release/${key}`); // the server answers only now
    await loaded;
    await el.updateComplete;
    expect(status.textContent!.trim()).to.equal('12 Mitglieder auf der Karte');
  });

  it('clusters large files in chunks without losing a member', async () => {
    const features = Array.from({ length: 3000 }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [6 + (i % 60) * 0.15, 47.5 + Math.floor(i / 60) * 0.15] },
      properties: { id: `m${i}`, municipality: `Ort ${i}` },
    }));
    const el = document.createElement('member-map');
    const loaded = oneEvent(el, 'member-map-load');
    el.data = { type: 'FeatureCollection', features };
    await fixture(html`<div style="width:800px">${el}</div>`);
    expect((await loaded).detail.count).to.equal(3000);
    expect(visibleCounts(el).total).to.equal(3000);
  });

  it('lets the data property win over src', async () => {
    const el = document.createElement('member-map');
    el.src = `${FIXTURES}members.geojson`;
    el.data = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [7, 51] }, properties: { id: 'x', municipality: 'X' } }],
    };
    const loaded = oneEvent(el, 'member-map-load');
    await fixture(html`<div style="width:600px">${el}</div>`);
    expect((await loaded).detail.count).to.equal(1);
    expect(visibleCounts(el)).to.deep.equal({ markers: 1, clusters: 0, total: 1 });
  });

  it('is accessible once loaded (axe)', async () => {
    const el = await loadedMap('members.geojson');
    await expect(el).to.be.accessible();
  });
});

describe('<member-map> popups', () => {
  it('opens a popup when a marker is clicked and fires member-map-select', async () => {
    const el = await loadedMap('members.geojson');
    const marker = shadow(el).querySelector<HTMLElement>('.member-marker')!;
    const selected = oneEvent(el, 'member-map-select');
    marker.click();
    const { detail } = await selected;
    expect(marker.title).to.contain(detail.member.municipality);
    expect(detail.id).to.equal(detail.member.id);
    expect(el.selected).to.equal(detail.id);
    await el.updateComplete;
    expect(el.getAttribute('selected')).to.equal(detail.id);
    const card = shadow(el).querySelector('.leaflet-popup .member-card')!;
    expect(card.textContent).to.contain(detail.member.municipality);
  });

  it('shows name, role, organisation, place and safe contact links', async () => {
    const el = await loadedMap('members.geojson');
    const card = await openMember(el, 'hd');
    const text = card.textContent!.replace(/\s+/g, ' ');
    for (const part of [
      'Erika Beispiel',
      'Beauftragte für Bürgerbeteiligung',
      'Stadt Heidelberg, Koordinierungsstelle Bürgerbeteiligung',
      'Heidelberg, Baden-Württemberg',
    ]) {
      expect(text).to.contain(part);
    }
    const hrefs = [...card.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['mailto:buergerbeteiligung@example.org', 'tel:+496221000000', 'https://www.example.org/heidelberg']);
    const website = card.querySelector<HTMLAnchorElement>('a[href^="https:"]')!;
    expect(website.rel).to.equal('noopener noreferrer');
    expect(website.target).to.equal('_blank');
    expect(website.textContent).to.equal('www.example.org/heidelberg');
  });

  it('reads spam-safe emails and bare www. websites', async () => {
    const el = await loadedMap('members.geojson');
    let card = await openMember(el, 'ma');
    expect(card.querySelector('a')!.getAttribute('href')).to.equal('mailto:beteiligung@example.org');
    card = await openMember(el, 'ka');
    expect(card.querySelector('a')!.getAttribute('href')).to.equal('https://www.example.org/karlsruhe');
  });

  it('uses the role as title when a member has no name', async () => {
    const el = await loadedMap('members.geojson');
    const card = await openMember(el, 'm');
    expect(card.querySelector('.member-card__title')!.textContent).to.equal('Beauftragte für Bürgerbeteiligung');
    expect(card.querySelector('.member-card__role')).to.equal(null);
  });

  it('opens the member given in the selected attribute once loaded', async () => {
    const el = document.createElement('member-map');
    el.setAttribute('selected', 'l2');
    const selected = oneEvent(el, 'member-map-select');
    el.src = `${FIXTURES}members.geojson`;
    await fixture(html`<div style="width:700px">${el}</div>`);
    expect((await selected).detail.id).to.equal('l2');
    expect(shadow(el).querySelector('.leaflet-popup')!.textContent).to.contain('Kinder- und Jugendbeteiligung');
  });
});

describe('<member-map> "Mitglied werden?"', () => {
  it('opens a panel with a prefilled mailto link to the coordinator', async () => {
    const el = await loadedMap('members.geojson');
    const button = shadow(el).querySelector<HTMLButtonElement>('[part="contact-button"]')!;
    expect(button.textContent!.trim()).to.equal('Mitglied werden?');
    expect(shadow(el).querySelector('[part="contact-panel"]')).to.equal(null);
    button.click();
    await el.updateComplete;
    const panel = shadow(el).querySelector<HTMLElement>('[part="contact-panel"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(panel.textContent).to.contain('Beschäftigte kommunaler Verwaltungen');
    expect(panel.textContent).to.contain('Marion Stock');
    expect(panel.querySelector('a')!.getAttribute('href')).to.equal(
      'mailto:stock@netzwerk-buergerbeteiligung.de?subject=Mitglied%20werden%20im%20Netzwerk%20kommunale%20Partizipationsbeauftragte',
    );
    expect(shadow(el).activeElement).to.equal(panel);
  });

  it('builds the link from contact-email (name(at)domain), contact-name and contact-subject', async () => {
    const el = await loadedMap('members.geojson', {
      'contact-email': 'koordination(at)example.org',
      'contact-name': 'Die Koordination',
      'contact-subject': 'Aufnahme',
    });
    shadow(el).querySelector<HTMLButtonElement>('[part="contact-button"]')!.click();
    await el.updateComplete;
    const panel = shadow(el).querySelector('[part="contact-panel"]')!;
    expect(panel.querySelector('a')!.getAttribute('href')).to.equal('mailto:koordination@example.org?subject=Aufnahme');
    expect(panel.textContent).to.contain('Die Koordination');
    expect(panel.textContent).to.contain('koordination@example.org');
  });

  it('opens with Enter and Space, closes with Escape and returns focus to the button', async () => {
    const el = await loadedMap('members.geojson');
    const button = shadow(el).querySelector<HTMLButtonElement>('[part="contact-button"]')!;
    const panel = () => shadow(el).querySelector<HTMLElement>('[part="contact-panel"]');
    for (const key of ['Enter', 'Space']) {
      button.focus();
      await sendKeys({ press: key });
      await el.updateComplete;
      expect(panel(), key).to.not.equal(null);
      expect(shadow(el).activeElement).to.equal(panel());
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      await nextFrame();
      expect(panel()).to.equal(null);
      expect(shadow(el).activeElement).to.equal(button);
    }
  });

  it('is offered at the end of every popup and returns focus there', async () => {
    const el = await loadedMap('members.geojson');
    const card = await openMember(el, 's');
    const join = card.lastElementChild as HTMLButtonElement;
    expect(join.textContent).to.equal('Mitglied werden?');
    join.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="contact-panel"]')).to.not.equal(null);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await nextFrame();
    expect(shadow(el).querySelector('[part="contact-panel"]')).to.equal(null);
    expect(shadow(el).activeElement).to.equal(join);
    expect(shadow(el).querySelector('.leaflet-popup'), 'Escape in the panel leaves the popup open').to.not.equal(null);
  });

  it('closes with its close button', async () => {
    const el = await loadedMap('members.geojson');
    shadow(el).querySelector<HTMLButtonElement>('[part="contact-button"]')!.click();
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>('[part="contact-panel"] .close')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="contact-panel"]')).to.equal(null);
  });
});

describe('<member-map> languages', () => {
  it('speaks German by default and English with lang="en" on an ancestor', async () => {
    const de = await loadedMap('members.geojson');
    expect(shadow(de).querySelector('[part="contact-button"]')!.textContent!.trim()).to.equal('Mitglied werden?');
    expect(shadow(de).querySelector('[role="region"]')!.getAttribute('aria-label')).to.contain('Karte');

    const el = document.createElement('member-map');
    const loaded = oneEvent(el, 'member-map-load');
    el.src = `${FIXTURES}members.geojson`;
    await fixture(html`<section lang="en-GB" style="width:700px">${el}</section>`);
    await loaded;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="contact-button"]')!.textContent!.trim()).to.equal('Become a member?');
    expect(shadow(el).querySelector('[part="status"]')!.textContent!.trim()).to.equal('12 members on the map');
    expect(shadow(el).querySelector('.member-cluster')!.getAttribute('aria-label')).to.match(/^Group of \d+ members$/);
  });

  it('follows its own lang attribute, also when it changes', async () => {
    const el = await loadedMap('members.geojson', { lang: 'en' });
    expect(shadow(el).querySelector('[part="contact-button"]')!.textContent!.trim()).to.equal('Become a member?');
    el.setAttribute('lang', 'de');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="contact-button"]')!.textContent!.trim()).to.equal('Mitglied werden?');
    expect(shadow(el).querySelector('.member-cluster')!.getAttribute('aria-label')).to.match(/^Gruppe mit \d+ Mitgliedern$/);
  });
});
