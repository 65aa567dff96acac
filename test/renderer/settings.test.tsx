/**
 * The settings form against a fake bridge: loading, the password rules, locked fields, saving,
 * the UI language, CA files, the connection test's progress and the demo.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DoctorCheck } from '../../shared/ipc/channels.js';
import { SettingsPage } from '../../renderer/settings/SettingsPage.js';
import { FakeBridge } from './fake-bridge.js';
import { renderWithBridge } from './render.js';
import { CONFIGURED, field, renderSettings, replace, user } from './settings-render.js';

describe('settings form', () => {
  it('loads the stored settings and never pre-fills the password', async () => {
    renderSettings();
    expect(await field('Gateway address')).toHaveValue('o2g.example.com');
    expect(screen.getByLabelText('Login')).toHaveValue('oxe19141');
    const password = screen.getByLabelText('Password');
    expect(password).toHaveValue('');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAccessibleDescription(
      'A password is stored. Leave this empty to keep it.',
    );
  });

  it('says when no password is stored, and when none can be stored', async () => {
    const { unmount } = renderSettings({ hasPassword: false });
    expect(await field('Password')).toHaveAccessibleDescription('No password stored yet.');
    unmount();
    renderSettings({ canStorePassword: false });
    expect(await field('Password')).toHaveAccessibleDescription(/no secure keychain/);
  });

  it('shows policy-locked fields read-only with a note', async () => {
    renderSettings({
      locked: ['server', 'accessMode', 'caFiles'],
      settings: {
        ...CONFIGURED,
        gateway: { ...CONFIGURED.gateway, caFiles: ['/etc/ca/corp.pem'] },
      },
    });
    const server = await field('Gateway address');
    expect(server).toHaveAttribute('readonly');
    expect(server).toHaveAccessibleDescription('Set by your administrator');
    expect(screen.getByLabelText('Access')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Add a CA file…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove /etc/ca/corp.pem' })).toBeNull();
    expect(screen.getAllByText('Set by your administrator')).toHaveLength(3);
  });

  it('saves the edited settings with the new password, then forgets the typed password', async () => {
    const bridge = new FakeBridge();
    renderSettings({ hasPassword: false }, bridge);
    await replace('Login', 'oxe19140');
    await userEvent.type(screen.getByLabelText('Password'), 'Alto-19140');
    await userEvent.selectOptions(screen.getByLabelText('Access'), 'Public (internet)');
    await userEvent.click(screen.getByLabelText('Start when I log in'));
    await replace('Close the popup after (seconds)', '45');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    const [sent] = bridge.requestsOn('settings:save');
    expect(sent?.password).toBe('Alto-19140');
    expect(sent?.settings.gateway).toMatchObject({ login: 'oxe19140', accessMode: 'public' });
    expect(sent?.settings).toMatchObject({
      startAtLogin: true,
      alerts: { autoDismissSeconds: 45 },
    });
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/A password is stored/);
  });

  it('keeps the stored password when the field is left empty', async () => {
    const bridge = new FakeBridge();
    renderSettings({}, bridge);
    await user().click(await screen.findByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bridge.requestsOn('settings:save')).toHaveLength(1));
    expect(bridge.requestsOn('settings:save')[0]?.password).toBeUndefined();
  });

  it('switches the UI language after saving a language choice', async () => {
    renderSettings();
    await userEvent.selectOptions(await field('Language'), 'Français');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Paramètres enregistrés.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enregistrer' })).toBeInTheDocument();
  });

  it('adds and removes trusted CA files through the file dialog', async () => {
    const bridge = new FakeBridge().answer('settings:choose-ca-file', () => '/home/me/corp-ca.pem');
    renderSettings({}, bridge);
    await user().click(await screen.findByRole('button', { name: 'Add a CA file…' }));
    expect(await screen.findByText('/home/me/corp-ca.pem')).toBeInTheDocument();
    await user().click(screen.getByRole('button', { name: 'Remove /home/me/corp-ca.pem' }));
    expect(screen.getByText('System certificates only')).toBeInTheDocument();
  });

  it('shows the doctor’s checks one by one as they arrive, with their hints', async () => {
    let finish: (checks: DoctorCheck[]) => void = () => {};
    const bridge = new FakeBridge().answer(
      'settings:test-connection',
      () => new Promise((resolve) => (finish = resolve)),
    );
    renderSettings({}, bridge);
    await user().click(await screen.findByRole('button', { name: 'Test connection' }));
    expect(screen.getByRole('button', { name: 'Testing…' })).toBeDisabled();

    const dns: DoctorCheck = {
      id: 'dns',
      label: 'Address resolves',
      status: 'ok',
      durationMs: 3.4,
    };
    act(() => bridge.push('doctor:progress', dns));
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByText('3 ms')).toBeInTheDocument();

    const tlsPending: DoctorCheck = { id: 'tls', label: 'TLS chain trusted', status: 'pending' };
    act(() => bridge.push('doctor:progress', tlsPending));
    expect(within(list).getByText('Running')).toBeInTheDocument();

    const tls: DoctorCheck = {
      ...tlsPending,
      status: 'fail',
      detail: 'self-signed certificate in chain (CN=Corp Root CA)',
      hint: 'Add the Corp Root CA file under Trusted CA certificates.',
    };
    act(() => bridge.push('doctor:progress', tls));
    await act(async () => finish([dns, tls]));

    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[1]).toHaveTextContent('Failed');
    expect(items[1]).toHaveTextContent('self-signed certificate in chain (CN=Corp Root CA)');
    expect(items[1]).toHaveTextContent('Add the Corp Root CA file under Trusted CA certificates.');
    expect(bridge.listenerCount('doctor:progress')).toBe(0);
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeEnabled();
  });

  it('tests the draft being edited, with the typed password', async () => {
    const bridge = new FakeBridge();
    renderSettings({}, bridge);
    await replace('Gateway address', 'o2g.lab:8443');
    await userEvent.type(screen.getByLabelText('Password'), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(bridge.requestsOn('settings:test-connection')).toHaveLength(1));
    const [sent] = bridge.requestsOn('settings:test-connection');
    expect(sent?.settings.gateway.server).toBe('o2g.lab:8443');
    expect(sent?.password).toBe('secret');
  });

  it('says when the test itself could not run', async () => {
    const bridge = new FakeBridge().answer('settings:test-connection', () =>
      Promise.reject(new Error('doctor crashed')),
    );
    renderSettings({}, bridge);
    await user().click(await screen.findByRole('button', { name: 'Test connection' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The test could not run: doctor crashed',
    );
  });

  it('starts the demo and reports the outcome', async () => {
    const bridge = new FakeBridge().answer('demo:start', () => ({
      ok: false,
      message: 'port busy',
    }));
    renderSettings({}, bridge);
    await user().click(await screen.findByRole('button', { name: 'Try the demo' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'The demo could not start: port busy',
    );
  });

  it('says so when the settings cannot be read', async () => {
    const bridge = new FakeBridge().answer('settings:get', () =>
      Promise.reject(new Error('store locked')),
    );
    renderWithBridge(<SettingsPage />, { bridge });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Settings could not be read: store locked',
    );
  });
});
