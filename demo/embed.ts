// The embed-code generator (demo/embed.html): web editors pick options, see a live <member-map> and copy
// the snippet for their CMS. Everything here uses only the element's public interface (attributes and
// CSS custom properties). User input is only ever written as text (`value`, `textContent`), never as HTML.
//
// The module has no side effects when imported: embed.html calls `initEmbedPage(form)`, and the tests
// import the pure functions (`buildSnippet`, `applyOptions`, …) directly.

import { DEFAULT_PLACES_URL } from '../src/places/fetch-places.js';
import { LAENDER } from '../src/places/laender.js';
import { besideScript } from '../src/script-url.js';
import { wireNearField } from './near-field.js';

export type TilesMode = 'consent' | 'on' | 'off';
export type Language = 'de' | 'en';
/** How the map goes into the page: script and tag, the WordPress plugin's shortcode, or an iframe. */
export type EmbedWay = 'script' | 'wordpress' | 'iframe';

/** What the editor chose in the form. */
export interface EmbedOptions {
  /** Where the editor uploaded `member-map.iife.js` (with `member-map-basemap.json` and `member-map.css` next to it). */
  scriptUrl: string;
  /** The small overview map for a sidebar (`teaser`): one link to `href`, no controls, no tiles. */
  teaser: boolean;
  /** The page with the full map, where the teaser links to. */
  href: string;
  /** URL of the member GeoJSON file. */
  src: string;
  /** `''` for all of Germany, else the ISO 3166-2 code of a Bundesland (`DE-BW`). */
  region: string;
  /** A municipality (name, "Name, Land" or AGS) the map opens on with its nearest members; `''` for none. */
  near: string;
  lang: Language;
  tiles: TilesMode;
  /** A CSS length such as `480px`; a bare number is read as pixels. */
  height: string;
  /** A hex colour such as `#00567f`. */
  accent: string;
  /** The coordinator's address; `''` keeps the element's default. */
  contactEmail: string;
}

/** The element's own defaults: a snippet leaves out whatever equals them. */
export const ELEMENT_DEFAULTS = {
  tiles: 'consent' as TilesMode,
  height: '480px',
  teaserHeight: '240px',
  accent: '#00567f',
  contactEmail: 'stock@netzwerk-buergerbeteiligung.de',
};

/** What the generator starts with. */
export const DEFAULT_OPTIONS: EmbedOptions = {
  scriptUrl: '/fileadmin/member-map/member-map.iife.js',
  teaser: false,
  href: '',
  src: '../data/members.geojson',
  region: '',
  near: '',
  lang: 'de',
  tiles: ELEMENT_DEFAULTS.tiles,
  height: ELEMENT_DEFAULTS.height,
  accent: ELEMENT_DEFAULTS.accent,
  contactEmail: '',
};

/** The 16 Bundesländer, sorted by name, with their ISO 3166-2 codes (from the element's own table). */
export const REGIONS: ReadonlyArray<{ code: string; name: string }> = [...LAENDER]
  .map((land) => ({ code: `DE-${land.iso}`, name: land.name }))
  .sort((a, b) => a.name.localeCompare(b.name, 'de'));

export const MIN_HEIGHT_PX = 240;
export const MAX_HEIGHT_PX = 1600;

/** Makes `value` safe inside a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n|\r/g, ' ');
}

/** `#abc`, `abc`, `#AABBCC` → `#aabbcc`; anything else → undefined. */
export function normalizeHexColor(value: string): string | undefined {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!match) return undefined;
  const digits = match[1]!.toLowerCase();
  return digits.length === 3 ? `#${[...digits].map((digit) => digit + digit).join('')}` : `#${digits}`;
}

/** `480`, `480px`, `30rem`, `70vh` → a CSS length; anything else (including `;` or quotes) → undefined. */
export function normalizeHeight(value: string): string | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(px|rem|em|vh|svh|dvh)?$/i.exec(value.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = (match[2] ?? 'px').toLowerCase();
  if (amount <= 0) return undefined;
  if (unit === 'px' && (amount < MIN_HEIGHT_PX || amount > MAX_HEIGHT_PX)) return undefined;
  return `${amount}${unit}`;
}

