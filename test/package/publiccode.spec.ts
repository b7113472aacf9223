/// <reference types="node" />
// publiccode.yml against the publiccode.yml standard, release 0.7 (https://yml.publiccode.tools,
// docs/standard/schema.core.rst and the category, scope and alias lists of
// github.com/publiccodeyml/publiccode.yml), and against this package: its version and licence,
// and the CHANGELOG.md entry of that version. The rules are written out here as read in the
// standard; deprecated keys count as errors, and platforms must come from the predefined list
// (the standard also allows free text there).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { parseDocument } from 'yaml';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; license: string };
const parseSpdx = createRequire(import.meta.url)('spdx-expression-parse') as (expression: string) => unknown;

// ---- The standard's vocabulary (release 0.7) ----

/** Values of publiccodeYmlVersion for the current release: "0" means the newest 0.x. */
const CURRENT_VERSIONS = ['0', '0.7', '0.7.0'];
const PLATFORMS = ['web', 'windows', 'mac', 'linux', 'ios', 'android'];
const DEVELOPMENT_STATUSES = ['concept', 'development', 'beta', 'stable', 'obsolete'];
const SOFTWARE_TYPES = [
  'standalone/mobile', 'standalone/iot', 'standalone/desktop', 'standalone/web', 'standalone/backend',
  'standalone/other', 'addon', 'library', 'configurationFiles',
];
const MAINTENANCE_TYPES = ['internal', 'contract', 'community', 'none'];
const SCOPES = [
  'agriculture', 'culture', 'defence', 'education', 'emergency-services', 'employment', 'energy',
  'environment', 'finance-and-economic-development', 'foreign-affairs', 'government', 'healthcare',
  'infrastructures', 'justice', 'local-authorities', 'manufacturing', 'research',
  'science-and-technology', 'security', 'society', 'sport', 'tourism', 'transportation', 'welfare',
];
const ALIASES = ['gdpr', 'eidas', 'nis2', 'cra', 'spid', 'cie', 'anpr', 'pagopa', 'io'];
const CATEGORIES = `accounting agile-project-management applicant-tracking application-development
  appointment-scheduling backup billing-and-invoicing blog budgeting business-intelligence
  business-process-management cad call-center-management cloud-management collaboration communications
  compliance-management contact-management content-management crm customer-service-and-support
  data-analytics data-collection data-visualization design design-system digital-asset-management
  digital-citizenship document-management donor-management e-commerce e-signature educational-content
  email-management email-marketing employee-management enterprise-project-management
  enterprise-social-networking erp event-management facility-management feedback-and-reviews-management
  financial-reporting fleet-management fundraising gamification geographic-information-systems
  grant-management graphic-design help-desk hr ide identity-management instant-messaging
  integrated-library-system inventory-management it-asset-management it-development it-management
  it-security it-service-management knowledge-management learning-management-system marketing
  mind-mapping mobile-marketing mobile-payment network-management office online-booking
  online-community payment-gateway payroll predictive-analysis procurement productivity-suite
  project-collaboration project-management property-management real-estate-management
  regulations-and-directives remote-support resource-management sales-management seo service-desk
  social-media-management survey talent-management task-management taxes-management test-management
  time-management time-tracking translation video-conferencing video-editing visitor-management voip
  warehouse-management web-collaboration web-conferencing website-builder whistleblowing
  workflow-management other`.split(/\s+/);

