import type { Strings } from '../i18n/index.js';

const HINT_MS = 1500;
const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * The map never hijacks page scrolling: the mouse wheel zooms only with Ctrl (⌘ on a Mac), one finger
 * scrolls the page and two fingers move the map. Anything else shows a short hint over the map.
 * (leaflet-gesture-handling does this too, but reads a global `L`, ships 18 KB of translations and
 * looks for its hint with `document.getElementsByClassName`, which cannot see into a shadow root.)
 */
export class GestureHandling {
  private readonly hint: HTMLElement;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly wrapper: HTMLElement,
    private readonly strings: () => Strings,
  ) {
    this.hint = wrapper.appendChild(document.createElement('div'));
    this.hint.className = 'gesture-hint';
    this.hint.setAttribute('aria-hidden', 'true'); // a pointer hint; keyboard users never need it
    wrapper.addEventListener('wheel', this.onWheel, { capture: true });
    wrapper.addEventListener('touchmove', this.onTouchMove, { passive: true });
  }

  teardown(): void {
    clearTimeout(this.timer);
    this.wrapper.removeEventListener('wheel', this.onWheel, { capture: true });
    this.wrapper.removeEventListener('touchmove', this.onTouchMove);
    this.hint.remove();
  }

  private readonly onWheel = (event: WheelEvent) => {
    if (event.ctrlKey || event.metaKey) {
      this.hide();
      return; // Leaflet zooms and prevents the browser's page zoom
    }
    event.stopPropagation(); // Leaflet never sees it; the page scrolls as usual
    this.show(this.strings().wheelHint(isMac()));
  };

  private readonly onTouchMove = (event: TouchEvent) => {
    if (event.touches.length === 1) this.show(this.strings().touchHint);
    else this.hide();
  };

  private show(text: string): void {
    this.hint.textContent = text;
    this.hint.classList.add('visible');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.hide(), HINT_MS);
  }

  private hide(): void {
    this.hint.classList.remove('visible');
  }
}
