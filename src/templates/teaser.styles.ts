import { css } from 'lit';

/** The sidebar teaser (teaser.ts): one link over a still map, with a caption that counts the members. */
export const teaserStyles = css`
  .teaser {
    position: relative;
    display: block;
    width: 100%;
    height: 100%;
    text-decoration: none;
  }
  /* The note of a failed file lies beside the link, not inside it: the same type, not the page's. */
  .teaser,
  .teaser ~ .error {
    font-family: var(--member-map-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: #1b232c;
  }
  .teaser ~ .error {
    font-size: 14px;
    font-style: normal;
    line-height: 1.35;
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
  .teaser-arrow {
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

  /* Forced colours (Windows high contrast) drop the caption's shadow: a border sets it off instead. */
  @media (forced-colors: active) {
    .teaser-caption {
      border: 1px solid CanvasText;
    }
  }
`;
