import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { attributeDefaults } from './attribute-defaults.js';
import { consentFromAttribute } from './consent.js';
import { ContactController } from './controllers/contact-controller.js';
import { partsLoaded } from './controllers/feature-controller.js';
import { FragmentController } from './controllers/fragment-controller.js';
import { ListController } from './controllers/list-controller.js';
import { FullscreenController } from './controllers/fullscreen-controller.js';
import { MapController, mapFocus } from './controllers/map-controller.js';
import { SearchController } from './controllers/search-controller.js';
import { StartController } from './controllers/start-controller.js';
import { TileConsentController, type TilesMode } from './controllers/tile-consent-controller.js';
import { MemberSource } from './data/member-source.js';
import { emit } from './events.js';
import { errorMessage } from './i18n/error-message.js';
import { languageOf, stringsFor, type Strings } from './i18n/index.js';
import { DEFAULT_PLACES_URL } from './places/fetch-places.js';
import { phase } from './phase.js';
import { landOf, stateOf } from './regions.js';
import { teaser, teaserCaption, teaserHref } from './templates/teaser.js';
import { toolbar, type ViewMode } from './templates/toolbar.js';
import { errorAlert } from './templates/error-message.js';
import { adoptPartStyles } from './styles/adopt.js';
import { memberMapStyles, vendorStyles } from './styles/member-map.styles.js';
import { teaserStyles } from './templates/teaser.styles.js';

export type { TilesMode, ViewMode };
export type { MemberMapConsentDetail, MemberMapErrorDetail, MemberMapLoadDetail, MemberMapPickDetail, MemberMapSelectDetail } from './events.js';

/**
 * A clustered map of the members of the Netzwerk Bürgerbeteiligung, with a searchable list.
 *
 * @tag member-map
 * @fires member-map-load - The members are on the map. `detail: { count, skipped: [{ index, reason }] }`
 * @fires member-map-error - The data could not be loaded or used at all. `detail: { message, cause }`
 * @fires member-map-select - A member was opened (popup or list). `detail: { id, member }`
 * @fires member-map-consent - The visitor (or `consent`) allowed or withdrew map tiles. `detail: { granted }`
 * @fires member-map-pick - With `picking`: a point was chosen on the map (click, or Enter on the map: its centre). `detail: { lat, lng }`
 * @slot contact - Replaces the text of the contact panel (the mail link stays).
 * @slot empty - Shown instead of the default text when no member matches.
 * @csspart map - The map area.
 * @csspart list - The list of members (list view).
 * @csspart search - The search field.
 * @csspart contact-button - The "Mitglied werden?" button.
 * @csspart contact-panel - The panel with the coordinator's address.
 * @csspart consent - The "Detailkarte laden" button.
 * @csspart status - The polite status line: loading, count, search results.
 * @csspart error - The error message (role `alert`).
 * @cssprop [--member-map-height=480px] - Height of the element, reserved before anything loads.
 * @cssprop [--member-map-accent=#00567f] - Markers, clusters, buttons and links.
 * @cssprop [--member-map-font=system-ui] - Font family.
 * @cssprop [--member-map-radius=8px] - Corner radius of the element and its panels.
 * @cssprop [--member-map-background=#d5e5ee] - Behind the map: the sea on the offline basemap.
 * @cssprop [--member-map-focus-color=#111] - Focus outline.
 */
export class MemberMap extends LitElement {
  static override styles = [...vendorStyles, ...memberMapStyles];

  /** Registers the element under `tag`; a second call with the same class is a no-op. */
  static define(tag = 'member-map'): void {
    const existing = customElements.get(tag);
    if (existing) {
      if (!(existing.prototype instanceof this)) console.warn(`<${tag}> is already defined by another script; keeping that definition.`);
      return;
    }
    // A subclass per tag: the platform allows one tag per constructor.
    customElements.define(tag, class extends this {});
  }

