import { LitElement, html, nothing, render, type PropertyValues } from 'lit';
import { IntersectionController } from '@lit-labs/observers/intersection-controller.js';
import { consentFromAttribute } from './consent.js';
import { ContactController } from './contact-controller.js';
import { MemberSource } from './data/member-source.js';
import type { Member } from './data/members.js';
import { emit } from './events.js';
import { FragmentController } from './fragment-controller.js';
import { FullscreenController } from './fullscreen-controller.js';
import { errorMessage } from './i18n/error-message.js';
import { languageOf, stringsFor, type Strings } from './i18n/index.js';
import { MemberMapView } from './map/member-map-view.js';
import { NearView } from './near.js';
import { nextTask } from './next-task.js';
import { DEFAULT_PLACES_URL } from './places/fetch-places.js';
import type { Place } from './places/places-file.js';
import { phase } from './phase.js';
import { PlaceSearch, searchStatus, type SearchAnswer } from './place-search.js';
import { landOf, membersInRegion, stateOf } from './regions.js';
import { TileConsent, type TilesMode } from './tile-consent.js';
import { memberCard } from './templates/member-card.js';
import { memberList } from './templates/member-list.js';
import { nearBar } from './templates/near-bar.js';
import { placeChoices } from './templates/place-choices.js';
import { teaser, teaserCaption, teaserHref } from './templates/teaser.js';
import { toolbar, type ViewMode } from './templates/toolbar.js';
import { memberMapStyles, vendorStyles } from './styles/member-map.styles.js';

export type { TilesMode, ViewMode };
export type { MemberMapConsentDetail, MemberMapErrorDetail, MemberMapLoadDetail, MemberMapPickDetail, MemberMapSelectDetail } from './events.js';
const SEARCH_DELAY_MS = 150;
/** [south, west, north, east] of Germany, what the teaser shows without `region`. */
const GERMANY_BOUNDS: [number, number, number, number] = [47.27, 5.87, 55.06, 15.04];
/** How close to the viewport the element starts its work. */
const NEAR_PX = 200;