/** Keys each section may hold; `null` marks a key the standard deprecates. */
const TOP_LEVEL_KEYS: Record<string, boolean | null> = {
  publiccodeYmlVersion: true, name: true, url: true, platforms: true, developmentStatus: true,
  softwareType: true, description: true, legal: true, maintenance: true, localisation: true,
  applicationSuite: false, landingURL: false, isBasedOn: false, softwareVersion: false, releaseDate: false,
  logo: false, categories: false, usedBy: false, fundedBy: false, roadmap: false, supports: false,
  organisation: false, intendedAudience: false, dependsOn: false,
  monochromeLogo: null, inputTypes: null, outputTypes: null, IT: null, it: null,
};
const DESCRIPTION_KEYS: Record<string, boolean | null> = {
  shortDescription: true, longDescription: false, features: false, localisedName: false,
  documentation: false, apiDocumentation: false, screenshots: false, videos: false, awards: false,
  genericName: null,
};
const LEGAL_KEYS: Record<string, boolean | null> = {
  license: true, mainCopyrightOwner: false, repoOwner: null, authorsFile: null,
};

// ---- Helpers ----

type Json = unknown;
type Problems = string[];

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const length = (text: string) => [...text].length;

function isHttpUrl(value: Json): boolean {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isUri(value: Json): boolean {
  if (typeof value !== 'string' || /\s/.test(value)) return false;
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(value) && Boolean(new URL(value));
  } catch {
    return false;
  }
}