  /** URL of the member GeoJSON file (relative to the page). */
  @property() src = '';
  /** A FeatureCollection; when set it wins over `src`. */
  @property({ attribute: false }) data: unknown;
  /** Coordinator's address; `name(at)domain` is accepted. */
  @property({ attribute: 'contact-email' }) contactEmail = 'stock@netzwerk-buergerbeteiligung.de';
  /** Coordinator's name, shown in the contact panel. */
  @property({ attribute: 'contact-name' }) contactName = 'Marion Stock';
  /** Subject of the prefilled email. */
  @property({ attribute: 'contact-subject' }) contactSubject = 'Mitglied werden im Netzwerk kommunale Partizipationsbeauftragte';
  /** Id of the member whose popup is open; set it to open one (clicking a member sets it). */
  @property({ reflect: true }) selected = '';
  /** `map` or `list`. */
  @property() view: ViewMode = 'map';
  /** A Bundesland (ISO code such as `DE-BW`, or its name): show and fit only its members. */
  @property() region = '';
  /** Initial map centre as `latitude,longitude` (instead of fitting the members). */
  @property() center = '';
  /** Initial zoom level. */
  @property({ type: Number }) zoom: number | undefined;
  /** UI language, `de` or `en`; without it the nearest ancestor's `lang` counts, else German. */
  @property() override lang!: string;
  /** `consent`: offline basemap until the visitor agrees to tiles; `on`: tiles at once; `off`: never. */
  @property() tiles: TilesMode = 'consent';
  /** Tile URL template. */
  @property({ attribute: 'tile-url' }) tileUrl = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
  /** Attribution for the tiles, shown as text ("OpenStreetMap" links to its copyright page). */
  @property({ attribute: 'tile-attribution' }) tileAttribution = '© OpenStreetMap-Mitwirkende';
  /** Where the offline basemap is; by default next to the script. */
  @property({ attribute: 'basemap-url' }) basemapUrl = '';
  /** `local` remembers the visitor's tile consent in localStorage, per tile host. */
  @property({ attribute: 'consent-storage' }) consentStorage = '';
  /** Seconds to wait for the member file before offering a retry. */
  @property({ type: Number, attribute: 'load-timeout' }) loadTimeout = 15;
  /** Largest member file in megabytes; a larger one is refused with a message instead of freezing the tab. */
  @property({ type: Number, attribute: 'max-size' }) maxSize = 25;
  /** How many members a search for a municipality (or `near`) lists (the municipality's own members always). */
  @property({ type: Number }) nearest = 5;
  /** A municipality (name, "Name, Land" or 8-digit AGS): the map opens on it with its nearest members, as if searched for. */
  @property() near = '';
  /** Where the gazetteer of municipalities is (fetched by the first search); by default next to the script. */
  @property({ attribute: 'places-url' }) placesUrl = '';
  /** A click on the map (or Enter on the map: its centre) fires `member-map-pick`, for placing a member (the workbench). */
  @property({ type: Boolean }) picking = false;
  /** With `href`: a small overview for a sidebar that is one link to the full map (no controls, no tiles). */
  @property({ type: Boolean }) teaser = false;
  /** The page of the full map, for `teaser`. */
  @property() href = '';

  private readonly source = new MemberSource(this, (error) =>
    emit(this, 'member-map-error', { message: errorMessage(error, this.strings), cause: error.details.cause ?? error }),
  );
  private readonly start = new StartController(this);
  private readonly contact = new ContactController(this);
  private readonly fragment = new FragmentController(this, (id) => (this.selected = id));
  private readonly tileConsent = new TileConsentController(this);
  private readonly fullscreen = new FullscreenController(this);
  private readonly finder = new SearchController(this, () => this.placesUrl || DEFAULT_PLACES_URL);
  private readonly map = new MapController(this, this.source, { strings: () => this.strings, openContact: this.contact.open });
  private readonly list = new ListController(this, (id) => this.map.showOnMap(id));
  private readonly restoreDefault = attributeDefaults(this);

  /**
   * Whether the visitor (or the page's consent manager) agreed to map tiles; the attribute takes `granted`.
   * @attr consent
   */
  @property({ noAccessor: true, converter: { fromAttribute: consentFromAttribute } })
  get consent(): boolean {
    return this.tileConsent.granted;
  }
  set consent(granted: boolean) {
    const old = this.tileConsent.granted;
    if (!this.tileConsent.set(Boolean(granted))) return;
    this.requestUpdate('consent', old);
    emit(this, 'member-map-consent', { granted: this.tileConsent.granted });
  }

  private get strings(): Strings {
    return stringsFor(languageOf(this.closest('[lang]')?.getAttribute('lang')));
  }

  override attributeChangedCallback(attribute: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(attribute, old, value);
    this.restoreDefault(attribute, value);
  }

