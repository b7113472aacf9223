import { css } from 'lit';

/**
 * The row under the toolbar: the municipalities of one name to pick from (place-choices.ts), and with
 * `near` the bar that names what the map shows (near-bar.ts reuses these classes).
 */
export const placeChoicesStyles = css`
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

  /* Touch screens: buttons 44 × 44 px (WCAG 2.2, 2.5.8). */
  @media (pointer: coarse) {
    .place-choices button {
      min-height: 44px;
      min-width: 44px;
    }
  }

  /* Forced colours (Windows high contrast): every button a border of its own. */
  @media (forced-colors: active) {
    .place-choices button {
      border: 1px solid ButtonText;
    }
  }
`;
