import { css, unsafeCSS } from 'lit';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import markerClusterCss from 'leaflet.markercluster/dist/MarkerCluster.css?inline';

/** Leaflet's and markercluster's own CSS, adopted into the shadow root (page CSS cannot reach it). */
export const vendorStyles = [unsafeCSS(leafletCss), unsafeCSS(markerClusterCss)];

export const memberMapStyles = css`
  :host {
    /* Nothing a theme sets on the page inherits into the element (custom properties still do). */
    all: initial;
    --_accent: var(--member-map-accent, #00567f);
    --_radius: var(--member-map-radius, 8px);
    --_focus: var(--member-map-focus-color, #111);
    display: block;
    position: relative;
    height: var(--member-map-height, 480px);
    border-radius: var(--_radius);
    overflow: hidden;
    contain: layout paint style;
    /* The layout follows the element's own width: it sits in columns of any width. */
    container: member-map / inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  :host([teaser][href]) {
    height: var(--member-map-height, 240px);
  }
  .teaser {
    position: relative;
    display: block;
    width: 100%;
    height: 100%;
    font-family: var(--member-map-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: #1b232c;
    text-decoration: none;
  }
  /* Every click on the box is a click on the link (markercluster's icons would catch them). */
  .teaser .map,
  .teaser .map * {
    pointer-events: none !important;
  }
  .teaser .leaflet-container {
    cursor: pointer;
  }
  .teaser:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .teaser-caption {
    position: absolute;
    left: 6px;
    right: 6px;
    bottom: 6px;
    z-index: 1;
    display: flex;
    flex-direction: column;
    padding: 3px 8px 2px;
    border-radius: var(--_radius);
    background: rgb(255 255 255 / 94%);
    box-shadow: 0 1px 4px rgb(0 0 0 / 25%);
  }
  .teaser-count {
    position: relative;
    padding-right: 1.2em;
    font-size: 13px;
    font-weight: 700;
    line-height: 1.35;
    color: var(--_accent);
  }
  /* At the box's right edge, so that it does not move when the count replaces "Lade Mitglieder…". */
  .teaser-count::after {
    content: '→' / '';
    position: absolute;
    right: 0;
  }
  .teaser:hover .teaser-count {
    text-decoration: underline;
  }
  .teaser-attribution {
    font-size: 9px;
    line-height: 1.3;
    color: #3b4652;
  }
  :host(:fullscreen),
  :host([fullscreen-fallback]) {
    border-radius: 0;
  }
  :host([fullscreen-fallback]) {
    position: fixed;
    inset: 0;
    z-index: 2147483000;
    width: 100vw;
    height: 100vh;
  }

  /* Reset everything a theme can pass down by inheritance; px, not rem (themes set html font-size). */
  .frame {
    position: relative;
    display: flex;
    flex-direction: column;
    width: 100%;
    height: 100%;
    font-family: var(--member-map-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: 15px;
    font-style: normal;
    font-weight: 400;
    line-height: 1.45;
    color: #1b232c;
    text-align: left;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 6px 16px;
    padding: 8px 10px;
    background: #f3f5f7;
    border-bottom: 1px solid #c9d0d6;
  }
  .search {
    display: flex;
    align-items: center;
    gap: 8px;
    /* Where label, field and buttons do not fit one row, the search takes a row of its own. */
    flex: 1 1 360px;
  }
  .search label {
    font-size: 14px;
    font-weight: 600;
    white-space: nowrap;
  }
  .search input {
    flex: 1;
    width: 0; /* its size comes from the flex row, not from its own default width */
    min-width: 0;
    max-width: 340px;
    min-height: 34px;
    box-sizing: border-box;
    height: 34px;
    padding: 4px 10px;
    border: 1px solid #6b747d;
    border-radius: 4px;
    background: #fff;
    color: #1b232c;
    font: inherit;
    font-size: 15px;
  }
  /* Firefox draws the placeholder at half opacity (3.6:1); a colour of its own keeps 4.5:1 (WCAG 1.4.3). */
  .search input::placeholder {
    color: #5d6670;
    opacity: 1;
  }
  .toolbar-end {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 6px 8px;
    margin-left: auto;
  }
  .fullscreen-icon {
    display: none;
  }
  .fullscreen-button {
    padding: 6px 12px;
    border: 1px solid #6b747d;
    border-radius: 4px;
    background: #fff;
    color: #1b232c;
    font: inherit;
    font-size: 14px;
    cursor: pointer;
  }
  /* No overflow clipping here: it would cut off the focus ring (WCAG 2.4.7); the buttons round their own outer corners. */
  .view-toggle {
    display: inline-flex;
    border: 1px solid var(--_accent);
    border-radius: 4px;
  }
  .view-toggle button {
    padding: 6px 14px;
    border: 0;
    border-radius: 0;
    background: #fff;
    color: var(--_accent);
    font: inherit;
    font-size: 14px;
    font-weight: 600;
    cursor: pointer;
  }
  .view-toggle button[aria-pressed='true'] {
    background: var(--_accent);
    color: #fff;
  }
  .view-toggle button:first-child {
    border-radius: 3px 0 0 3px;
  }
  .view-toggle button:last-child {
    border-radius: 0 3px 3px 0;
  }
  /* The focused button's ring lies over its neighbour. */
  .view-toggle button:focus-visible {
    position: relative;
    z-index: 1;
  }
  .stage {
    position: relative;
    flex: 1;
    min-height: 0;
  }
  .place-choices {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 8px;
    padding: 6px 10px 8px;
    background: #f3f5f7;
    border-bottom: 1px solid #c9d0d6;
    font-size: 14px;
  }
  .place-choices__label {
    font-weight: 600;
  }
  .place-choices button {
    min-height: 32px;
    padding: 4px 10px;
    border: 1px solid var(--_accent);
    border-radius: 16px;
    background: #fff;
    color: var(--_accent);
    font: inherit;
    cursor: pointer;
  }
  .place-choices__more {
    color: #3b4652;
  }
  .skip-link {
    position: absolute;
    left: 56px;
    top: 10px;
    z-index: 1003;
    padding: 6px 12px;
    border: 2px solid var(--_accent);
    border-radius: 4px;
    background: #fff;
    color: var(--_accent);
    font: inherit;
    font-size: 14px;
    font-weight: 600;
  }
  .skip-link:not(:focus) {
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    width: 1px;
    height: 1px;
    overflow: hidden;
    padding: 0;
    border: 0;
  }

  .list {
    position: absolute;
    inset: 0;
    z-index: 900;
    overflow: auto;
    padding: 4px 18px 18px;
    background: #fff;
  }
  .list h3 {
    margin: 16px 0 6px;
    font-size: 17px;
    line-height: 1.3;
    color: #1b232c;
  }
  .list-members {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .list-member {
    padding: 10px 0;
    border-top: 1px solid #dde2e6;
  }
  .list-member p {
    margin: 0 0 2px;
  }
  .list a {
    color: var(--_accent);
  }
  .list-member__place {
    font-weight: 700;
  }
  .list-member__organisation {
    color: #3b4652;
  }
  .list-member__distance {
    color: #3b4652;
    font-weight: 600;
  }
  .empty,
  .map-empty {
    margin: 16px 0;
    font-weight: 600;
  }
  .map-empty {
    position: absolute;
    left: 50%;
    top: 40%;
    transform: translateX(-50%);
    z-index: 1000;
    padding: 10px 16px;
    border-radius: var(--_radius);
    background: #fff;
    box-shadow: 0 1px 6px rgb(0 0 0 / 30%);
  }

  .gesture-hint {
    position: absolute;
    inset: 0;
    z-index: 1001;
    display: flex;
    align-items: center;
    justify-content: center;
    padding: 20px;
    background: rgb(0 0 0 / 45%);
    color: #fff;
    font-size: 20px;
    font-weight: 600;
    text-align: center;
    opacity: 0;
    pointer-events: none;
    transition: opacity 0.2s;
  }
  .gesture-hint.visible {
    opacity: 1;
  }
  /* One finger scrolls the page; two fingers move and zoom the map. */
  .leaflet-container.leaflet-touch-drag,
  .leaflet-container.leaflet-touch-drag.leaflet-touch-zoom {
    touch-action: pan-x pan-y;
  }
  @media (prefers-reduced-motion: reduce) {
    .gesture-hint {
      transition: none;
    }
  }

  .map,
  .leaflet-host {
    position: absolute;
    inset: 0;
  }
  .map {
    z-index: 0; /* a stacking context, so Leaflet's z-indices stay inside */
  }
  .leaflet-container {
    background: var(--member-map-background, #d5e5ee);
    font: inherit;
    font-size: 13px;
  }
  .leaflet-container a {
    color: var(--_accent);
  }
  /* Leaflet takes the underline away: a credit's link would differ from its words by colour alone (WCAG 1.4.1). */
  .leaflet-control-attribution a {
    text-decoration: underline;
  }
  .leaflet-container :focus-visible,
  .frame :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .member-marker {
    box-sizing: border-box;
    border-radius: 50%;
    background: var(--_accent);
    border: 3px solid #fff;
    box-shadow: 0 1px 4px rgb(0 0 0 / 45%);
    cursor: pointer;
  }
  .member-cluster {
    box-sizing: border-box;
    display: flex;
    align-items: center;
    justify-content: center;
    border-radius: 50%;
    background: var(--_accent);
    border: 3px solid #fff;
    box-shadow: 0 0 0 4px color-mix(in srgb, var(--_accent) 35%, transparent), 0 1px 4px rgb(0 0 0 / 35%);
    color: #fff;
    font-size: 14px;
    font-weight: 700;
    cursor: pointer;
  }

  .leaflet-container.picking {
    cursor: crosshair;
  }
  .city-label,
  .place-marker {
    pointer-events: none;
  }
  .place-marker__ring {
    position: absolute;
    left: -9px;
    top: -9px;
    width: 12px;
    height: 12px;
    border: 3px solid #b3261e;
    border-radius: 50%;
    background: rgba(255, 255, 255, 0.85);
  }
  .place-marker__ring + span {
    position: absolute;
    left: 10px;
    top: -22px;
    white-space: nowrap;
    font-size: 13px;
    font-weight: 700;
    color: #7a1a14;
    text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff;
  }
  .city-label::before {
    content: '';
    position: absolute;
    left: -2px;
    top: -2px;
    width: 4px;
    height: 4px;
    border-radius: 50%;
    background: #5d636c;
  }
  .city-label span {
    position: absolute;
    left: 15px; /* clear of a member marker on the same spot */
    top: -8px;
    white-space: nowrap;
    font-size: 11px;
    line-height: 1.2;
    color: #3f444b;
    text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff;
  }

  .consent-prompt {
    box-sizing: border-box;
    position: absolute;
    left: 10px;
    bottom: 26px;
    z-index: 1000;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 12px;
    max-width: min(640px, calc(100% - 20px));
    padding: 6px 8px 6px 12px;
    border-radius: var(--_radius);
    background: #fff;
    box-shadow: 0 1px 6px rgb(0 0 0 / 30%);
    font-size: 12px;
    line-height: 1.35;
  }
  .consent-prompt p {
    flex: 1 1 16em;
    margin: 0;
  }
  .consent-info {
    display: none;
  }
  /* Small filled action buttons: load the detailed map, try again. */
  .consent-button,
  .retry {
    padding: 5px 10px;
    border: 0;
    border-radius: 4px;
    background: var(--_accent);
    color: #fff;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .consent-withdraw {
    position: absolute;
    left: 10px;
    bottom: 26px;
    z-index: 1000;
    padding: 4px 10px;
    border: 1px solid #767c85;
    border-radius: 4px;
    background: #fff;
    color: #1b232c;
    font: inherit;
    font-size: 12px;
    cursor: pointer;
  }

  .leaflet-popup-content {
    margin: 14px 26px 14px 16px;
    font-size: 14px;
    line-height: 1.45;
  }
  .member-card p {
    margin: 0 0 4px;
  }
  .member-card__title {
    font-size: 16px;
    font-weight: 700;
  }
  .member-card__role {
    font-style: italic;
  }
  .member-card__place {
    color: #3b4652;
  }
  .contact-lines {
    list-style: none;
    margin: 8px 0;
    padding: 0;
  }
  .contact-lines li {
    margin: 2px 0;
    overflow-wrap: anywhere;
  }
  .label {
    color: #3b4652;
  }

  .link-button {
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .member-card__join {
    font-size: 13px;
  }

  .contact-button {
    padding: 6px 14px;
    border: 1px solid var(--_accent);
    border-radius: 999px;
    background: var(--_accent);
    color: #fff;
    font: inherit;
    font-size: 14px;
    font-weight: 600;
    cursor: pointer;
  }
  .contact-button:hover {
    filter: brightness(1.15);
  }
  .contact-panel {
    box-sizing: border-box;
    position: absolute;
    top: 10px;
    right: 10px;
    z-index: 1001;
    width: min(360px, calc(100% - 20px));
    max-height: calc(100% - 20px);
    overflow: auto;
    padding: 16px 18px;
    border-radius: var(--_radius);
    background: #fff;
    box-shadow: 0 4px 18px rgb(0 0 0 / 30%);
  }
  .contact-panel p {
    margin: 0 0 10px;
  }
  .contact-panel__title {
    font-size: 17px;
    font-weight: 700;
    padding-right: 28px;
  }
  .contact-panel a {
    color: var(--_accent);
    font-weight: 600;
  }
  .contact-panel__address {
    color: #3b4652;
    overflow-wrap: anywhere;
  }
  .close {
    position: absolute;
    top: 8px;
    right: 8px;
    width: 32px;
    height: 32px;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: #1b232c;
    font-size: 22px;
    line-height: 1;
    cursor: pointer;
  }
  .close:hover {
    background: #eef2f5;
  }

  .status.visible,
  .error {
    position: absolute;
    left: 50%;
    top: 50%;
    transform: translate(-50%, -50%);
    z-index: 1002;
    max-width: calc(100% - 40px);
    padding: 12px 18px;
    border-radius: var(--_radius);
    background: #fff;
    box-shadow: 0 2px 10px rgb(0 0 0 / 25%);
  }
  .error {
    border-left: 5px solid #b00020;
  }
  .error p {
    margin: 4px 0 0;
  }
  .retry {
    margin-top: 10px;
  }

  .status:not(.visible),
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* Narrow elements (phones, columns): the search on a row of its own with a magnifier for a label,
     fullscreen as an icon, the consent prompt as one line with its sentence one tap away. */
  @container member-map (max-width: 479px) {
    .toolbar {
      gap: 6px;
      padding: 6px 8px;
    }
    .search {
      position: relative;
      flex: 1 1 calc(100% - 60px);
      min-width: 0;
    }
    .search label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .search::before,
    .search::after {
      content: '';
      position: absolute;
      pointer-events: none;
    }
    .search::before {
      left: 10px;
      top: 50%;
      width: 10px;
      height: 10px;
      margin-top: -8px;
      border: 2px solid #4a535c;
      border-radius: 50%;
    }
    .search::after {
      left: 21px;
      top: 50%;
      width: 2px;
      height: 7px;
      margin-top: 2px;
      background: #4a535c;
      transform: rotate(-45deg);
    }
    .search input {
      max-width: none;
      padding-left: 32px;
    }
    /* Row 1: search and fullscreen; row 2: map/list and the contact button. */
    .toolbar-end {
      display: contents;
    }
    .contact-button {
      margin-left: auto;
      padding: 6px 10px;
      font-size: 13px;
    }
    .view-toggle button {
      padding: 6px 10px;
      font-size: 13px;
    }
    .fullscreen-button {
      padding: 6px 10px;
    }
    .fullscreen-label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .fullscreen-icon {
      display: block;
      width: 14px;
      height: 14px;
      border: 2px dashed currentColor;
      border-radius: 2px;
    }
    .consent-prompt {
      bottom: 22px;
      padding: 4px 6px;
      gap: 6px;
    }
    .consent-prompt:not(.expanded) .consent-text {
      display: none;
    }
    .consent-info {
      display: block;
      min-width: 28px;
      padding: 4px 8px;
      border: 1px solid var(--_accent);
      border-radius: 50%;
      background: #fff;
      color: var(--_accent);
      font: inherit;
      font-weight: 700;
      font-style: italic;
      cursor: pointer;
    }
    .leaflet-control-attribution {
      font-size: 10px;
    }
    /* The data sources stay; Leaflet's own credit (not required by its licence) makes room for them. */
    .leaflet-control-attribution a[href='https://leafletjs.com'],
    .leaflet-control-attribution a[href='https://leafletjs.com'] + span {
      display: none;
    }
    .leaflet-popup-content {
      margin: 12px 22px 12px 12px;
    }
  }

  /* The narrowest columns: the basemap's credit takes two lines, the consent bar stays above them. */
  @container member-map (max-width: 299px) {
    .consent-prompt,
    .consent-withdraw {
      bottom: 34px;
    }
  }

  /* Touch screens: every target at least 24 × 24 px, buttons 44 px where they fit (WCAG 2.2, 2.5.8). */
  @media (pointer: coarse) {
    .view-toggle button,
    .fullscreen-button,
    .contact-button,
    .consent-button,
    .consent-info,
    .consent-withdraw,
    .retry,
    .place-choices button,
    .close {
      min-height: 44px;
      min-width: 44px;
    }
    .search input {
      min-height: 44px;
    }
    .leaflet-touch .leaflet-control-zoom a {
      width: 44px;
      height: 44px;
      line-height: 44px;
    }
    .leaflet-container a.leaflet-popup-close-button {
      width: 44px;
      height: 44px;
      font-size: 24px;
      line-height: 44px;
    }
    .leaflet-popup-content {
      margin-right: 44px;
    }
    .contact-lines a,
    .link-button,
    .list a,
    .contact-panel a {
      display: inline-block;
      min-height: 24px;
      line-height: 24px;
    }
  }

  /* Forced colours (Windows high contrast): the browser swaps every colour for the user's few system
     colours and drops all shadows. Boxes that stood out by a shadow get a border, every button one of
     its own, and the pressed view takes the system's selection colours, as the user's other programs
     show a chosen option. Outside forced colours nothing here applies. */
  @media (forced-colors: active) {
    .leaflet-popup-content-wrapper,
    .leaflet-popup-tip,
    .contact-panel,
    .consent-prompt,
    .status.visible,
    .map-empty,
    .teaser-caption {
      border: 1px solid CanvasText;
    }
    .error {
      border: 1px solid CanvasText;
      border-left-width: 5px;
    }
    :host button,
    .leaflet-bar a,
    .leaflet-bar a:last-child,
    .leaflet-container a.leaflet-popup-close-button {
      border: 1px solid ButtonText;
    }
    /* In the popup's corner the close button's border would run into the popup's own. */
    .leaflet-container a.leaflet-popup-close-button {
      top: 3px;
      right: 3px;
    }
    .link-button {
      padding: 1px 6px;
    }
    /* Not adjusted again by the browser: its backplate would put Canvas behind the HighlightText. Only
       system colours here, so the user's theme still decides; the focus ring keeps the theme's text colour. */
    :host button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      outline-color: CanvasText;
    }
  }
`;