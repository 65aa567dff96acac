// Where a caller's number may go in a CRM URL template: after the host, never in it.
import { describe, expect, it } from 'vitest';
import { numberAfterHost } from '../../shared/settings/crm-template.js';

describe('numberAfterHost', () => {
  it.each([
    'https://crm.example/search?phone={number}',
    'https://crm.example/{number}',
    'https://crm.example:8443/contacts#{number}',
    'https://crm.example?q={number}',
  ])('accepts %s', (template) => expect(numberAfterHost(template)).toBe(true));

  it.each([
    'https://crm.example{number}/search',
    'https://{number}.crm.example/',
    'https://crm.example:{number}/',
    'https://user{number}@crm.example/',
    'https://crm.example/search',
    'crm.example/{number}',
  ])('refuses %s', (template) => expect(numberAfterHost(template)).toBe(false));
});