/** "YYYY-MM-DD", the only date format the standard allows, and a day that exists. */
function isDate(value: Json): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** A BCP 47 tag whose first subtag is a language (the standard forbids leaving it out). */
function isLanguageTag(value: Json): boolean {
  if (typeof value !== 'string' || !/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

function isEmail(value: Json): boolean {
  return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

function checkKeys(section: Record<string, Json>, allowed: Record<string, boolean | null>, at: string, problems: Problems) {
  for (const [key, required] of Object.entries(allowed)) {
    if (required && !(key in section)) problems.push(`${at}${key}: missing (mandatory)`);
  }
  for (const key of Object.keys(section)) {
    if (!(key in allowed)) problems.push(`${at}${key}: not a key of the standard`);
    else if (allowed[key] === null) problems.push(`${at}${key}: deprecated by the standard`);
  }
}

function checkStringList(value: Json, at: string, problems: Problems, allowed?: string[]) {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${at}: must be a non-empty list`);
    return;
  }
  value.forEach((item, index) => {
    if (typeof item !== 'string' || item.trim() === '') problems.push(`${at}[${index}]: must be a non-empty string`);
    else if (allowed && !allowed.includes(item)) problems.push(`${at}[${index}]: '${item}' is not an allowed value`);
  });
}

function checkEnum(value: Json, allowed: string[], at: string, problems: Problems) {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    problems.push(`${at}: '${String(value)}' is not one of ${allowed.join(', ')}`);
  }
}

function checkOrganisation(value: Json, at: string, problems: Problems, uriRequired: boolean) {
  if (!isObject(value)) {
    problems.push(`${at}: must be a mapping`);
    return;
  }
  if (uriRequired || 'uri' in value) {
    if (!isUri(value.uri)) problems.push(`${at}.uri: must be a URI`);
  }
  if (!uriRequired && typeof value.name !== 'string') problems.push(`${at}.name: missing (mandatory)`);
  if ('name' in value && typeof value.name !== 'string') problems.push(`${at}.name: must be a string`);
}

function checkDescription(lang: string, entry: Json, problems: Problems) {
  const at = `description.${lang}.`;
  if (!isLanguageTag(lang)) problems.push(`description.${lang}: not a BCP 47 language tag`);
  if (!isObject(entry)) {
    problems.push(`description.${lang}: must be a mapping`);
    return;
  }
  checkKeys(entry, DESCRIPTION_KEYS, at, problems);
  const short = entry.shortDescription;
  if (typeof short !== 'string') problems.push(`${at}shortDescription: must be a string`);
  else {
    if (length(short) > 150) problems.push(`${at}shortDescription: ${length(short)} characters, at most 150`);
    if (/\n/.test(short.trim())) problems.push(`${at}shortDescription: must be a single line`);
  }
  // The standard wants longDescription and features in at least one language; we want them in each.
  const long = entry.longDescription;
  if (typeof long !== 'string') problems.push(`${at}longDescription: missing or not a string`);
  else if (length(long) < 150 || length(long) > 10000) {
    problems.push(`${at}longDescription: ${length(long)} characters, must be 150 to 10000`);
  }
  checkStringList(entry.features, `${at}features`, problems);
  for (const key of ['documentation', 'apiDocumentation']) {
    if (key in entry && !isHttpUrl(entry[key])) problems.push(`${at}${key}: must be an http(s) URL`);
  }
  if ('localisedName' in entry && typeof entry.localisedName !== 'string') problems.push(`${at}localisedName: must be a string`);
  if ('screenshots' in entry) {
    checkStringList(entry.screenshots, `${at}screenshots`, problems);
    for (const shot of Array.isArray(entry.screenshots) ? entry.screenshots : []) {
      if (typeof shot !== 'string') continue;
      if (!/\.(png|jpe?g)$/i.test(shot)) problems.push(`${at}screenshots: '${shot}' is not PNG or JPEG`);
      if (!isHttpUrl(shot) && !existsSync(new URL(shot, root))) problems.push(`${at}screenshots: '${shot}' does not exist`);
    }
  }
  if ('videos' in entry) {
    checkStringList(entry.videos, `${at}videos`, problems);
    for (const video of Array.isArray(entry.videos) ? entry.videos : []) {
      if (!isHttpUrl(video)) problems.push(`${at}videos: '${String(video)}' is not an http(s) URL`);
    }
  }
  if ('awards' in entry) checkStringList(entry.awards, `${at}awards`, problems);
}

function checkDependencies(list: Json, at: string, problems: Problems) {
  if (!Array.isArray(list)) {
    problems.push(`${at}: must be a list`);
    return;
  }
  list.forEach((dependency, index) => {
    const here = `${at}[${index}]`;
    if (!isObject(dependency)) {
      problems.push(`${here}: must be a mapping`);
      return;
    }
    checkKeys(dependency, { name: true, versionMin: false, versionMax: false, version: false, optional: false }, `${here}.`, problems);
    if (typeof dependency.name !== 'string' || dependency.name === '') problems.push(`${here}.name: must be a non-empty string`);
    for (const key of ['versionMin', 'versionMax', 'version']) {
      if (key in dependency && typeof dependency[key] !== 'string') problems.push(`${here}.${key}: must be a string (quote it)`);
    }
    if ('optional' in dependency && typeof dependency.optional !== 'boolean') problems.push(`${here}.optional: must be true or false`);
  });
}

/** Every way `doc` breaks the standard's rules, as "key: reason" lines; empty when it follows them. */
function checkPubliccode(doc: Json, today = new Date().toISOString().slice(0, 10)): Problems {
  const problems: Problems = [];
  if (!isObject(doc)) return ['the file must be a YAML mapping'];
  checkKeys(doc, TOP_LEVEL_KEYS, '', problems);

  if (typeof doc.publiccodeYmlVersion !== 'string') problems.push('publiccodeYmlVersion: must be a string (quote it)');
  else if (!CURRENT_VERSIONS.includes(doc.publiccodeYmlVersion)) {
    problems.push(`publiccodeYmlVersion: '${doc.publiccodeYmlVersion}' is not the current release (${CURRENT_VERSIONS.join(', ')})`);
  }
  if (typeof doc.name !== 'string' || doc.name.trim() === '') problems.push('name: must be a non-empty string');
  if ('applicationSuite' in doc && typeof doc.applicationSuite !== 'string') problems.push('applicationSuite: must be a string');
  if ('url' in doc && !isHttpUrl(doc.url)) problems.push('url: must be an http(s) URL of the repository');
  for (const key of ['landingURL', 'roadmap']) {
    if (key in doc && !isHttpUrl(doc[key])) problems.push(`${key}: must be an http(s) URL`);
  }
  if ('isBasedOn' in doc) {
    const bases = Array.isArray(doc.isBasedOn) ? doc.isBasedOn : [doc.isBasedOn];
    if (!bases.every(isUri)) problems.push('isBasedOn: must be a URL or a list of URLs');
  }
  if ('softwareVersion' in doc && typeof doc.softwareVersion !== 'string') problems.push('softwareVersion: must be a string (quote it)');
  if ('releaseDate' in doc) {
    if (!isDate(doc.releaseDate)) problems.push(`releaseDate: '${String(doc.releaseDate)}' is not a date written YYYY-MM-DD`);
    else if (doc.releaseDate > today) problems.push(`releaseDate: ${doc.releaseDate} lies in the future`);
  }
  if ('logo' in doc) {
    if (typeof doc.logo !== 'string' || !/\.(svgz?|png)$/i.test(doc.logo)) problems.push('logo: must be an SVG, SVGZ or PNG file');
    else if (!isHttpUrl(doc.logo) && !existsSync(new URL(doc.logo, root))) problems.push(`logo: '${doc.logo}' does not exist`);
  }
  if ('platforms' in doc) {
    checkStringList(typeof doc.platforms === 'string' ? [doc.platforms] : doc.platforms, 'platforms', problems, PLATFORMS);
  }
  if ('categories' in doc) checkStringList(doc.categories, 'categories', problems, CATEGORIES);
  if ('usedBy' in doc) checkStringList(doc.usedBy, 'usedBy', problems);
  if ('fundedBy' in doc) {
    if (!Array.isArray(doc.fundedBy)) problems.push('fundedBy: must be a list');
    else doc.fundedBy.forEach((funder, index) => checkOrganisation(funder, `fundedBy[${index}]`, problems, false));
  }
  if ('developmentStatus' in doc) checkEnum(doc.developmentStatus, DEVELOPMENT_STATUSES, 'developmentStatus', problems);
  if ('softwareType' in doc) checkEnum(doc.softwareType, SOFTWARE_TYPES, 'softwareType', problems);
  if ('supports' in doc) {
    if (!Array.isArray(doc.supports)) problems.push('supports: must be a list');
    else {
      doc.supports.forEach((item, index) => {
        const id = isObject(item) ? item.id : undefined;
        const alias = typeof id === 'string' && id.startsWith('alias:') ? id.slice('alias:'.length) : undefined;
        if (alias !== undefined ? !ALIASES.includes(alias) : !isUri(id)) {
          problems.push(`supports[${index}].id: must be a known alias:<name> or a URI`);
        }
      });
    }
  }
  if ('organisation' in doc) checkOrganisation(doc.organisation, 'organisation', problems, true);

  if ('intendedAudience' in doc) {
    const audience = doc.intendedAudience;
    if (!isObject(audience)) problems.push('intendedAudience: must be a mapping');
    else {
      checkKeys(audience, { countries: false, unsupportedCountries: false, scope: false }, 'intendedAudience.', problems);
      for (const key of ['countries', 'unsupportedCountries']) {
        if (!(key in audience)) continue;
        checkStringList(audience[key], `intendedAudience.${key}`, problems);
        for (const code of Array.isArray(audience[key]) ? audience[key] : []) {
          // Lower-case codes are deprecated.
          if (typeof code !== 'string' || !/^[A-Z]{2}$/.test(code)) {
            problems.push(`intendedAudience.${key}: '${String(code)}' is not an upper-case ISO 3166-1 alpha-2 code`);
          }
        }
      }
      if ('scope' in audience) checkStringList(audience.scope, 'intendedAudience.scope', problems, SCOPES);
    }
  }

  if ('description' in doc) {
    const description = doc.description;
    if (!isObject(description) || Object.keys(description).length === 0) {
      problems.push('description: must hold at least one language');
    } else {
      for (const [lang, entry] of Object.entries(description)) checkDescription(lang, entry, problems);
    }
  }

  if ('legal' in doc) {
    const legal = doc.legal;
    if (!isObject(legal)) problems.push('legal: must be a mapping');
    else {
      checkKeys(legal, LEGAL_KEYS, 'legal.', problems);
      if ('license' in legal) {
        let valid = typeof legal.license === 'string';
        try {
          if (valid) parseSpdx(legal.license as string);
        } catch {
          valid = false;
        }
        if (!valid) problems.push(`legal.license: '${String(legal.license)}' is not an SPDX expression`);
      }
      if ('mainCopyrightOwner' in legal && typeof legal.mainCopyrightOwner !== 'string') problems.push('legal.mainCopyrightOwner: must be a string');
    }
  }

  if ('maintenance' in doc) {
    const maintenance = doc.maintenance;
    if (!isObject(maintenance)) problems.push('maintenance: must be a mapping');
    else {
      checkKeys(maintenance, { type: true, contractors: false, contacts: false }, 'maintenance.', problems);
      if ('type' in maintenance) checkEnum(maintenance.type, MAINTENANCE_TYPES, 'maintenance.type', problems);
      const type = maintenance.type;
      if (type === 'contract' && !('contractors' in maintenance)) problems.push('maintenance.contractors: mandatory when type is contract');
      if (type !== 'contract' && 'contractors' in maintenance) problems.push('maintenance.contractors: only allowed when type is contract');
      if ((type === 'internal' || type === 'community') && !('contacts' in maintenance)) {
        problems.push(`maintenance.contacts: mandatory when type is ${type}`);
      }
      if ('contractors' in maintenance) {
        const contractors = Array.isArray(maintenance.contractors) ? maintenance.contractors : [];
        if (contractors.length === 0) problems.push('maintenance.contractors: must be a non-empty list');
        contractors.forEach((contractor, index) => {
          const at = `maintenance.contractors[${index}]`;
          if (!isObject(contractor)) return problems.push(`${at}: must be a mapping`);
          checkKeys(contractor, { name: true, until: true, email: false, website: false }, `${at}.`, problems);
          if (!isDate(contractor.until)) problems.push(`${at}.until: must be a date written YYYY-MM-DD`);
          if ('email' in contractor && !isEmail(contractor.email)) problems.push(`${at}.email: not an e-mail address`);
          if ('website' in contractor && !isHttpUrl(contractor.website)) problems.push(`${at}.website: must be an http(s) URL`);
        });
      }
      if ('contacts' in maintenance) {
        const contacts = Array.isArray(maintenance.contacts) ? maintenance.contacts : [];
        if (contacts.length === 0) problems.push('maintenance.contacts: must be a non-empty list');
        contacts.forEach((contact, index) => {
          const at = `maintenance.contacts[${index}]`;
          if (!isObject(contact)) return problems.push(`${at}: must be a mapping`);
          checkKeys(contact, { name: true, email: false, phone: false, affiliation: false }, `${at}.`, problems);
          if ('name' in contact && (typeof contact.name !== 'string' || contact.name.trim() === '')) problems.push(`${at}.name: must be a person's name`);
          if ('email' in contact && !isEmail(contact.email)) problems.push(`${at}.email: not an e-mail address`);
          if ('phone' in contact && typeof contact.phone !== 'string') problems.push(`${at}.phone: must be a string (quote it)`);
          if ('affiliation' in contact && typeof contact.affiliation !== 'string') problems.push(`${at}.affiliation: must be a string`);
        });
      }
    }
  }

  if ('localisation' in doc) {
    const localisation = doc.localisation;
    if (!isObject(localisation)) problems.push('localisation: must be a mapping');
    else {
      checkKeys(localisation, { localisationReady: true, availableLanguages: true }, 'localisation.', problems);
      if ('localisationReady' in localisation && typeof localisation.localisationReady !== 'boolean') {
        problems.push('localisation.localisationReady: must be true or false');
      }
      if ('availableLanguages' in localisation) {
        checkStringList(localisation.availableLanguages, 'localisation.availableLanguages', problems);
        for (const tag of Array.isArray(localisation.availableLanguages) ? localisation.availableLanguages : []) {
          if (!isLanguageTag(tag)) problems.push(`localisation.availableLanguages: '${String(tag)}' is not a BCP 47 language tag`);
        }
      }
    }
  }

  if ('dependsOn' in doc) {
    const dependsOn = doc.dependsOn;
    if (!isObject(dependsOn)) problems.push('dependsOn: must be a mapping');
    else {
      checkKeys(dependsOn, { open: false, proprietary: false, hardware: false }, 'dependsOn.', problems);
      for (const key of ['open', 'proprietary', 'hardware']) {
        if (key in dependsOn) checkDependencies(dependsOn[key], `dependsOn.${key}`, problems);
      }
    }
  }
  return problems;
}

