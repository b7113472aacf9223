import { LitElement, html, nothing, render, type PropertyValues } from 'lit';
import { ResizeController } from '@lit-labs/observers/resize-controller.js';
import { MemberDataError, parseMembers, type Member, type SkippedFeature } from './data/members.js';
import { fetchMemberJson } from './data/fetch-members.js';
import { languageOf, stringsFor, type Strings } from './i18n/index.js';
import { MemberMapView } from './map/member-map-view.js';
import { contactPanel } from './templates/contact-panel.js';
import { memberCard } from './templates/member-card.js';
import { memberMapStyles, vendorStyles } from './styles/member-map.styles.js';

export interface MemberMapLoadDetail {
  count: number;
  skipped: Pick<SkippedFeature, 'index' | 'reason'>[];
}
export interface MemberMapErrorDetail {
  message: string;
  cause: unknown;
}
export interface MemberMapSelectDetail {
  id: string;
  member: Member;
}

type Status = 'idle' | 'loading' | 'ready' | 'error';

/**
 * A clustered map of the members of the Netzwerk Bürgerbeteiligung.
 *
 * @fires member-map-load - members are on the map: `{ count, skipped }`
 * @fires member-map-error - the data could not be loaded or used: `{ message, cause }`
 * @fires member-map-select - a member was opened: `{ id, member }`
 * @csspart map - the map area
 * @csspart contact-button - the "Mitglied werden?" button
 * @csspart contact-panel - the panel with the coordinator's address
 * @csspart status - the polite status message (loading, count)
 * @csspart error - the error message
 * @cssprop --member-map-height - height of the element (480px)
 * @cssprop --member-map-accent - colour of markers, clusters, buttons and links (#00567f)
 * @cssprop --member-map-font - font family (system-ui)
 * @cssprop --member-map-radius - corner radius (8px)
 * @cssprop --member-map-background - map background where no tiles are shown (#e3eaef)
 * @cssprop --member-map-focus-color - focus outline colour (#111)
 */
export class MemberMap extends LitElement {
  static override styles = [...vendorStyles, memberMapStyles];
  static override properties = {
    src: { type: String },
    data: { attribute: false },
    contactEmail: { type: String, attribute: 'contact-email' },
    contactName: { type: String, attribute: 'contact-name' },
    contactSubject: { type: String, attribute: 'contact-subject' },
    selected: { type: String, reflect: true },
    lang: { type: String },
    status: { state: true },
    error: { state: true },
    members: { state: true },
    contactOpen: { state: true },
  };

  /** Registers the element under `tag`; a second call with the same class is a no-op. */
  static define(tag = 'member-map'): void {
    const existing = customElements.get(tag);
    if (existing) {
      if (!(existing.prototype instanceof this)) {
        console.warn(`<${tag}> is already defined by another script; keeping that definition.`);
      }
      return;
    }
    // A subclass per tag: the platform allows one tag per constructor.
    customElements.define(tag, class extends this {});
  }

  /** URL of the member GeoJSON file (relative to the page). */
  declare src: string;
  /** A FeatureCollection; when set it wins over `src`. */
  declare data: unknown;
  /** Coordinator's address; `name(at)domain` is accepted. */
  declare contactEmail: string;
  declare contactName: string;
  declare contactSubject: string;
  /** Id of the member whose popup is open. */
  declare selected: string;
  declare lang: string;

  declare private status: Status;
  declare private error: MemberDataError | undefined;
  declare private members: Member[];
  declare private contactOpen: boolean;

  private skipped: SkippedFeature[] = [];
  private view?: MemberMapView;
  private loadController?: AbortController;
  private reloadOnConnect = false;
  private openedId = '';
  private membersShown = 0;
  private returnFocusTo: HTMLElement | null = null;

  constructor() {
    super();
    this.src = '';
    this.contactEmail = 'stock@netzwerk-buergerbeteiligung.de';
    this.contactName = 'Marion Stock';
    this.contactSubject = 'Mitglied werden im Netzwerk kommunale Partizipationsbeauftragte';
    this.selected = '';
    this.status = 'idle';
    this.members = [];
    this.contactOpen = false;
    new ResizeController(this, { callback: () => this.view?.invalidateSize() });
  }