function isNearViewport(box: DOMRect): boolean {
  const shown = box.width > 0 || box.height > 0; // hidden (display: none) elements have no box
  return shown && box.bottom >= -NEAR_PX && box.top <= window.innerHeight + NEAR_PX;
}

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
  static override styles = [...vendorStyles, memberMapStyles];
  static override properties = {
    src: { type: String },
    data: { attribute: false },
    contactEmail: { type: String, attribute: 'contact-email' },
    contactName: { type: String, attribute: 'contact-name' },
    contactSubject: { type: String, attribute: 'contact-subject' },
    selected: { type: String, reflect: true },
    view: { type: String },
    region: { type: String },
    center: { type: String },
    zoom: { type: Number },
    lang: { type: String },
    tiles: { type: String },
    tileUrl: { type: String, attribute: 'tile-url' },
    tileAttribution: { type: String, attribute: 'tile-attribution' },
    basemapUrl: { type: String, attribute: 'basemap-url' },
    consentStorage: { type: String, attribute: 'consent-storage' },
    loadTimeout: { type: Number, attribute: 'load-timeout' },
    maxSize: { type: Number, attribute: 'max-size' },
    nearest: { type: Number },
    near: { type: String },
    placesUrl: { type: String, attribute: 'places-url' },
    picking: { type: Boolean },
    teaser: { type: Boolean },
    href: { type: String },
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
  /** Coordinator's name, shown in the contact panel. */
  declare contactName: string;
  /** Subject of the prefilled email. */
  declare contactSubject: string;
  /** Id of the member whose popup is open; set it to open one (clicking a member sets it). */
  declare selected: string;
  /** `map` or `list`. */
  declare view: ViewMode;
  /** A Bundesland (ISO code such as `DE-BW`, or its name): show and fit only its members. */
  declare region: string;
  /** Initial map centre as `latitude,longitude` (instead of fitting the members). */
  declare center: string;
  /** Initial zoom level. */
  declare zoom: number | undefined;
  /** UI language, `de` or `en`; without it the nearest ancestor's `lang` counts, else German. */
  declare lang: string;
  /** `consent`: offline basemap until the visitor agrees to tiles; `on`: tiles at once; `off`: never. */
  declare tiles: TilesMode;
  /** Tile URL template. */
  declare tileUrl: string;
  /** Attribution for the tiles, shown as text ("OpenStreetMap" links to its copyright page). */
  declare tileAttribution: string;
  /** Where the offline basemap is; by default next to the script. */
  declare basemapUrl: string;
  /** `local` remembers the visitor's tile consent in localStorage, per tile host. */
  declare consentStorage: string;
  /** Seconds to wait for the member file before offering a retry. */
  declare loadTimeout: number;
  /** Largest member file in megabytes; a larger one is refused with a message instead of freezing the tab. */
  declare maxSize: number;
  /** How many members a search for a municipality (or `near`) lists (the municipality's own members always). */
  declare nearest: number;
  /** A municipality (name, "Name, Land" or 8-digit AGS): the map opens on it with its nearest members, as if searched for. */
  declare near: string;
  /** Where the gazetteer of municipalities is (fetched by the first search); by default next to the script. */
  declare placesUrl: string;
  /** A click on the map (or Enter on the map: its centre) fires `member-map-pick`, for placing a member (the workbench). */
  declare picking: boolean;
  /** With `href`: a small overview for a sidebar that is one link to the full map (no controls, no tiles). */
  declare teaser: boolean;
  /** The page of the full map, for `teaser`. */
  declare href: string;

  private readonly source = new MemberSource(this, (error) =>
    emit(this, 'member-map-error', {
      message: errorMessage(error, this.strings),
      cause: error.details.cause ?? error,
    }),
  );
  private readonly nearViewport = new IntersectionController(this, {
    config: { rootMargin: `${NEAR_PX}px` },
    callback: (entries) => entries.some((entry) => entry.isIntersecting),
  });
  private readonly contact = new ContactController(this);
  private readonly fragment = new FragmentController(this, (id) => (this.selected = id));
  private readonly tileConsent = new TileConsent(this);
  private readonly fullscreen = new FullscreenController(this);
  private readonly placeSearch = new PlaceSearch(
    () => this.placesUrl || DEFAULT_PLACES_URL,
    () => this.requestUpdate(),
  );
  private readonly nearView = new NearView();
  /** The search's answer that is shown (a pending one is not: the places are on their way). */
  private answer: SearchAnswer = { members: [] };
  private searchPending = false;
  private started = false;
  private nearAtConnect = false;
  private mapView?: MemberMapView;
  /** Whether `mapView` was made as the teaser's still map. */
  private mapStill = false;
  private mapPending = false;
  /** Members after the search: handed to the map, and finished there. */
  private found: Member[] = [];
  private membersInView?: Member[];
  private shownMembers?: Member[];
  /** The loaded members that `member-map-load` was fired for. */
  private announced?: Member[];
  private openedId = '';
  private focusOnOpen = false;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private query = '';
  /** Each attribute's property value before any attribute was read: removing an attribute restores it. */
  private readonly defaults = new Map<string, unknown>();

  constructor() {
    super();
    this.src = '';
    this.contactEmail = 'stock@netzwerk-buergerbeteiligung.de';
    this.contactName = 'Marion Stock';
    this.contactSubject = 'Mitglied werden im Netzwerk kommunale Partizipationsbeauftragte';
    this.selected = '';
    this.view = 'map';
    this.region = '';
    this.center = '';
    this.tiles = 'consent';
    this.tileUrl = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
    this.tileAttribution = '© OpenStreetMap-Mitwirkende';
    this.basemapUrl = '';
    this.consentStorage = '';
    this.loadTimeout = 15;
    this.maxSize = 25;
    this.nearest = 5;
    this.near = '';
    this.placesUrl = '';
    this.picking = false;
    this.teaser = false;
    this.href = '';
    for (const [name, options] of Object.entries(MemberMap.properties as Record<string, { attribute?: boolean | string }>)) {
      if (options.attribute === false) continue;
      const attribute = typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
      this.defaults.set(attribute, { name, value: this[name as keyof this] });
    }
  }

  /**
   * Whether the visitor (or the page's consent manager) agreed to map tiles; the attribute takes `granted`.
   * @attr consent
   */
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
    const initial = value === null ? (this.defaults.get(attribute) as { name: string; value: unknown } | undefined) : undefined;
    // Lit would set null; a CMS that drops an attribute means "back to the default".
    if (initial) (this as Record<string, unknown>)[initial.name] = initial.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The IntersectionObserver answers only after the next frame; an element that is plainly in view
    // (the usual case) can start right away.
    if (!this.started) this.nearAtConnect = isNearViewport(this.getBoundingClientRect());
    this.requestUpdate(); // rebuilds the map after a re-append
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.mapView?.destroy();
    this.mapView = undefined;
    this.membersInView = this.shownMembers = this.announced = undefined;
    this.renderRoot.querySelector('.leaflet-host')?.remove();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.started && (this.nearViewport.value || this.nearAtConnect)) {
      this.started = true; // nothing is fetched or drawn before the element is near the viewport
      this.tileConsent.restore();
      if (!this.selected && this.fragment.id) this.selected = this.fragment.id;
      this.loadMembers();
    } else if (this.started && (changed.has('src') || changed.has('data'))) {
      this.loadMembers();
    }
    if (changed.has('region') && this.region && !stateOf(this.region)) console.warn(`<member-map>: ${this.strings.unknownRegion(this.region)}`);
    if ((changed.has('teaser') || changed.has('href')) && this.teaser && !this.teaserHref) {
      console.warn('<member-map>: `teaser` needs `href`, the http(s) address of the full map; showing the full map instead.');
    }
    if (this.mapView && this.mapStill !== Boolean(this.teaserHref)) {
      // Teaser and full map are different maps in different markup.
      this.mapView.destroy();
      this.mapView = undefined;
      this.membersInView = this.shownMembers = undefined;
    }
    const nearest = Number.isInteger(this.nearest) && this.nearest > 0 ? this.nearest : 5;
    const members = membersInRegion(this.source.members, this.region);
    // `near` answers while the visitor has not typed a search of their own (the teaser has none).
    const near = this.query.trim() || this.teaserHref ? undefined : this.nearView.answer(this.near, this.placeSearch, members, nearest, this.strings);
    const answer = near ? (near.pending ? { members: [], pending: true } : near.answer) : this.placeSearch.answer(members, this.query, nearest);
    this.searchPending = Boolean(answer.pending);
    if (!answer.pending) this.answer = answer;
    const found = this.answer.members;
    if (found.length !== this.found.length || found.some((member, i) => member !== this.found[i])) this.found = found;
  }

  protected override render() {
    const strings = this.strings;
    const error = this.source.error;
    const listed = this.view === 'list';
    const href = this.teaserHref;
    if (href) {
      // Without members (the file failed), the link still leads to the full map, which explains.
      const caption = error ? strings.teaserFallback : this.shownMembers && teaserCaption(strings, this.shownMembers);
      return html`${teaser({ strings, href, ...(caption ? { caption } : {}) })}
        ${error ? html`<div part="error" class="error" role="alert"><strong>${strings.errorTitle}</strong></div>` : nothing}`;
    }
    return html`
      <div class="frame" role="region" aria-label=${strings.regionLabel}>
        ${toolbar({
          strings,
          query: this.query,
          view: this.view,
          onSearch: this.search,
          onView: (view) => (this.view = view),
          fullscreen: this.fullscreen.active,
          onFullscreen: this.fullscreen.toggle,
          contact: this.contact.renderButton(strings),
        })}
        ${this.nearShown
          ? nearBar(strings.nearby(this.answer.members.length, this.answer.place!.name), strings, this.showAll)
          : placeChoices(this.answer.choices, Boolean(this.answer.place), strings, this.choosePlace)}
        <div class="stage">
          ${listed ? nothing : html`<button type="button" class="skip-link" @click=${this.skipToList}>${strings.skipMap}</button>`}
          <div class="map" part="map" ?inert=${listed} aria-hidden=${listed ? 'true' : 'false'}></div>
          ${listed ? memberList(this.found, this.listOptions(strings)) : nothing}
          ${this.contact.renderPanel(strings)} ${listed ? nothing : this.tileConsent.render(strings)}
          ${!listed && this.source.members.length > 0 && this.found.length === 0 && !this.loading
            ? html`<div class="map-empty">${this.emptyMessage(strings)}</div>`
            : nothing}
          <div part="status" class="status ${this.loading ? 'visible' : ''}" role="status">${this.statusText(strings)}</div>
          ${error
            ? html`<div part="error" class="error" role="alert">
                <strong>${strings.errorTitle}</strong>
                <p>${errorMessage(error, strings)}</p>
                ${['timeout', 'network', 'http'].includes(error.code)
                  ? html`<button type="button" class="retry" @click=${() => this.source.retry()}>${strings.retry}</button>`
                  : nothing}
              </div>`
            : nothing}
        </div>
      </div>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    if (this.started && !this.mapView && this.isConnected && !this.mapPending) {
      // The map is made in a task of its own: the element's first render and the map's creation
      // each take tens of milliseconds, together they would block the page in one long task.
      this.mapPending = true;
      void nextTask().then(() => {
        this.mapPending = false;
        if (this.isConnected && !this.mapView) this.createMapView();
      });
    }
    if (!this.mapView) return;
    const still = Boolean(this.teaserHref);
    // The teaser never loads tiles: it is a picture on the offline basemap.
    const background = still ? this.tileConsent.basemap : this.tileConsent.background;
    this.mapView.setBackground(background, !this.loading);
    this.mapView.setPicking(this.picking ? this.pick : undefined);
    if (changed.has('lang')) this.mapView.setStrings(this.strings);
    const { place } = this.answer;
    const land = landOf(this.region)?.bounds;
    this.mapView.setFocus(
      still
        ? { bounds: land ?? GERMANY_BOUNDS, exact: true }
        : { ...(place ? { place: { name: place.name, lat: place.lat, lng: place.lng } } : {}), ...(land ? { bounds: land } : {}) },
    );
    if (this.source.status !== 'loading' && !this.nearPending && this.found !== this.membersInView) void this.showMembers();
    if (changed.has('selected') && this.selected !== this.openedId && !this.loading && !still) this.openSelected();
  }

  private createMapView(): void {
    const host = this.renderRoot.querySelector('.map')!.appendChild(document.createElement('div'));
    host.className = 'leaflet-host';
    this.mapStill = Boolean(this.teaserHref);
    this.mapView = new MemberMapView(host, {
      still: this.mapStill,
      strings: this.strings,
      popupContent: (member) => this.renderPopup(member),
      onOpen: (member) => this.handleOpen(member),
      onClose: (member) => this.handleClose(member),
      initialView: () => this.initialView(),
      overlays: () => [...this.renderRoot.querySelectorAll('.teaser-caption, .consent-prompt')],
    });
    this.requestUpdate();
  }

  /** True from the request until every member is clustered and on the map (with `near`: its members). */
  private get loading(): boolean {
    return this.source.status === 'loading' || this.nearPending || (this.source.status === 'ready' && this.source.members !== this.announced);
  }

  /** `near` waits for the places file (a visitor's search waits with the old answer shown instead). */
  private get nearPending(): boolean {
    return this.searchPending && !this.query.trim();
  }

  /**
   * The answer shown is `near`'s: a municipality without a search typed. Its bar is there as soon as the
   * answer is, before the members are fitted into the map below it (which the bar makes shorter).
   */
  private get nearShown(): boolean {
    return Boolean(this.answer.place) && !this.query.trim();
  }

  private statusText(strings: Strings): string {
    if (this.loading) return strings.loading;
    if (!this.shownMembers) return '';
    if (!this.query.trim() && !this.answer.place) return this.shownMembers.length ? strings.loaded(this.shownMembers.length) : '';
    return searchStatus(strings, this.query, this.searchPending ? undefined : this.answer);
  }

  private listOptions(strings: Strings) {
    const { place, nearby } = this.answer;
    const options = { strings, showOnMap: this.showOnMap, empty: this.emptyMessage(strings) };
    return place && nearby ? { ...options, nearby: { place, members: nearby } } : options;
  }

  private get teaserHref(): string | undefined {
    return this.teaser ? teaserHref(this.href) : undefined;
  }

  private readonly pick = (lat: number, lng: number) => emit(this, 'member-map-pick', { lat, lng });

  /** A municipality picked among several of one name: its search text goes into the field. */
  private readonly choosePlace = async (place: Place) => {
    clearTimeout(this.searchTimer);
    this.query = this.placeSearch.queryFor(place);
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  };

  private async showMembers(): Promise<void> {
    const view = this.mapView!;
    const members = this.found;
    const loaded = this.source.members;
    this.membersInView = members;
    const completed = await view.setMembers(members);
    if (!completed || view !== this.mapView || members !== this.found) return;
    this.shownMembers = members;
    if (loaded.length > 0 && this.announced !== loaded) {
      this.announced = loaded;
      emit(this, 'member-map-load', {
        count: loaded.length,
        skipped: this.source.skipped.map(({ index, reason }) => ({ index, reason })),
      });
      if (this.selected && !this.mapStill) this.openSelected();
    }
    this.requestUpdate();
    // The teaser's caption now counts the members, and may take a second line: fit above it.
    if (this.mapStill) void this.updateComplete.then(() => this.mapView?.refit());
  }

  /** "Alle Mitglieder zeigen": `near` set aside; the focus goes to the search, since the button is gone. */
  private readonly showAll = async () => {
    this.nearView.dismiss(this.near);
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  };

  private readonly search = (query: string) => {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.query = query;
      this.requestUpdate();
    }, SEARCH_DELAY_MS);
  };

  private readonly showOnMap = async (member: Member) => {
    this.view = 'map';
    this.region = '';
    this.center = '';
    await this.updateComplete;
    this.focusOnOpen = true;
    this.selected = member.id;
  };

  private readonly skipToList = async () => {
    this.view = 'list';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.list')?.focus();
  };

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

  private initialView(): { center?: [number, number]; zoom?: number } {
    const [lat, lng] = this.center.split(',').map((part) => Number(part.trim()));
    const center: [number, number] | undefined =
      Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && this.center.includes(',') ? [lat, lng] : undefined;
    const zoom = Number.isFinite(this.zoom) ? this.zoom : undefined;
    return { center, zoom };
  }

  private openSelected(): void {
    const focus = this.focusOnOpen;
    this.focusOnOpen = false;
    if (!this.mapView?.open(this.selected, focus)) this.mapView?.closePopup();
  }

  private handleOpen(member: Member): void {
    this.openedId = member.id;
    this.selected = member.id;
    emit(this, 'member-map-select', { id: member.id, member });
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
}
