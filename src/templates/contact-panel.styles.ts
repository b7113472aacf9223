import { css } from 'lit';

/** The "Mitglied werden" panel (contact-panel.ts) in the map's upper right corner. */
export const contactPanelStyles = css`
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

  /* Touch screens: the close button 44 × 44 px, links at least 24 px high (WCAG 2.2, 2.5.8). */
  @media (pointer: coarse) {
    .close {
      min-height: 44px;
      min-width: 44px;
    }
    .contact-panel a {
      display: inline-block;
      min-height: 24px;
      line-height: 24px;
    }
  }

  /* Forced colours (Windows high contrast) drop the panel's shadow: a border instead, and the close
     button one of its own. */
  @media (forced-colors: active) {
    .contact-panel {
      border: 1px solid CanvasText;
    }
    .contact-panel button {
      border: 1px solid ButtonText;
    }
  }
`;