  private get strings(): Strings {
    return stringsFor(languageOf(this.closest('[lang]')?.getAttribute('lang')));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.reloadOnConnect) void this.load();
    this.requestUpdate(); // rebuilds the map after a re-append
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reloadOnConnect = this.status === 'loading';
    this.loadController?.abort();
    this.view?.destroy();
    this.view = undefined;
    this.renderRoot.querySelector('.leaflet-host')?.remove();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('data')) void this.load();
  }

  protected override render() {
    const strings = this.strings;
    return html`
      <div class="frame" role="region" aria-label=${strings.regionLabel}>
        <div class="map" part="map"></div>
        <button
          type="button"
          part="contact-button"
          class="contact-button"
          aria-haspopup="dialog"
          aria-expanded=${this.contactOpen ? 'true' : 'false'}
          @click=${this.openContact}
        >
          ${strings.contactButton}
        </button>
        ${this.contactOpen
          ? contactPanel({
              strings,
              email: this.contactEmail,
              name: this.contactName,
              subject: this.contactSubject,
              onClose: () => this.closeContact(),
              onKeydown: this.handlePanelKeydown,
            })
          : nothing}
        <div part="status" class="status ${this.status === 'loading' ? 'visible' : ''}" role="status">
          ${this.statusText(strings)}
        </div>
        ${this.error
          ? html`<div part="error" class="error" role="alert">
              <strong>${strings.errorTitle}</strong>
              <p>${this.errorText(this.error, strings)}</p>
            </div>`
          : nothing}
      </div>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    if (!this.view && this.isConnected) {
      const host = this.renderRoot.querySelector('.map')!.appendChild(document.createElement('div'));
      host.className = 'leaflet-host';
      this.view = new MemberMapView(host, {
        strings: this.strings,
        popupContent: (member) => this.renderPopup(member),
        onOpen: (member) => this.handleOpen(member),
        onClose: (member) => this.handleClose(member),
      });
      if (this.members.length > 0) void this.showMembers();
    } else if (changed.has('members')) {
      void this.showMembers();
    }
    if (changed.has('lang')) this.view?.setStrings(this.strings);
    if (changed.has('selected') && this.selected !== this.openedId && this.membersShown > 0) this.openSelected();
    if (changed.has('contactOpen') && this.contactOpen) {
      this.renderRoot.querySelector<HTMLElement>('.contact-panel')?.focus();
    }
  }

  private async load(): Promise<void> {
    this.loadController?.abort();
    const controller = new AbortController();
    this.loadController = controller;
    this.reloadOnConnect = false;
    this.error = undefined;
    if (this.data === undefined && !this.src) {
      this.status = 'idle';
      this.members = [];
      return;
    }
    this.status = 'loading';
    try {
      const json = this.data !== undefined ? this.data : await fetchMemberJson(this.src, controller.signal);
      if (controller.signal.aborted) return;
      const { members, skipped } = parseMembers(json);
      if (skipped.length > 0) {
        console.warn(
          `<member-map>: ${skipped.length} feature(s) skipped:\n` +
            skipped.map((item) => `  features[${item.index}]: ${item.reason}`).join('\n'),
        );
      }
      this.skipped = skipped;
      this.members = members;
    } catch (cause) {
      if (controller.signal.aborted) return;
      this.fail(cause);
    }
  }

  private async showMembers(): Promise<void> {
    const view = this.view;
    const members = this.members;
    if (!view) return;
    this.membersShown = 0;
    const completed = await view.setMembers(members);
    if (!completed || view !== this.view || members !== this.members || members.length === 0) return;
    this.membersShown = members.length;
    this.status = 'ready';
    this.emit<MemberMapLoadDetail>('member-map-load', {
      count: members.length,
      skipped: this.skipped.map(({ index, reason }) => ({ index, reason })),
    });
    if (this.selected) this.openSelected();
  }

  private fail(cause: unknown): void {
    const error = cause instanceof MemberDataError ? cause : new MemberDataError('network', String(cause), { cause });
    this.status = 'error';
    this.error = error;
    this.members = [];
    if (error.details.skipped) {
      console.warn(`<member-map>: every feature was skipped:`, error.details.skipped);
    }
    this.emit<MemberMapErrorDetail>('member-map-error', {
      message: this.errorText(error, this.strings),
      cause: error.details.cause ?? error,
    });
  }

  private openSelected(): void {
    if (!this.view?.open(this.selected)) this.view?.closePopup();
  }

  private handleOpen(member: Member): void {
    this.openedId = member.id;
    this.selected = member.id;
    this.emit<MemberMapSelectDetail>('member-map-select', { id: member.id, member });
  }

  private handleClose(member: Member): void {
    if (this.openedId !== member.id) return;
    this.openedId = '';
    this.selected = '';
  }

  private renderPopup(member: Member): HTMLElement {
    const node = document.createElement('div');
    render(memberCard(member, this.strings, this.openContact), node);
    return node;
  }

  private readonly openContact = (event: Event) => {
    this.returnFocusTo = event.currentTarget as HTMLElement;
    this.contactOpen = true;
  };

  private closeContact(): void {
    this.contactOpen = false;
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    void this.updateComplete.then(() => target?.isConnected && target.focus());
  }

  private readonly handlePanelKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation(); // Leaflet would also close an open popup on Escape
    this.closeContact();
  };

  private statusText(strings: Strings): string {
    if (this.status === 'loading') return strings.loading;
    if (this.status === 'ready') return strings.loaded(this.membersShown);
    return '';
  }

  private errorText(error: MemberDataError, strings: Strings): string {
    switch (error.code) {
      case 'not-found': return strings.errorNotFound;
      case 'http': return strings.errorHttp(error.details.status ?? 0);
      case 'network': return strings.errorNetwork;
      case 'invalid-json': return strings.errorInvalidJson;
      case 'not-collection': return strings.errorNotCollection;
      case 'empty': return strings.errorEmpty;
      case 'no-valid-members': return strings.errorNoValidMembers(error.details.skipped?.length ?? 0);
    }
  }

  private emit<T>(type: keyof HTMLElementEventMap, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementEventMap {
    'member-map-load': CustomEvent<MemberMapLoadDetail>;
    'member-map-error': CustomEvent<MemberMapErrorDetail>;
    'member-map-select': CustomEvent<MemberMapSelectDetail>;
  }
}
