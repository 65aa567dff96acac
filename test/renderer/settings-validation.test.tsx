/**
 * Inline validation of the settings form: each bad value gets its own specific message, tied to
 * the field for screen readers; untouched fields wait for a save attempt; main's own refusals
 * land on the field they name.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import { FakeBridge } from './fake-bridge.js';
import { field, renderSettings, replace, user } from './settings-render.js';

describe('settings validation', () => {
  const cases: Array<[string, string, string]> = [
    ['Gateway address', '', 'Enter the gateway address, for example o2g.example.com.'],
    [
      'Gateway address',
      'o2g example',
      'Not a usable address: write host, host:port or https://host:port.',
    ],
    [
      'Gateway address',
      'ftp://o2g.example.com',
      'Use https:// (http:// only for a lab gateway), or just the host name.',
    ],
    [
      'Gateway address',
      'o2g.example.com:99999',
      'Not a usable address: write host, host:port or https://host:port.',
    ],
    ['Login', '', 'Enter your login, for example oxe19141.'],
    ['Login', 'oxe 19141', 'A login has no spaces.'],
    ['Proxy', 'proxy.corp:3128', 'Write the proxy as http://host:port, or leave it empty.'],
    ['Close the popup after (seconds)', '12a', 'Enter whole seconds from 0 to 600.'],
    ['Close the popup after (seconds)', '601', 'Enter whole seconds from 0 to 600.'],
    [
      'CRM address',
      'http://crm.example.com/?q={number}',
      'The CRM address must start with https://.',
    ],
    [
      'CRM address',
      'https://crm.example.com/search',
      'Put {number} where the caller’s number goes.',
    ],
    ['CRM address', 'https://exa mple/{number}', 'This CRM address is not a valid web address.'],
    [
      'CRM address',
      'https://crm.example{number}/search',
      'Put {number} after the address’s host, in its path or query.',
    ],
    ['Gateway address', 'x'.repeat(513), 'Too long: at most 512 characters.'],
  ];
  for (const [label, text, message] of cases) {
    it(`explains what is wrong: ${label} = "${text.slice(0, 40)}"`, async () => {
      renderSettings();
      const input = await replace(label, text);
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
    });
  }

  it('accepts good values without a message', async () => {
    renderSettings();
    for (const [label, text] of [
      ['Gateway address', 'https://o2g.example.com:443'],
      ['Proxy', 'http://proxy.corp:3128'],
      ['Close the popup after (seconds)', '30'],
      ['CRM address', 'https://crm.example.com/search?phone={number}'],
    ] as const) {
      const input = await replace(label, text);
      expect(input).not.toHaveAttribute('aria-invalid');
    }
  });

  it('does not flag untouched fields until a save is tried, then flags them all', async () => {
    const bridge = new FakeBridge();
    renderSettings({ settings: DEFAULT_SETTINGS, hasPassword: false }, bridge);
    const server = await field('Gateway address');
    expect(server).not.toHaveAttribute('aria-invalid');

    await user().click(screen.getByRole('button', { name: 'Save' }));
    expect(server).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Login')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Not saved: fix the fields marked in red.',
    );
    expect(bridge.requestsOn('settings:save')).toHaveLength(0);
  });

  it('needs no gateway in demo mode', async () => {
    const bridge = new FakeBridge();
    renderSettings({ settings: DEFAULT_SETTINGS }, bridge);
    await user().click(await field('Use the built-in demo instead of a gateway'));
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bridge.requestsOn('settings:save')).toHaveLength(1));
    expect(bridge.requestsOn('settings:save')[0]?.settings.demoMode).toBe(true);
  });

  it('shows main’s refusal next to the field it names', async () => {
    const bridge = new FakeBridge().answer('settings:save', () => ({
      ok: false,
      errors: { 'gateway.server': 'This gateway is not allowed by policy.' },
    }));
    renderSettings({}, bridge);
    await user().click(await screen.findByRole('button', { name: 'Save' }));
    expect(await field('Gateway address')).toHaveAccessibleDescription(
      'This gateway is not allowed by policy.',
    );
  });
  it('puts a refusal for a field without a message line into the notice', async () => {
    const bridge = new FakeBridge().answer('settings:save', () => ({
      ok: false,
      errors: { startAtLogin: 'Start at login is managed by your administrator.' },
    }));
    renderSettings({}, bridge);
    await user().click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Not saved: fix the fields marked in red. Start at login is managed by your administrator.',
    );
  });
});
