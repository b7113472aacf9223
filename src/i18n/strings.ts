/** Every UI string of the element. One dictionary per language implements this interface. */
export interface Strings {
  /** For numbers in messages. */
  locale: string;
  regionLabel: string;
  loading: string;
  loaded: (count: number) => string;
  errorTitle: string;
  errorNotFound: string;
  errorHttp: (status: number) => string;
  errorNetwork: string;
  errorTimeout: (seconds: number) => string;
  errorTooLarge: (megabytes: string) => string;
  retry: string;
  /** A part loaded on first use (list, search, contact panel) could not be loaded. */
  partFailed: string;
  errorInvalidJson: string;
  errorNotCollection: string;
  errorEmpty: string;
  errorNoValidMembers: (skipped: number) => string;
  clusterLabel: (count: number) => string;
  popupEmail: string;
  popupPhone: string;
  popupWebsite: string;
  contactButton: string;
  contactTitle: string;
  contactText: string;
  contactWriteTo: (name: string) => string;
  consentText: (host: string) => string;
  /** The sidebar teaser's caption: members and the Länder they are in. */
  teaserCaption: (members: number, laender: number) => string;
  /** Around the teaser's caption, for screen readers: what the link is and where it leads. */
  teaserBefore: string;
  /** The teaser's caption when the member file could not be loaded. */
  teaserFallback: string;
  teaserAfter: string;
  /** The offline basemap's sources, as plain text where links cannot be (inside the teaser's link). */
  basemapCredit: string;
  consentInfo: string;
  consentButton: string;
  consentWithdraw: string;
  mapLabel: string;
  zoomIn: string;
  zoomOut: string;
  fullscreen: string;
  exitFullscreen: string;
  unknownRegion: (region: string) => string;
  viewLabel: string;
  viewMap: string;
  viewList: string;
  searchLabel: string;
  searchPlaceholder: string;
  found: (count: number) => string;
  /** While the places file loads for the first place search. */
  searchingPlace: string;
  nearby: (count: number, place: string) => string;
  nearbyTitle: (place: string) => string;
  distance: (text: string) => string;
  placeChoicesLabel: string;
  placeOthersLabel: string;
  placeChoices: (count: number, query: string) => string;
  /** A place choice's button: the official name and its Land. */
  placeChoice: (name: string, land: string) => string;
  moreChoices: (count: number) => string;
  noPlace: (query: string) => string;
  /** With `near`: back to the whole map. */
  showAll: string;
  /** Console warnings for a `near` that is no single municipality. */
  nearUnknown: (value: string) => string;
  nearAmbiguous: (value: string, options: string[]) => string;
  showOnMap: string;
  skipMap: string;
  listTitle: string;
  withoutState: string;
  wheelHint: (mac: boolean) => string;
  touchHint: string;
  close: string;
  closePopup: string;
}

export type Language = 'de' | 'en';
