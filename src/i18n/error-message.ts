import type { MemberDataError } from '../data/members.js';
import type { Strings } from './strings.js';

/** The visitor-facing message for a data error, in the UI language. */
export function errorMessage(error: MemberDataError, strings: Strings): string {
  switch (error.code) {
    case 'not-found':
      return strings.errorNotFound;
    case 'http':
      return strings.errorHttp(error.details.status ?? 0);
    case 'network':
      return strings.errorNetwork;
    case 'timeout':
      return strings.errorTimeout(Math.round((error.details.limit ?? 0) / 1000));
    case 'too-large':
      return strings.errorTooLarge(
        new Intl.NumberFormat(strings.locale, { maximumSignificantDigits: 3 }).format((error.details.limit ?? 0) / 1_000_000),
      );
    case 'invalid-json':
      return strings.errorInvalidJson;
    case 'not-collection':
      return strings.errorNotCollection;
    case 'empty':
      return strings.errorEmpty;
    case 'no-valid-members':
      return strings.errorNoValidMembers(error.details.skipped?.length ?? 0);
  }
}
