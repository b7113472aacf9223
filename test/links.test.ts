import { expect } from '@open-wc/testing';
import { displayUrl, mailtoHref, normaliseEmail, telHref, webHref } from '../src/links.js';

describe('link helpers', () => {
  it('accepts plain and spam-safe email spellings', () => {
    expect(normaliseEmail('stock(at)netzwerk-buergerbeteiligung.de')).to.equal('stock@netzwerk-buergerbeteiligung.de');
    expect(normaliseEmail(' a.b [at] example.org ')).to.equal('a.b@example.org');
    expect(normaliseEmail('a@example.org')).to.equal('a@example.org');
  });

  it('rejects things that are not an address', () => {
    for (const value of ['', 'nobody', 'a@b', 'javascript:alert(1)@x.de', '<a@b.de>', 'a b@c.de', 'a@b.de?cc=x@y.de']) {
      expect(normaliseEmail(value), value).to.equal(undefined);
    }
  });

  it('builds a mailto link with an encoded subject', () => {
    expect(mailtoHref('stock(at)example.org', 'Mitglied werden & mehr?')).to.equal(
      'mailto:stock@example.org?subject=Mitglied%20werden%20%26%20mehr%3F',
    );
    expect(mailtoHref('not an address')).to.equal(undefined);
  });

  it('builds tel links from digits only', () => {
    expect(telHref('+49 (6221) 58-10')).to.equal('tel:+4962215810');
    expect(telHref('0621 293 0')).to.equal('tel:06212930');
    expect(telHref('javascript:alert(1)')).to.equal(undefined);
    expect(telHref('12')).to.equal(undefined);
  });

  it('allows only http and https websites', () => {
    expect(webHref('https://www.example.org/a?b=1')).to.equal('https://www.example.org/a?b=1');
    expect(webHref('http://example.org')).to.equal('http://example.org/');
    expect(webHref('www.example.org/x')).to.equal('https://www.example.org/x');
    for (const value of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      '&#106;avascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'ftp://example.org',
      '//example.org',
      'example.org',
    ]) {
      expect(webHref(value), value).to.equal(undefined);
    }
  });

  it('shows websites without scheme and trailing slash', () => {
    expect(displayUrl('https://www.example.org/')).to.equal('www.example.org');
    expect(displayUrl('http://example.org/a/')).to.equal('example.org/a');
  });
});