  /** Also waits for the parts that load on first use (the list, the search, the contact panel) and their render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await partsLoaded(this);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.start.startsNow()) {
      this.tileConsent.restore();
      if (!this.selected && this.fragment.id) this.selected = this.fragment.id;
      this.loadMembers();
    } else if (this.start.started && (changed.has('src') || changed.has('data'))) {
      this.loadMembers();
    }
    if (changed.has('region') && this.region && !stateOf(this.region)) console.warn(`<member-map>: ${this.strings.unknownRegion(this.region)}`);
    if ((changed.has('teaser') || changed.has('href')) && this.teaser && !this.teaserHref) {
      console.warn('<member-map>: `teaser` needs `href`, the http(s) address of the full map; showing the full map instead.');
    }
    if (this.teaserHref) adoptPartStyles(this, teaserStyles); // the teaser's look, only where there is one
    this.finder.update(this.source.members, this.strings, Boolean(this.teaserHref));
  }

  protected override render() {
    const strings = this.strings;
    const error = this.source.error;
    const href = this.teaserHref;
    if (href) {
      // Without members (the file failed), the link still leads to the full map, which explains.
      const caption = error ? strings.teaserFallback : this.map.shown && teaserCaption(strings, this.map.shown);
      return html`${teaser({ strings, href, ...(caption ? { caption } : {}) })} ${errorAlert(error, strings, this.retry, true)}`;
    }
    const listed = this.view === 'list';
    const found = this.finder.found;
    return html`
      <div class="frame" role="region" aria-label=${strings.regionLabel}>
        ${toolbar({
          strings,
          query: this.finder.query,
          view: this.view,
          onSearch: this.finder.search,
          onView: (view) => (this.view = view),
          fullscreen: this.fullscreen.active,
          onFullscreen: this.fullscreen.toggle,
          onFullscreenNear: this.fullscreen.prepare,
          contact: this.contact.renderButton(strings),
        })}
        ${this.finder.renderBar(strings)} ${this.fullscreen.renderFailure(strings)}
        <div class="stage">
          ${listed ? nothing : html`<button type="button" class="skip-link" @click=${this.list.skipToList}>${strings.skipMap}</button>`}
          <div class="map" part="map" ?inert=${listed} aria-hidden=${listed ? 'true' : 'false'}></div>
          ${listed ? this.list.render(found, this.finder.answer, strings, this.emptyMessage(strings)) : nothing}
          ${this.contact.renderPanel(strings)} ${listed ? nothing : this.tileConsent.render(strings)}
          ${!listed && this.source.members.length > 0 && found.length === 0 && !this.loading
            ? html`<div class="map-empty">${this.emptyMessage(strings)}</div>`
            : nothing}
          <div part="status" class="status ${this.loading ? 'visible' : ''}" role="status">${this.statusText(strings)}</div>
          ${errorAlert(error, strings, this.retry)}
        </div>
      </div>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    const still = Boolean(this.teaserHref);
    this.map.sync(
      {
        started: this.start.started,
        still,
        strings: this.strings,
        // The teaser never loads tiles: it is a picture on the offline basemap.
        background: still ? this.tileConsent.basemap : this.tileConsent.background,
        focus: mapFocus(still, landOf(this.region), this.finder.answer.place),
        members: this.finder.found,
        membersDue: this.source.status !== 'loading' && !this.finder.nearPending,
        loading: this.loading,
        picking: this.picking ? this.pick : undefined,
      },
      changed.has('selected'),
      changed.has('lang'),
    );
  }

  /** True from the request until every member is clustered and on the map (with `near`: its members). */
  private get loading(): boolean {
    const { status, members } = this.source;
    return status === 'loading' || this.finder.nearPending || (status === 'ready' && members !== this.map.announced);
  }

  private statusText(strings: Strings): string {
    if (this.loading) return strings.loading;
    const shown = this.map.shown;
    if (!shown) return '';
    return this.finder.status(strings) ?? (shown.length ? strings.loaded(shown.length) : '');
  }

  private get teaserHref(): string | undefined {
    return this.teaser ? teaserHref(this.href) : undefined;
  }

  private readonly pick = (lat: number, lng: number) => emit(this, 'member-map-pick', { lat, lng });
  private readonly retry = () => this.source.retry();

  /** What the page puts in `slot="empty"`, else the default text. */
  private emptyMessage(strings: Strings) {
    return html`<div class="empty"><slot name="empty">${strings.found(0)}</slot></div>`;
  }

  private loadMembers(): void {
    // Inline `<script type="application/geo+json">`, for CMSs that cannot host a file.
    const inline = this.querySelector(':scope > script[type="application/geo+json"]')?.textContent ?? undefined;
    const limits = { timeoutMs: this.loadTimeout * 1000, maxBytes: this.maxSize * 1_000_000 };
    phase('fetch');
    void this.source.load(this.src, this.data, inline, limits);
  }
}
