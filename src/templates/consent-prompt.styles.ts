import { css } from 'lit';

/** The tile consent prompt and its way back (consent-prompt.ts), over the map's lower left corner. */
export const consentPromptStyles = css`
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
  /* .consent-button is an .action-button (element.styles.ts). */
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

  /* Narrow elements: the prompt as one line, its sentence one tap away behind an info button. */
  @container member-map (max-width: 479px) {
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
  }

  /* The narrowest columns: the basemap's credit takes two lines, the prompt stays above them. */
  @container member-map (max-width: 299px) {
    .consent-prompt,
    .consent-withdraw {
      bottom: 34px;
    }
  }

  /* Touch screens: buttons 44 × 44 px (WCAG 2.2, 2.5.8). */
  @media (pointer: coarse) {
    .consent-button,
    .consent-info,
    .consent-withdraw {
      min-height: 44px;
      min-width: 44px;
    }
  }

  /* Forced colours (Windows high contrast) drop the prompt's shadow: a border instead, and every
     button one of its own (after the narrow rule that gives the info button the accent's). */
  @media (forced-colors: active) {
    .consent-prompt {
      border: 1px solid CanvasText;
    }
    .consent-prompt button,
    .consent-withdraw {
      border: 1px solid ButtonText;
    }
  }
`;
