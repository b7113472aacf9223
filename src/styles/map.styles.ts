import { css } from 'lit';

/**
 * The map: Leaflet's container and controls as the element wants them, the member markers and
 * clusters, the basemap's city labels, the searched place, the two-finger hint and the popup's shell
 * (its content is the member card). Used by the full map and by the teaser.
 */
export const mapStyles = css`
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

  .leaflet-popup-content {
    margin: 14px 26px 14px 16px;
    font-size: 14px;
    line-height: 1.45;
  }

  @media (prefers-reduced-motion: reduce) {
    .gesture-hint {
      transition: none;
    }
  }

  /* Narrow elements: a smaller credit and a slimmer popup. */
  @container member-map (max-width: 479px) {
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

  /* Touch screens: zoom and close buttons 44 × 44 px (WCAG 2.2, 2.5.8); after the narrow rule, so the
     popup's text keeps clear of the larger close button at every width. */
  @media (pointer: coarse) {
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
  }

  /* Forced colours (Windows high contrast) drop all shadows: the popup gets a border, and Leaflet's
     buttons (links) one of their own. */
  @media (forced-colors: active) {
    .leaflet-popup-content-wrapper,
    .leaflet-popup-tip {
      border: 1px solid CanvasText;
    }
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
  }
`;
