import { css } from 'lit';

/** The toolbar (toolbar.ts): search, fullscreen, the map/list switch and the contact button. */
export const toolbarStyles = css`
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

  /* Narrow elements (phones, columns): the search on a row of its own with a magnifier for a label,
     fullscreen as an icon. */
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
    /* The search's label and fullscreen's text stay for screen readers only. */
    .search label,
    .fullscreen-label {
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
    .fullscreen-icon {
      display: block;
      width: 14px;
      height: 14px;
      border: 2px dashed currentColor;
      border-radius: 2px;
    }
  }

  /* Touch screens: buttons and the search field 44 px high (WCAG 2.2, 2.5.8). */
  @media (pointer: coarse) {
    .view-toggle button,
    .fullscreen-button,
    .contact-button {
      min-height: 44px;
      min-width: 44px;
    }
    .search input {
      min-height: 44px;
    }
  }

  /* Forced colours (Windows high contrast): every button gets a border of its own (the switch's
     buttons have none), and the pressed one takes the system's selection colours, as the user's other
     programs show a chosen option. After the rules above, which they override at equal specificity. */
  @media (forced-colors: active) {
    .toolbar button {
      border: 1px solid ButtonText;
    }
    /* Not adjusted again by the browser: its backplate would put Canvas behind the HighlightText. Only
       system colours here, so the user's theme still decides; the focus ring keeps the theme's text colour. */
    .toolbar button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      outline-color: CanvasText;
    }
  }
`;