// ---- The file itself ----

const source = read('publiccode.yml');
const yaml = parseDocument(source, { version: '1.2', uniqueKeys: true, prettyErrors: false });
const doc = yaml.toJS() as Record<string, Json>;

test('publiccode.yml is UTF-8 YAML 1.2 without errors, warnings or duplicate keys', () => {
  assert.ok(!source.startsWith('\uFEFF'), 'no byte order mark');
  assert.ok(!source.includes('\uFFFD'), 'valid UTF-8 throughout');
  assert.deepEqual(yaml.errors.map(String), []);
  assert.deepEqual(yaml.warnings.map(String), []);
});

test('publiccode.yml follows the publiccode.yml standard 0.7', () => {
  assert.deepEqual(checkPubliccode(doc), []);
});

test('publiccode.yml says what package.json and LICENSE say: version, licence, copyright holder', () => {
  assert.equal(doc.softwareVersion, pkg.version);
  const legal = doc.legal as Record<string, Json>;
  assert.equal(legal.license, pkg.license);
  const copyright = read('LICENSE').match(/^Copyright (?:\(c\) |©\s*)?(?:\d{4}(?:[-–]\d{4})?,?\s+)?(.+)$/im);
  assert.ok(copyright, 'LICENSE has a copyright line');
  assert.equal(legal.mainCopyrightOwner, copyright[1].trim());
});

