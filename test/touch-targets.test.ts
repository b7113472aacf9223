import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { shadow } from './helpers.js';
import { box, mount, SCREENS, visible } from './screens.js';

// Touch screens (Chromium's touch emulation, under which `(pointer: coarse)` matches): every target
// at least 24 × 24 CSS px (WCAG 2.2, 2.5.8), buttons 44 px. Chromium only: Firefox has no touch
// emulation to drive from a test.

describe('touch targets on phones', () => {
  after(async () => {
    await executeServerCommand('emulate-touch', { enabled: false });
    await setViewport({ width: 800, height: 600 });
  });

  for (const screen of SCREENS.filter((item) => item.touch)) {
    it(`${screen.name}: buttons 44 px, links, markers and clusters at least 24 px`, async () => {
      const el = await mount(screen);
      expect(matchMedia('(pointer: coarse)').matches, 'touch emulation').to.equal(true);
      const root = shadow(el);
      let buttons = 0;
      // Buttons that look like buttons; text links (and buttons styled as links) follow below.
      for (const button of root.querySelectorAll('button:not(.link-button), .leaflet-control-zoom a, .leaflet-popup-close-button')) {
        if (!visible(button) || button.matches('.skip-link')) continue;
        buttons += 1;
        const rect = box(button);
        expect(Math.min(rect.width, rect.height), `${button.className || button.textContent} ${rect.width}×${rect.height}`).to.be.at.least(44);
      }
      expect(buttons).to.be.at.least(8); // toolbar, zoom, consent, popup: the check saw them
      let targets = 0;
      for (const target of root.querySelectorAll('.leaflet-popup a, .link-button, .member-marker, .member-cluster')) {
        if (!visible(target)) continue;
        targets += 1;
        const rect = box(target);
        expect(Math.min(rect.width, rect.height), `${target.className || target.textContent} ${rect.width}×${rect.height}`).to.be.at.least(24);
      }
      expect(targets).to.be.at.least(3);
    });
  }
});
