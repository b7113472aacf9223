// Fullscreen: loaded on the first press of its button (src/features/load.ts, FullscreenController).
import type { ReactiveControllerHost } from 'lit';

const FALLBACK = 'fullscreen-fallback';

/**
 * Fullscreen for the whole element: the Fullscreen API where the page allows it, otherwise (iframes
 * without `allowfullscreen`, older iOS) the element fills the viewport until Escape or the button.
 */
export class Fullscreen {
  active = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    document.addEventListener('fullscreenchange', this.sync);
  }

  /** Removes what the constructor added, and leaves the fallback. */
  teardown(): void {
    document.removeEventListener('fullscreenchange', this.sync);
    this.leaveFallback();
  }

  readonly toggle = async () => {
    if (this.active) return this.exit();
    try {
      if (!this.host.requestFullscreen) throw new Error('no Fullscreen API');
      await this.host.requestFullscreen();
    } catch {
      this.host.setAttribute(FALLBACK, '');
      document.addEventListener('keydown', this.exitOnEscape);
      this.sync();
    }
  };

  private async exit(): Promise<void> {
    if (document.fullscreenElement === this.host) await document.exitFullscreen();
    this.leaveFallback();
  }

  private leaveFallback(): void {
    if (!this.host.hasAttribute(FALLBACK)) return;
    this.host.removeAttribute(FALLBACK);
    document.removeEventListener('keydown', this.exitOnEscape);
    this.sync();
  }

  private readonly exitOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) this.leaveFallback();
  };

  private readonly sync = () => {
    this.active = document.fullscreenElement === this.host || this.host.hasAttribute(FALLBACK);
    this.host.requestUpdate();
  };
}
