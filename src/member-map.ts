import { LitElement, html, nothing, render, type PropertyValues } from 'lit';
import { IntersectionController } from '@lit-labs/observers/intersection-controller.js';
import { ResizeController } from '@lit-labs/observers/resize-controller.js';
import { consentFromAttribute, storeConsent, storedConsent, tileHost } from './consent.js';
import { MemberSource } from './data/member-source.js';
import type { Member, SkippedFeature } from './data/members.js';
import { errorMessage } from './i18n/error-message.js';
import { languageOf, stringsFor, type Strings } from './i18n/index.js';
import type { Background } from './map/background.js';
import { DEFAULT_BASEMAP_URL } from './map/basemap.js';
import { MemberMapView } from './map/member-map-view.js';
import { ContactController } from './contact-controller.js';
import { consentPrompt, consentWithdraw } from './templates/consent-prompt.js';
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
export interface MemberMapConsentDetail {
  granted: boolean;
}
export type TilesMode = 'consent' | 'on' | 'off';

/**
 * A clustered map of the members of the Netzwerk Bürgerbeteiligung.
 *
 * @fires member-map-load - members are on the map: `{ count, skipped }`
 * @fires member-map-error - the data could not be loaded or used: `{ message, cause }`
 * @fires member-map-select - a member was opened: `{ id, member }`
 * @fires member-map-consent - the visitor allowed or withdrew map tiles: `{ granted }`
 * @csspart map - the map area
 * @csspart contact-button - the "Mitglied werden?" button
 * @csspart contact-panel - the panel with the coordinator's address
 * @csspart consent - the "Detailkarte laden" button
 * @csspart status - the polite status message (loading, count)
 * @csspart error - the error message
 * @cssprop --member-map-height - height of the element (480px)
 * @cssprop --member-map-accent - colour of markers, clusters, buttons and links (#00567f)
 * @cssprop --member-map-font - font family (system-ui)
 * @cssprop --member-map-radius - corner radius (8px)
 * @cssprop --member-map-background - colour behind the map: the sea on the offline basemap (#d5e5ee)
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
    tiles: { type: String },
    tileUrl: { type: String, attribute: 'tile-url' },
    tileAttribution: { type: String, attribute: 'tile-attribution' },
    basemapUrl: { type: String, attribute: 'basemap-url' },
    consentStorage: { type: String, attribute: 'consent-storage' },
    consent: { noAccessor: true, converter: { fromAttribute: consentFromAttribute } },
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
  /** `consent`: offline basemap until the visitor agrees to tiles; `on`: tiles at once; `off`: never. */
  declare tiles: TilesMode;
  declare tileUrl: string;
  declare tileAttribution: string;
  /** Where the offline basemap is; by default next to the script. */
  declare basemapUrl: string;
  /** `local` remembers the visitor's tile consent in localStorage, per tile host. */
  declare consentStorage: string;

  private readonly source = new MemberSource(this, (error) =>
    this.emit<MemberMapErrorDetail>('member-map-error', {
      message: errorMessage(error, this.strings),
      cause: error.details.cause ?? error,
    }),
  );
  private readonly nearViewport = new IntersectionController(this, {
    config: { rootMargin: '200px' },
    callback: (entries) => entries.some((entry) => entry.isIntersecting),
  });
  private readonly contact = new ContactController(this);
  private consentGranted = false;
  private started = false;
  private view?: MemberMapView;
  /** The members handed to the map, and the ones it has finished showing. */
  private membersInView?: Member[];
  private shownMembers?: Member[];
  private openedId = '';

  constructor() {
    super();
    this.src = '';
    this.contactEmail = 'stock@netzwerk-buergerbeteiligung.de';
    this.contactName = 'Marion Stock';
    this.contactSubject = 'Mitglied werden im Netzwerk kommunale Partizipationsbeauftragte';
    this.selected = '';
    this.tiles = 'consent';
    this.tileUrl = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
    this.tileAttribution = '© OpenStreetMap-Mitwirkende';
    this.basemapUrl = '';
    this.consentStorage = '';
    new ResizeController(this, { callback: () => this.view?.invalidateSize() });
  }

  /** Whether the visitor (or the page's consent manager) agreed to loading map tiles. */
  get consent(): boolean {
    return this.consentGranted;
  }
  set consent(granted: boolean) {
    const old = this.consentGranted;
    this.consentGranted = Boolean(granted);
    if (old === this.consentGranted) return;
    if (this.consentStorage === 'local') storeConsent(tileHost(this.tileUrl), this.consentGranted);
    this.requestUpdate('consent', old);
    this.emit<MemberMapConsentDetail>('member-map-consent', { granted: this.consentGranted });
  }

  private get strings(): Strings {
    return stringsFor(languageOf(this.closest('[lang]')?.getAttribute('lang')));
  }

  private get background(): Background {
    if (this.tiles === 'on' || (this.tiles !== 'off' && this.consentGranted)) {
      return { kind: 'tiles', url: this.tileUrl, attribution: this.tileAttribution };
    }
    return { kind: 'basemap', url: this.basemapUrl || DEFAULT_BASEMAP_URL };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate(); // rebuilds the map after a re-append
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.view?.destroy();
    this.view = undefined;
    this.membersInView = this.shownMembers = undefined;
    this.renderRoot.querySelector('.leaflet-host')?.remove();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.started && this.nearViewport.value) {
      this.started = true; // nothing is fetched or drawn before the element is near the viewport
      if (this.consentStorage === 'local' && storedConsent(tileHost(this.tileUrl))) this.consentGranted = true;
      void this.source.load(this.src, this.data);
    } else if (this.started && (changed.has('src') || changed.has('data'))) {
      void this.source.load(this.src, this.data);
    }
  }

  protected override render() {
    const strings = this.strings;
    const error = this.source.error;
    const askForConsent = this.tiles === 'consent' && !this.consentGranted;
    return html`
      <div class="frame" role="region" aria-label=${strings.regionLabel}>
        <div class="map" part="map"></div>
        <button
          type="button"
          part="contact-button"
          class="contact-button"
          aria-haspopup="dialog"
          aria-expanded=${this.contact.isOpen ? 'true' : 'false'}
          @click=${this.contact.open}
        >
          ${strings.contactButton}
        </button>
        ${this.contact.render(strings)}
        ${askForConsent ? consentPrompt(strings, tileHost(this.tileUrl), () => (this.consent = true)) : nothing}
        ${this.tiles === 'consent' && this.consentGranted ? consentWithdraw(strings, () => (this.consent = false)) : nothing}
        <div part="status" class="status ${this.loading ? 'visible' : ''}" role="status">
          ${this.loading ? strings.loading : this.shownMembers?.length ? strings.loaded(this.shownMembers.length) : ''}
        </div>
        ${error
          ? html`<div part="error" class="error" role="alert">
              <strong>${strings.errorTitle}</strong>
              <p>${errorMessage(error, strings)}</p>
            </div>`
          : nothing}
      </div>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    if (this.started && !this.view && this.isConnected) {
      const host = this.renderRoot.querySelector('.map')!.appendChild(document.createElement('div'));
      host.className = 'leaflet-host';
      this.view = new MemberMapView(host, {
        strings: this.strings,
        popupContent: (member) => this.renderPopup(member),
        onOpen: (member) => this.handleOpen(member),
        onClose: (member) => this.handleClose(member),
        overlayInsets: () => this.overlayInsets(),
      });
    }
    if (!this.view) return;
    this.view.setBackground(this.background);
    if (this.source.status !== 'loading' && this.source.members !== this.membersInView) void this.showMembers();
    if (changed.has('lang')) this.view.setStrings(this.strings);
    if (changed.has('selected') && this.selected !== this.openedId && !this.loading) this.openSelected();
  }

  /** True from the request until every member is clustered and on the map. */
  private get loading(): boolean {
    return this.source.status === 'loading' || (this.source.status === 'ready' && this.source.members !== this.shownMembers);
  }

  private async showMembers(): Promise<void> {
    const view = this.view!;
    const members = this.source.members;
    this.membersInView = members;
    const completed = await view.setMembers(members);
    if (!completed || view !== this.view || members !== this.source.members) return;
    this.shownMembers = members;
    this.requestUpdate();
    if (members.length === 0) return;
    this.emit<MemberMapLoadDetail>('member-map-load', {
      count: members.length,
      skipped: this.source.skipped.map(({ index, reason }) => ({ index, reason })),
    });
    if (this.selected) this.openSelected();
  }

  /** The consent bar spans the bottom; the buttons in the corners rarely hide a member. */
  private overlayInsets(): { top: number; bottom: number } {
    const prompt = this.renderRoot.querySelector<HTMLElement>('.consent-prompt');
    return { top: 0, bottom: prompt ? prompt.offsetHeight + 10 : 0 };
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
    render(memberCard(member, this.strings, this.contact.open), node);
    return node;
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
    'member-map-consent': CustomEvent<MemberMapConsentDetail>;
  }
}
