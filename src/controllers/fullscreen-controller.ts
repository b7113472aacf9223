import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Fullscreen } from '../features/fullscreen.js';
import type { Strings } from '../i18n/index.js';
import { FeatureController } from './feature-controller.js';

/**
 * The fullscreen button: its work (src/features/fullscreen.ts) loads on the first press, or as soon as
 * the pointer or the focus reaches the button, so that it is usually there by the click.
 */
export class FullscreenController implements ReactiveController {
  private readonly part: FeatureController<'fullscreen'>;
  private fullscreen?: Fullscreen;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    this.part = new FeatureController(host, 'fullscreen');
  }

  get active(): boolean {
    return this.fullscreen?.active ?? false;
  }

  hostDisconnected(): void {
    this.fullscreen?.teardown();
    this.fullscreen = undefined;
  }

  readonly prepare = () => void this.part.load();

  readonly toggle = async () => {
    const module = await this.part.load();
    if (!module || !this.host.isConnected) return;
    this.fullscreen ??= new module.Fullscreen(this.host);
    await this.fullscreen.toggle();
  };

  /** Where the part could not be loaded: the message with a retry (the button would do nothing). */
  renderFailure(strings: Strings) {
    return this.part.renderFailure(strings);
  }
}
