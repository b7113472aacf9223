import type { Strings } from './strings.js';

export const en: Strings = {
  regionLabel: 'Map of the members of the Netzwerk Bürgerbeteiligung',
  loading: 'Loading members…',
  loaded: (count) => (count === 1 ? '1 member on the map' : `${count} members on the map`),
  errorTitle: 'The member map could not be loaded.',
  errorNotFound: 'The member file was not found (404).',
  errorHttp: (status) => `The server did not deliver the member file (HTTP ${status}).`,
  errorNetwork: 'The member file cannot be reached. Please check the internet connection.',
  errorInvalidJson: 'The member file is not valid JSON.',
  errorNotCollection: 'The member file is not a GeoJSON FeatureCollection.',
  errorEmpty: 'The member file contains no members.',
  errorNoValidMembers: (skipped) =>
    `None of the ${skipped} entries in the member file can be shown (details in the browser console).`,
  clusterLabel: (count) => `Group of ${count} members`,
  popupEmail: 'Email',
  popupPhone: 'Phone',
  popupWebsite: 'Website',
  contactButton: 'Become a member?',
  contactTitle: 'Become a member',
  contactText:
    'Membership is open to employees of municipal administrations whose task is to advance ' +
    'citizen participation in their municipality. Write to the network’s coordination:',
  contactWriteTo: (name) => `Email ${name}`,
  consentText: (host) => `Load the detailed map? This sends your IP address to ${host}.`,
  consentButton: 'Load detailed map',
  consentWithdraw: 'Hide detailed map',
  close: 'Close',
  closePopup: 'Close info window',
};
