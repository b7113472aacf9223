import { type CSSResult, unsafeCSS } from 'lit';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import markerClusterCss from 'leaflet.markercluster/dist/MarkerCluster.css?inline';
import { consentPromptStyles } from '../templates/consent-prompt.styles.js';
import { contactPanelStyles } from '../templates/contact-panel.styles.js';
import { memberCardStyles } from '../templates/member-card.styles.js';
import { memberListStyles } from '../templates/member-list.styles.js';
import { placeChoicesStyles } from '../templates/place-choices.styles.js';
import { teaserStyles } from '../templates/teaser.styles.js';
import { toolbarStyles } from '../templates/toolbar.styles.js';
import { elementStyles } from './element.styles.js';
import { mapStyles } from './map.styles.js';

/** Leaflet's and markercluster's own CSS, adopted into the shadow root (page CSS cannot reach it). */
export const vendorStyles = [unsafeCSS(leafletCss), unsafeCSS(markerClusterCss)];

/**
 * The element's own styles, one sheet per part, after the vendor styles. The order is the one the
 * parts had in the single stylesheet before: the teaser's cursor before the map's picking cursor,
 * which overrides it at equal specificity. Each part keeps its own overrides (narrow container,
 * touch, forced colours) after its base rules, so none of them depends on another part's order.
 */
export const memberMapStyles: CSSResult[] = [
  elementStyles,
  teaserStyles,
  toolbarStyles,
  placeChoicesStyles,
  memberListStyles,
  mapStyles,
  consentPromptStyles,
  memberCardStyles,
  contactPanelStyles,
];
