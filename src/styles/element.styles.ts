import { css } from 'lit';

/**
 * The element's frame: the host box, the reset against the page's theme, the stage under the
 * toolbar, the focus ring, and what the element itself puts on the stage (skip link, empty result,
 * status, errors with their retry). Shared helpers such as `.visually-hidden` live here too.
 */
export const elementStyles = css`
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
  /* The teaser's own height; dist/member-map.css reserves both heights before the script runs. */
  :host([teaser][href]) {
    height: var(--member-map-height, 240px);
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
  .stage {
    position: relative;
    flex: 1;
    min-height: 0;
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

  /* "No member found": in the list, and over the map. */
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

  .leaflet-container :focus-visible,
  .frame :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
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
  /* A small filled action button: "Erneut versuchen", "Detailkarte laden". */
  .retry {
    margin-top: 10px;
  }
  .action-button {
    padding: 5px 10px;
    border: 0;
    border-radius: 4px;
    background: var(--_accent);
    color: #fff;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
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

  /* Touch screens: buttons at least 44 × 44 px (WCAG 2.2, 2.5.8). */
  @media (pointer: coarse) {
    .retry {
      min-height: 44px;
      min-width: 44px;
    }
  }

  /* Forced colours (Windows high contrast) drop all shadows: boxes that stood out by one get a border,
     and every button a border of its own. */
  @media (forced-colors: active) {
    .status.visible,
    .map-empty {
      border: 1px solid CanvasText;
    }
    .error {
      border: 1px solid CanvasText;
      border-left-width: 5px;
    }
    /* The hidden skip link keeps its border 0 (its :not(:focus) rule is more specific). */
    .skip-link,
    .retry {
      border: 1px solid ButtonText;
    }
  }
`;
