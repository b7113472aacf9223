import type { Strings } from './strings.js';

export const de: Strings = {
  regionLabel: 'Karte der Mitglieder des Netzwerks Bürgerbeteiligung',
  loading: 'Lade Mitglieder…',
  loaded: (count) => (count === 1 ? '1 Mitglied auf der Karte' : `${count} Mitglieder auf der Karte`),
  errorTitle: 'Die Mitgliederkarte konnte nicht geladen werden.',
  errorNotFound: 'Die Mitgliederdatei wurde nicht gefunden (404).',
  errorHttp: (status) => `Der Server hat die Mitgliederdatei nicht geliefert (HTTP ${status}).`,
  errorNetwork: 'Die Mitgliederdatei ist nicht erreichbar. Bitte prüfen Sie die Internetverbindung.',
  errorInvalidJson: 'Die Mitgliederdatei ist kein gültiges JSON.',
  errorNotCollection: 'Die Mitgliederdatei ist keine GeoJSON-FeatureCollection.',
  errorEmpty: 'Die Mitgliederdatei enthält keine Mitglieder.',
  errorNoValidMembers: (skipped) =>
    `Keiner der ${skipped} Einträge der Mitgliederdatei kann angezeigt werden (Details in der Browser-Konsole).`,
  clusterLabel: (count) => `Gruppe mit ${count} Mitgliedern`,
  popupEmail: 'E-Mail',
  popupPhone: 'Telefon',
  popupWebsite: 'Website',
  contactButton: 'Mitglied werden?',
  contactTitle: 'Mitglied werden',
  contactText:
    'Mitglied werden können Beschäftigte kommunaler Verwaltungen, deren Aufgabe es ist, ' +
    'Bürgerbeteiligung in ihrer Kommune voranzubringen. Schreiben Sie der Koordination des Netzwerks:',
  contactWriteTo: (name) => `E-Mail an ${name}`,
  consentText: (host) => `Detailkarte laden? Dabei wird Ihre IP-Adresse an ${host} übertragen.`,
  consentButton: 'Detailkarte laden',
  consentWithdraw: 'Detailkarte ausblenden',
  viewLabel: 'Ansicht',
  viewMap: 'Karte',
  viewList: 'Liste',
  searchLabel: 'Mitglieder suchen',
  searchPlaceholder: 'Name, Ort, Funktion …',
  found: (count) =>
    count === 0 ? 'Keine Mitglieder gefunden' : count === 1 ? '1 Mitglied gefunden' : `${count} Mitglieder gefunden`,
  showOnMap: 'Auf der Karte zeigen',
  skipMap: 'Karte überspringen, zur Liste',
  listTitle: 'Mitglieder nach Bundesland',
  withoutState: 'Ohne Bundesland',
  wheelHint: (mac) => `Zum Zoomen ${mac ? '⌘' : 'Strg'} + Mausrad verwenden`,
  touchHint: 'Zum Verschieben der Karte zwei Finger verwenden',
  close: 'Schließen',
  closePopup: 'Infofenster schließen',
};