test('publiccode.yml describes the element in German and English, the languages it speaks', () => {
  assert.deepEqual(Object.keys(doc.description as object).sort(), ['de', 'en']);
  assert.deepEqual([...((doc.localisation as Record<string, string[]>).availableLanguages)].sort(), ['de', 'en']);
  assert.equal((doc.localisation as Record<string, Json>).localisationReady, true);
  for (const lang of ['de', 'en']) assert.ok(existsSync(new URL(`src/i18n/${lang}.ts`, root)), `src/i18n/${lang}.ts`);
});

test('releaseDate is the date of the CHANGELOG.md entry for softwareVersion', () => {
  const changelog = read('CHANGELOG.md');
  const escaped = String(doc.softwareVersion).replace(/\./g, '\\.');
  const heading = changelog.match(new RegExp(`^## \\[${escaped}\\] - (\\d{4}-\\d{2}-\\d{2})$`, 'm'));
  assert.ok(heading, `CHANGELOG.md has a heading "## [${doc.softwareVersion}] - YYYY-MM-DD"`);
  assert.equal(doc.releaseDate, heading[1]);
});

// ---- The check itself fails where it should ----

test('the check finds each broken rule in a broken copy of publiccode.yml', () => {
  const cases: [string, (copy: Record<string, any>) => void, RegExp][] = [
    ['a mandatory key left out', (c) => delete c.softwareType, /^softwareType: missing/],
    ['an unknown key', (c) => (c.homepage = 'https://example.org/'), /^homepage: not a key/],
    ['a deprecated key', (c) => (c.legal.repoOwner = 'Someone'), /^legal\.repoOwner: deprecated/],
    ['an old standard version', (c) => (c.publiccodeYmlVersion = '0.4'), /^publiccodeYmlVersion: '0\.4'/],
    ['an unquoted version number', (c) => (c.publiccodeYmlVersion = 0.7), /^publiccodeYmlVersion: must be a string/],
    ['a development status outside the list', (c) => (c.developmentStatus = 'alpha'), /^developmentStatus: 'alpha'/],
    ['a software type outside the list', (c) => (c.softwareType = 'web-component'), /^softwareType: 'web-component'/],
    ['a category outside the list', (c) => c.categories.push('maps'), /^categories\[\d\]: 'maps'/],
    ['a platform outside the list', (c) => (c.platforms = ['browser']), /^platforms\[0\]: 'browser'/],
    ['a scope outside the list', (c) => c.intendedAudience.scope.push('municipalities'), /^intendedAudience\.scope/],
    ['a lower-case country', (c) => (c.intendedAudience.countries = ['de']), /^intendedAudience\.countries: 'de'/],
    ['a short description of 151 characters', (c) => (c.description.en.shortDescription = 'x'.repeat(151)), /^description\.en\.shortDescription: 151/],
    ['a short description on two lines', (c) => (c.description.de.shortDescription = 'Eine Karte.\nZwei Zeilen.'), /^description\.de\.shortDescription: must be a single line/],
    ['a long description of 149 characters', (c) => (c.description.de.longDescription = 'x'.repeat(149)), /^description\.de\.longDescription: 149/],
    ['no features', (c) => (c.description.en.features = []), /^description\.en\.features: must be a non-empty list/],
    ['a language tag without language', (c) => (c.description['x-DE'] = c.description.de), /^description\.x-DE: not a BCP 47/],
    ['no description at all', (c) => (c.description = {}), /^description: must hold at least one language/],
    ['a date in another format', (c) => (c.releaseDate = '27.11.2026'), /^releaseDate: '27\.11\.2026'/],
    ['a day that does not exist', (c) => (c.releaseDate = '2026-02-30'), /^releaseDate: '2026-02-30'/],
    ['a release date in the future', (c) => (c.releaseDate = '2999-01-01'), /^releaseDate: 2999-01-01 lies in the future/],
    ['a licence that is no SPDX expression', (c) => (c.legal.license = 'MIT License'), /^legal\.license: 'MIT License'/],
    ['a maintenance type outside the list', (c) => (c.maintenance.type = 'volunteers'), /^maintenance\.type: 'volunteers'/],
    ['internal maintenance without contacts', (c) => delete c.maintenance.contacts, /^maintenance\.contacts: mandatory/],
    ['contractors without a contract', (c) => (c.maintenance.contractors = [{ name: 'A', until: '2027-01-01' }]), /^maintenance\.contractors: only allowed/],
    ['a contact without a name', (c) => delete c.maintenance.contacts[0].name, /^maintenance\.contacts\[0\]\.name: missing/],
    ['localisationReady as text', (c) => (c.localisation.localisationReady = 'yes'), /^localisation\.localisationReady/],
    ['a repository address that is no URL', (c) => (c.url = 'member-map.git'), /^url: must be an http\(s\) URL/],
    ['a dependency version as a number', (c) => (c.dependsOn.open[0].versionMin = 6.1), /^dependsOn\.open\[0\]\.versionMin/],
    ['an unknown alias in supports', (c) => (c.supports = [{ id: 'alias:bitv' }]), /^supports\[0\]\.id/],
  ];
  for (const [what, breakIt, expected] of cases) {
    const copy = structuredClone(doc) as Record<string, any>;
    breakIt(copy);
    const problems = checkPubliccode(copy);
    assert.ok(problems.some((problem) => expected.test(problem)), `${what}: expected ${expected}, got ${JSON.stringify(problems)}`);
  }
  // and the file as written passes, so each problem above came from the one change.
  assert.deepEqual(checkPubliccode(structuredClone(doc)), []);
});
