import type { ReactiveController, ReactiveControllerHost } from 'lit';

const PREFIX = '#member-map=';

/**
 * Deep links: `#member-map=<id>` in the page URL opens that member. The prefix keeps the element's
 * fragments apart from the host page's own anchors.
 */
export class FragmentController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly onId: (id: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.read);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.read);
  }

  /** The id in the current URL, if any. */
  get id(): string {
    return location.hash.startsWith(PREFIX) ? decodeURIComponent(location.hash.slice(PREFIX.length)) : '';
  }

  private readonly read = () => {
    if (this.id) this.onId(this.id);
  };
}
