// The "Open in CRM" address: the caller's number is data from the phone network, so it may only
// fill the place the template keeps for it; it must never choose the host the browser goes to.
import { describe, expect, it } from 'vitest';
import { crmUrlFor } from '../../electron/main/security/external-links.js';

describe('CRM link from a template', () => {
  it.each([
    ['https://crm.example{number}', '.evil.example'],
    ['https://crm.example{number}/search', '.evil.example'],
    ['https://crm{number}.example/search', '.evil'],
    ['https://crm.example:{number}/search', '8443'],
  ])('refuses %s when the number %s would change the host', (template, number) => {
    expect(crmUrlFor(template, number)).toBeNull();
  });

  it.each([
    [
      'https://crm.example/search?phone={number}',
      '+33 2 98',
      'https://crm.example/search?phone=%2B33%202%2098',
    ],
    [
      'https://crm.example/contacts/{number}',
      '@evil.example',
      'https://crm.example/contacts/%40evil.example',
    ],
    [
      'https://crm.example/contacts/{number}/x',
      '../../admin',
      'https://crm.example/contacts/..%2F..%2Fadmin/x',
    ],
    ['https://crm.example/#/search/{number}', '0240#x', 'https://crm.example/#/search/0240%23x'],
    ['http://localhost:8080/crm?n={number}', '0240', 'http://localhost:8080/crm?n=0240'],
  ])('keeps %s on its host for the number %s', (template, number, expected) => {
    expect(crmUrlFor(template, number)).toBe(expected);
  });
});
