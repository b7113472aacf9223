import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Strings } from '../i18n/index.js';
import { FeatureController } from './feature-controller.js';

interface ContactHost extends ReactiveControllerHost, HTMLElement {
  contactEmail: string;
  contactName: string;
  contactSubject: string;
}

/**
 * The "Mitglied werden" panel: opened from the map button or any popup, closed with its button or
 * Escape; focus moves into the panel and returns to whatever opened it.
 */
export class ContactController implements ReactiveController {
  isOpen = false;
  private returnFocusTo: HTMLElement | null = null;
  private focusPanel = false;

  /** The panel's template, loaded on first open (the button is part of the first paint). */
  private readonly panel: FeatureController<'contact'>;

  constructor(private readonly host: ContactHost) {
    host.addController(this);
    this.panel = new FeatureController(host, 'contact');
  }

  /** An event handler: the element that received the event gets the focus back on close. */
  readonly open = (event: Event) => {
    this.returnFocusTo = event.currentTarget as HTMLElement;
    this.isOpen = true;
    this.focusPanel = true;
    this.host.requestUpdate();
  };

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => target?.isConnected && target.focus());
  }

  hostUpdated(): void {
    if (!this.focusPanel) return;
    // The panel may still be loading (its first open): the focus moves once it is drawn.
    const panel = this.host.shadowRoot?.querySelector<HTMLElement>('.contact-panel');
    if (!panel && this.isOpen && !this.panel.failed) return;
    this.focusPanel = false;
    panel?.focus();
  }

  /** The "Mitglied werden?" button. */
  renderButton(strings: Strings) {
    return html`
      <button
        type="button"
        part="contact-button"
        class="contact-button"
        aria-haspopup="dialog"
        aria-expanded=${this.isOpen ? 'true' : 'false'}
        @click=${this.open}
      >
        ${strings.contactButton}
      </button>
    `;
  }

  /** The panel, when open (over the map or the list); focus moves into it once it is there. */
  renderPanel(strings: Strings) {
    if (!this.isOpen) return nothing;
    const feature = this.panel.get();
    if (!feature) return this.panel.renderFailure(strings);
    return feature.contactPanel({
      strings,
      email: this.host.contactEmail,
      name: this.host.contactName,
      subject: this.host.contactSubject,
      onClose: () => this.close(),
      onKeydown: this.handleKeydown,
    });
  }

  private readonly handleKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation(); // Leaflet would also close an open popup on Escape
    this.close();
  };
}