/** The stylesheet that reserves the map's height: `member-map.css` in the script's folder. */
export function stylesheetUrl(scriptUrl: string): string {
  return scriptUrl.trim().replace(/[^/]*$/, '').concat('member-map.css');
}

/**
 * The teaser's link target as typed (`/karte/`, `https://…`), if it is a web address the element accepts
 * (http or https once resolved against the page); anything else, including `javascript:`, → undefined.
 */
export function normalizeHref(value: string): string | undefined {
  const href = value.trim();
  if (!href) return undefined;
  try {
    const { protocol } = new URL(href, 'https://www.example.org/seite/');
    return protocol === 'http:' || protocol === 'https:' ? href : undefined;
  } catch {
    return undefined;
  }
}

/** Contrast ratio (WCAG 2.1) of a hex colour against white, e.g. 4.5 for `#767676`. */
export function contrastWithWhite(hex: string): number {
  const colour = normalizeHexColor(hex);
  if (!colour) return Number.NaN;
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(colour.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

/** The attributes and custom properties a set of options stands for, each only when it differs from the default. */
export interface ResolvedEmbed {
  scriptUrl: string;
  stylesheetUrl: string;
  /**
   * In snippet order. `lang` is always there: the element's default depends on the page, the editor's
   * choice does not. Boolean attributes (`teaser`) have the value `''`.
   */
  attributes: Array<[name: string, value: string]>;
  style: Array<[property: string, value: string]>;
}

export function resolveOptions(options: Partial<EmbedOptions>): ResolvedEmbed {
  const chosen = { ...DEFAULT_OPTIONS, ...options };
  const teaser = chosen.teaser === true;
  const attributes: Array<[string, string]> = [];
  if (teaser) {
    attributes.push(['teaser', '']);
    const href = normalizeHref(chosen.href);
    if (href) attributes.push(['href', href]);
  }
  const src = chosen.src.trim();
  if (src) attributes.push(['src', src]);
  const region = chosen.region.trim();
  if (region) attributes.push(['region', region]);
  // The teaser is an overview of the whole network: `near` is for the full map.
  const near = chosen.near.trim();
  if (near && !teaser) attributes.push(['near', near]);
  attributes.push(['lang', chosen.lang === 'en' ? 'en' : 'de']);
  // The teaser loads no tiles and has no contact button: those choices do not apply to it.
  if (!teaser && (chosen.tiles === 'on' || chosen.tiles === 'off')) attributes.push(['tiles', chosen.tiles]);
  const email = chosen.contactEmail.trim();
  if (!teaser && email && email.toLowerCase() !== ELEMENT_DEFAULTS.contactEmail) attributes.push(['contact-email', email]);

  const style: Array<[string, string]> = [];
  // Without a height of its own, each kind of map has its own default.
  const height = normalizeHeight(options.height ?? defaultHeight(teaser));
  if (height && height !== defaultHeight(teaser)) style.push(['--member-map-height', height]);
  const accent = normalizeHexColor(chosen.accent);
  if (accent && accent !== ELEMENT_DEFAULTS.accent) style.push(['--member-map-accent', accent]);

  const scriptUrl = chosen.scriptUrl.trim() || DEFAULT_OPTIONS.scriptUrl;
  return { scriptUrl, stylesheetUrl: stylesheetUrl(scriptUrl), attributes, style };
}

/** The element's own height: 480px, or 240px for the teaser. */
export const defaultHeight = (teaser: boolean) => (teaser ? ELEMENT_DEFAULTS.teaserHeight : ELEMENT_DEFAULTS.height);

/**
 * The three lines a web editor pastes into their CMS: the stylesheet that reserves the map's height
 * (so that nothing on the page moves when the deferred script has run), the script, the element.
 */
export function buildSnippet(options: Partial<EmbedOptions> = {}): string {
  const { scriptUrl, stylesheetUrl, attributes, style } = resolveOptions(options);
  const parts = attributes.map(([name, value]) => (value === '' && name === 'teaser' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`));
  if (style.length) {
    const declarations = style.map(([property, value]) => `${property}: ${value}`).join('; ');
    parts.push(` style="${escapeAttribute(declarations)}"`);
  }
  return (
    `<link rel="stylesheet" href="${escapeAttribute(stylesheetUrl)}">\n` +
    `<script src="${escapeAttribute(scriptUrl)}" defer></script>\n` +
    `<member-map${parts.join('')}></member-map>`
  );
}

/**
 * The WordPress plugin's shortcode (README, "WordPress"): the same attributes, `height` as its own
 * attribute. The plugin takes `tiles` only as `consent` or `off` from a post (`on` is the site's
 * setting) and has no accent colour: the page says so beside the code.
 */
export function buildShortcode(options: Partial<EmbedOptions> = {}): string {
  const { attributes, style } = resolveOptions(options);
  const value = (text: string) => escapeAttribute(text).replace(/\[/g, '&#91;').replace(/\]/g, '&#93;');
  const parts = attributes
    .filter(([name, chosen]) => !(name === 'tiles' && chosen === 'on'))
    .map(([name, chosen]) => (name === 'teaser' ? ` ${name}` : ` ${name}="${value(chosen)}"`));
  const height = style.find(([property]) => property === '--member-map-height');
  if (height) parts.push(` height="${value(height[1])}"`);
  return `[member-map${parts.join('')}]`;
}

/** The sandbox the README recommends for the frame: scripts, its own origin, new tabs for links, the top window on a click. */
export const FRAME_SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';

/** Of the snippet's attributes, those frame.html takes as query parameters (no tile server, no `tiles="on"`). */
const FRAME_PARAMETERS = ['src', 'region', 'near', 'lang', 'tiles', 'contact-email', 'teaser', 'href'];

/** The folder of the script's address, where frame.html and member-map-frame.js lie too. */
const folderOf = (url: string) => url.replace(/[^/]*$/, '');

/** frame.html's address with the options as query parameters, in the folder of the script. */
export function frameUrl(options: Partial<EmbedOptions> = {}): string {
  const { scriptUrl, attributes } = resolveOptions(options);
  const query = new URLSearchParams();
  for (const [name, value] of attributes) {
    if (!FRAME_PARAMETERS.includes(name) || (name === 'tiles' && value === 'on')) continue;
    query.set(name, name === 'teaser' ? '1' : value);
  }
  return `${folderOf(scriptUrl)}frame.html?${query.toString()}`;
}

/**
 * The iframe for CMSs whose editors may paste no script: frame.html with the options, a title, lazy
 * loading, fullscreen and the sandbox; with `resizer`, the small script that gives the frame the
 * height it asks for (the list is taller than the map).
 */
export function buildIframe(options: Partial<EmbedOptions> = {}, resizer = false): string {
  const { scriptUrl, style, attributes } = resolveOptions(options);
  const teaser = attributes.some(([name]) => name === 'teaser');
  const height = style.find(([property]) => property === '--member-map-height')?.[1] ?? defaultHeight(teaser);
  const pixels = /^(\d+(?:\.\d+)?)px$/.exec(height)?.[1];
  const title = options.lang === 'en' ? 'Map of the members of the Netzwerk Bürgerbeteiligung' : 'Mitgliederkarte des Netzwerks Bürgerbeteiligung';
  const size = pixels ? `width="100%" height="${pixels}" style="border: 0"` : `width="100%" style="border: 0; height: ${escapeAttribute(height)}"`;
  const frame =
    `<iframe src="${escapeAttribute(frameUrl(options))}" title="${title}" ${size} loading="lazy" ` +
    `allow="fullscreen" sandbox="${FRAME_SANDBOX}"></iframe>`;
  const script = `<script src="${escapeAttribute(folderOf(scriptUrl))}member-map-frame.js" defer></script>`;
  return resizer ? `${frame}\n${script}` : frame;
}

/** The code for the chosen way of embedding. */
export function buildCode(options: Partial<EmbedOptions>, way: EmbedWay, resizer = false): string {
  if (way === 'wordpress') return buildShortcode(options);
  if (way === 'iframe') return buildIframe(options, resizer);
  return buildSnippet(options);
}

/** The attributes this page manages on the preview, with the element's default when the snippet leaves one out. */
const MANAGED_ATTRIBUTES: Record<string, string> = {
  href: '',
  src: '',
  region: '',
  near: '',
  lang: 'de',
  tiles: ELEMENT_DEFAULTS.tiles,
  'contact-email': ELEMENT_DEFAULTS.contactEmail,
};
const MANAGED_PROPERTIES = ['--member-map-height', '--member-map-accent'];

/**
 * Makes `element` (a `<member-map>`) show what the snippet for `options` would show, through its attributes
 * and custom properties only. Attributes the snippet leaves out are set to the element's default rather
 * than removed, so the element never sees a `null`. One exception: a teaser still without a (valid)
 * address links to `#` here, so that the editor sees the teaser at once.
 */
export function applyOptions(element: HTMLElement, options: Partial<EmbedOptions>): void {
  const { attributes, style } = resolveOptions(options);
  const wanted = new Map(attributes);
  // A boolean attribute: there or not.
  element.toggleAttribute('teaser', wanted.has('teaser'));
  // The preview shows the teaser before its address is typed (the page asks for it; clicks stay here anyway).
  if (wanted.has('teaser') && !wanted.has('href')) wanted.set('href', '#');
  for (const [name, fallback] of Object.entries(MANAGED_ATTRIBUTES)) {
    const value = wanted.get(name) ?? fallback;
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }
  const declared = new Map(style);
  for (const property of MANAGED_PROPERTIES) {
    const value = declared.get(property);
    if (value) element.style.setProperty(property, value);
    else element.style.removeProperty(property);
  }
}

/** Reads the generator's form (see embed.html for the field names). */
export function readOptions(form: HTMLFormElement): EmbedOptions {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  const tiles = text('tiles');
  const heightField = text('height').trim();
  return {
    scriptUrl: text('scriptUrl'),
    teaser: text('kind') === 'teaser',
    href: text('href'),
    src: text('src'),
    region: text('region'),
    near: text('near'),
    lang: text('lang') === 'en' ? 'en' : 'de',
    tiles: tiles === 'on' || tiles === 'off' ? tiles : 'consent',
    height: /^\d+(\.\d+)?$/.test(heightField) ? `${heightField}px` : heightField,
    accent: text('accent'),
    contactEmail: text('contactEmail'),
  };
}

export type CopyResult = 'copied' | 'selected';

/** Copies the snippet with the Clipboard API; where that is not allowed, selects the text for Ctrl+C. */
export async function copySnippet(text: string, field: HTMLTextAreaElement): Promise<CopyResult> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // not allowed (no permission, no focus, insecure context): fall back to selecting the text
  }
  field.focus();
  field.select();
  field.setSelectionRange(0, field.value.length);
  return 'selected';
}

const MESSAGES = {
  copied: 'Kopiert! Fügen Sie den Code jetzt in Ihr Redaktionssystem ein.',
  selected: 'Der Code ist markiert. Drücken Sie Strg+C (Mac: ⌘+C), um ihn zu kopieren.',
  heightInvalid: (standard: string) =>
    `Bitte eine Zahl zwischen ${MIN_HEIGHT_PX} und ${MAX_HEIGHT_PX} eingeben. Bis dahin gilt die Standardhöhe von ${standard} Pixeln.`,
  heightHint: (standard: string) => `Standard: ${standard} Pixel.`,
  hrefInvalid: 'Bitte eine Adresse wie /mitglieder/karte/ oder https://www.ihre-seite.de/karte/ eingeben.',
  accentInvalid: 'Bitte einen Farbcode wie #00567f eingeben. Bis dahin gilt die Standardfarbe.',
  accentLowContrast: (ratio: string) =>
    `Achtung: Diese Farbe ist zu hell. Weiße Schrift auf ihr (zum Beispiel die Zahl in einer Gruppe) hat nur ` +
    `einen Kontrast von ${ratio}\u00a0:\u00a01; die Barrierefreiheit verlangt mindestens 4,5\u00a0:\u00a01. Wählen Sie einen dunkleren Ton.`,
  accentOk: 'Gut lesbar: Weiß auf dieser Farbe erreicht den nötigen Kontrast von 4,5\u00a0:\u00a01.',
  wordpressNotes: (accent: boolean, tilesOn: boolean) =>
    [
      accent ? 'Die Akzentfarbe lässt sich im Shortcode nicht einstellen; die Karte zeigt die Standardfarbe.' : '',
      tilesOn ? '„Detailkarte sofort laden“ kann nur die Administration für die ganze Website einstellen (Einstellungen → Mitgliederkarte); der Shortcode fragt vorher.' : '',
    ].filter(Boolean).join(' '),
  iframeNotes: (accent: boolean, tilesOn: boolean) =>
    [
      accent ? 'Die Akzentfarbe gilt im iframe nicht; die Karte zeigt die Standardfarbe.' : '',
      tilesOn ? 'Im iframe lädt die Detailkarte immer erst nach Zustimmung.' : '',
    ].filter(Boolean).join(' '),
  regionUnsupported:
    'Hinweis: Diese Version der Karte kennt die Auswahl einer Region noch nicht. Die Vorschau zeigt deshalb alle ' +
    'Mitglieder; der Code enthält Ihre Auswahl trotzdem.',
};

/** The sample members beside the script (scripts/assets.js), for a preview without a member file. */
const SAMPLE_FILE = 'member-map-sample.geojson';

const formatRatio = (ratio: number) => (Math.floor(ratio * 10) / 10).toLocaleString('de-DE', { minimumFractionDigits: 1 });

/** Delay before typed URLs reach the preview, so that it does not fetch every half-typed address. */
const TYPING_DELAY_MS = 500;

/** Grows the code field so the whole snippet is visible without scrolling inside it. */
function fitToContent(field: HTMLTextAreaElement): void {
  if (!field.isConnected) return;
  field.style.height = 'auto';
  const border = field.offsetHeight - field.clientHeight;
  field.style.height = `${field.scrollHeight + border}px`;
}

function byId<T extends HTMLElement>(root: ParentNode, id: string): T {
  const found = root.querySelector<T>(`#${id}`);
  if (!found) throw new Error(`embed page: #${id} is missing`);
  return found;
}

/**
 * Wires up the generator inside `root` (embed.html's document, or a copy of its markup in a test):
 * the form drives the preview `<member-map>` and the snippet. Returns a function that stops it.
 */
export function initEmbedPage(root: ParentNode = document): () => void {
  const form = byId<HTMLFormElement>(root, 'embed-form');
  // The Länder come from the element's own table; the page has only the choice of all of Germany.
  byId<HTMLSelectElement>(root, 'embed-region').append(...REGIONS.map(({ code, name }) => new Option(name, code)));
  const preview = byId<HTMLElement>(root, 'embed-preview');
  const code = byId<HTMLTextAreaElement>(root, 'embed-code');
  const copyButton = byId<HTMLButtonElement>(root, 'embed-copy');
  const copyStatus = byId<HTMLElement>(root, 'embed-copy-status');
  const colourPicker = byId<HTMLInputElement>(root, 'embed-accent-picker');
  const colourText = byId<HTMLInputElement>(root, 'embed-accent');
  const accentHint = byId<HTMLElement>(root, 'embed-accent-hint');
  const heightField = byId<HTMLInputElement>(root, 'embed-height');
  const heightError = byId<HTMLElement>(root, 'embed-height-error');
  const heightHint = byId<HTMLElement>(root, 'embed-height-hint');
  const regionNote = byId<HTMLElement>(root, 'embed-region-note');
  const sampleNote = byId<HTMLElement>(root, 'embed-sample-note');
  const hrefBlock = byId<HTMLElement>(root, 'embed-href-field');
  const hrefField = byId<HTMLInputElement>(root, 'embed-href');
  const hrefError = byId<HTMLElement>(root, 'embed-href-error');
  const hrefNote = byId<HTMLElement>(root, 'embed-href-note');
  const teaserNote = byId<HTMLElement>(root, 'embed-teaser-note');
  const fallbackNote = byId<HTMLElement>(root, 'embed-fallback-note');
  const codeSection = byId<HTMLElement>(root, 'embed-code-title').closest<HTMLElement>('section')!;
  const resizerBlock = byId<HTMLElement>(root, 'embed-resizer-field');
  const resizerBox = byId<HTMLInputElement>(root, 'embed-resizer');
  const wayNote = byId<HTMLElement>(root, 'embed-way-note');
  const nearBlock = byId<HTMLElement>(root, 'embed-near-field');
  const steps: Record<EmbedWay, HTMLElement> = {
    script: byId(root, 'embed-steps-script'),
    wordpress: byId(root, 'embed-steps-wordpress'),
    iframe: byId(root, 'embed-steps-iframe'),
  };
  const srcField = byId<HTMLInputElement>(root, 'embed-src');
  /** The data address the page starts with: if it is not there (a fresh dist/ folder), the preview shows the sample. */
  const startingSrc = srcField.defaultValue.trim();
  let sampleShown = false;
  const stopNear = wireNearField(
    byId<HTMLInputElement>(root, 'embed-near'),
    byId<HTMLDataListElement>(root, 'embed-near-options'),
    byId<HTMLElement>(root, 'embed-near-status'),
    DEFAULT_PLACES_URL,
  );
  /** The choices that do not apply to the teaser (no tiles, no contact button). */
  const fullMapOnly = [byId<HTMLFieldSetElement>(root, 'embed-tiles-fieldset'), byId<HTMLFieldSetElement>(root, 'embed-contact-fieldset')];
  const previewSection = preview.closest<HTMLElement>('.embed-preview') ?? preview;

  let timer: ReturnType<typeof setTimeout> | undefined;
  let copyTimer: ReturnType<typeof setTimeout> | undefined;

  const showFieldError = (field: HTMLInputElement, message: HTMLElement, text: string) => {
    message.textContent = text;
    message.hidden = !text;
    if (text) field.setAttribute('aria-invalid', 'true');
    else field.removeAttribute('aria-invalid');
  };

  const validate = (options: EmbedOptions) => {
    const standard = defaultHeight(options.teaser).replace('px', '');
    heightHint.textContent = MESSAGES.heightHint(standard);
    showFieldError(heightField, heightError, normalizeHeight(options.height) ? '' : MESSAGES.heightInvalid(standard));
    // An empty address is not an error yet (the note below the code asks for it); a wrong one is.
    const href = options.href.trim();
    showFieldError(hrefField, hrefError, options.teaser && href && !normalizeHref(href) ? MESSAGES.hrefInvalid : '');
    const accent = normalizeHexColor(options.accent);
    if (!accent) {
      colourText.setAttribute('aria-invalid', 'true');
      accentHint.textContent = MESSAGES.accentInvalid;
      accentHint.classList.add('warning');
      return;
    }
    colourText.removeAttribute('aria-invalid');
    const ratio = contrastWithWhite(accent);
    accentHint.textContent = ratio < 4.5 ? MESSAGES.accentLowContrast(formatRatio(ratio)) : MESSAGES.accentOk;
    accentHint.classList.toggle('warning', ratio < 4.5);
  };

  const showRegionNote = (options: EmbedOptions) => {
    // `region` is a declared property once the element supports it.
    const supported = customElements.get('member-map') === undefined || 'region' in preview;
    regionNote.hidden = supported || !options.region;
    regionNote.textContent = regionNote.hidden ? '' : MESSAGES.regionUnsupported;
  };

  /** Shows the fields and notes of the kind of map chosen. */
  const showKind = (teaser: boolean) => {
    hrefBlock.hidden = !teaser;
    hrefField.required = teaser;
    for (const fieldset of fullMapOnly) fieldset.disabled = teaser;
    teaserNote.hidden = !teaser;
    nearBlock.hidden = teaser; // the teaser is an overview of the whole network
    previewSection.classList.toggle('embed-preview--teaser', teaser);
  };

  const chosenWay = (): EmbedWay => {
    const value = codeSection.querySelector<HTMLInputElement>('input[name="way"]:checked')?.value;
    return value === 'wordpress' || value === 'iframe' ? value : 'script';
  };

  /** The code, the steps and the notes of the chosen way of embedding. */
  const showWay = (options: EmbedOptions) => {
    const way = chosenWay();
    resizerBlock.hidden = way !== 'iframe';
    code.value = buildCode(options, way, resizerBox.checked);
    for (const [name, block] of Object.entries(steps)) block.hidden = name !== way;
    const accent = (normalizeHexColor(options.accent) ?? ELEMENT_DEFAULTS.accent) !== ELEMENT_DEFAULTS.accent;
    const tilesOn = !options.teaser && options.tiles === 'on';
    const note = way === 'wordpress' ? MESSAGES.wordpressNotes(accent, tilesOn) : way === 'iframe' ? MESSAGES.iframeNotes(accent, tilesOn) : '';
    wayNote.textContent = note;
    wayNote.hidden = !note;
    fitToContent(code);
  };

  const refresh = (delayPreview: boolean) => {
    // Read the kind first: the fieldsets it disables leave the form data.
    showKind(form.querySelector<HTMLInputElement>('input[name="kind"]:checked')?.value === 'teaser');
    const options = readOptions(form);
    validate(options);
    hrefNote.hidden = !options.teaser || Boolean(normalizeHref(options.href));
    showWay(options);
    sampleNote.hidden = options.src.trim() !== DEFAULT_OPTIONS.src;
    copyStatus.textContent = '';
    clearTimeout(timer);
    const apply = () => {
      applyOptions(preview, options);
      const sample = sampleShown && options.src.trim() === startingSrc;
      if (sample) preview.setAttribute('src', besideScript(SAMPLE_FILE));
      fallbackNote.hidden = !sample;
      showRegionNote(options);
    };
    if (delayPreview) timer = setTimeout(apply, TYPING_DELAY_MS);
    else apply();
  };

  const onInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    if (target === colourPicker) colourText.value = colourPicker.value;
    if (target === colourText) {
      const colour = normalizeHexColor(colourText.value);
      if (colour) colourPicker.value = colour;
    }
    if (target.name === 'kind' && target.checked) {
      // The height follows the kind of map, unless the editor chose one of their own.
      const teaser = target.value === 'teaser';
      const [from, to] = [defaultHeight(!teaser), defaultHeight(teaser)].map((height) => height.replace('px', ''));
      if (heightField.value.trim() === from || heightField.value.trim() === '') heightField.value = to!;
    }
    // Typed addresses reach the preview after a pause; everything else at once.
    refresh(event.type === 'input' && target.type !== 'color' && ['src', 'contactEmail', 'href'].includes(target.name));
  };

  // A freshly uploaded dist/ folder has no members.geojson yet: show the sample instead of an error, and say so.
  const onPreviewError = () => {
    if (sampleShown || preview.getAttribute('src') !== startingSrc) return;
    sampleShown = true;
    refresh(false);
  };

  const onWayChange = () => refresh(false);

  // The teaser is one link to the full map's page: in the preview it must not take the editor away.
  const onPreviewClick = (event: Event) => {
    if (preview.hasAttribute('teaser')) event.preventDefault();
  };

  const onReset = () => {
    // The form's values are reset only after the event: read them on the next task.
    setTimeout(() => {
      colourText.value = colourPicker.value;
      refresh(false);
    });
  };

  const onSubmit = (event: Event) => {
    event.preventDefault(); // Enter in a text field applies at once instead of reloading the page
    refresh(false);
  };

  const onCopy = async () => {
    const result = await copySnippet(code.value, code);
    // Emptied first so that a second "Kopiert" is announced again.
    copyStatus.textContent = '';
    clearTimeout(copyTimer);
    copyTimer = setTimeout(() => (copyStatus.textContent = MESSAGES[result]), 50);
  };

  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  form.addEventListener('reset', onReset);
  form.addEventListener('submit', onSubmit);
  copyButton.addEventListener('click', onCopy);
  preview.addEventListener('click', onPreviewClick);
  preview.addEventListener('member-map-error', onPreviewError);
  codeSection.addEventListener('change', onWayChange);
  colourText.value = normalizeHexColor(colourPicker.value) ?? ELEMENT_DEFAULTS.accent;
  refresh(false);
  void customElements.whenDefined('member-map').then(() => showRegionNote(readOptions(form)));

  return () => {
    clearTimeout(timer);
    clearTimeout(copyTimer);
    form.removeEventListener('input', onInput);
    form.removeEventListener('change', onInput);
    form.removeEventListener('reset', onReset);
    form.removeEventListener('submit', onSubmit);
    copyButton.removeEventListener('click', onCopy);
    preview.removeEventListener('click', onPreviewClick);
    preview.removeEventListener('member-map-error', onPreviewError);
    codeSection.removeEventListener('change', onWayChange);
    stopNear();
  };
}
