/**
 * The dashboard against a fake bridge: every tray state and connection status in both
 * languages, live updates, the reconnect and DND actions, and clean-up on unmount.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Dashboard } from '../../renderer/dashboard/Dashboard.js';
import { FakeBridge } from './fake-bridge.js';
import {
  call,
  caller,
  CONNECTION_STATUSES,
  F9_NAME,
  F9_NUMBER,
  presenceView,
  TRAY_STATES,
  viewInTrayState,
} from './fixtures.js';
import { renderWithBridge } from './render.js';

const TRAY_WORDS = {
  en: {
    free: 'Free',
    ringing: 'Ringing',
    busy: 'Busy',
    dnd: 'Do not disturb',
    offline: 'Offline',
    unknown: 'Unknown',
  },
  fr: {
    free: 'Disponible',
    ringing: 'Sonnerie',
    busy: 'Occupé',
    dnd: 'Ne pas déranger',
    offline: 'Hors ligne',
    unknown: 'Inconnu',
  },
} as const;

describe('dashboard', () => {
  for (const language of ['en', 'fr'] as const) {
    for (const tray of TRAY_STATES) {
      it(`shows the ${tray} tray state in words (${language})`, async () => {
        const bridge = new FakeBridge().answer('presence:get', () => viewInTrayState(tray));
        const { container } = renderWithBridge(<Dashboard />, { bridge, language });

        const status = await waitFor(() => {
          const found = container.querySelector('.tray-status');
          expect(found).not.toBeNull();
          return found!;
        });
        expect(status).toHaveTextContent(TRAY_WORDS[language][tray]);
        expect(status).toHaveClass(`tray-${tray}`);
        expect(container.querySelector('main')).toHaveAttribute('data-tray', tray);
      });
    }
  }

  it('shows who is signed in: name, login and extension', async () => {
    renderWithBridge(<Dashboard />);
    expect(await screen.findByText('Claire Martin')).toBeInTheDocument();
    expect(screen.getByText('oxe19141')).toBeInTheDocument();
    expect(screen.getByText('ext. 19141')).toBeInTheDocument();
  });

  it('says when nobody is signed in', async () => {
    const bridge = new FakeBridge().answer('presence:get', () => presenceView({ user: null }));
    renderWithBridge(<Dashboard />, { bridge });
    expect(await screen.findByText('Not signed in')).toBeInTheDocument();
  });

  const statusWords: Record<string, string> = {
    stopped: 'Not connected',
    connecting: 'Connecting…',
    online: 'Connected',
    reconnecting: 'Reconnecting',
    'wrong-credentials': 'Wrong login or password',
    'certificate-untrusted': 'Certificate not trusted',
    unreachable: 'Gateway unreachable',
    'event-port-unreachable': 'Event port unreachable',
  };
  for (const status of CONNECTION_STATUSES) {
    it(`shows the ${status} connection with its reason and the right actions`, async () => {
      const reason = status === 'online' ? undefined : `reason for ${status}`;
      const bridge = new FakeBridge().answer('presence:get', () =>
        presenceView({ connection: { status, reason } }),
      );
      renderWithBridge(<Dashboard />, { bridge });

      expect(await screen.findByText(statusWords[status]!)).toBeInTheDocument();
      if (reason) expect(screen.getByText(reason)).toBeInTheDocument();
      const reconnect = screen.queryByRole('button', { name: 'Reconnect now' });
      expect(reconnect !== null).toBe(status !== 'online' && status !== 'connecting');
      const needsSettings = ['stopped', 'wrong-credentials', 'certificate-untrusted'].includes(
        status,
      );
      expect(screen.queryByRole('button', { name: 'Open settings' }) !== null).toBe(needsSettings);
      // DND can only be changed through a live connection.
      expect(screen.getByRole('switch', { name: 'Do not disturb' })).toHaveProperty(
        'disabled',
        status !== 'online',
      );
    });
  }

  it('counts down to the next reconnect attempt and reconnects on demand', async () => {
    const bridge = new FakeBridge().answer('presence:get', () =>
      presenceView({
        tray: 'offline',
        connection: {
          status: 'reconnecting',
          reason: 'HTTP 503',
          nextAttemptAt: Date.now() + 12_400,
        },
      }),
    );
    renderWithBridge(<Dashboard />, { bridge });
    expect(await screen.findByText(/HTTP 503/)).toHaveTextContent(
      /HTTP 503 · next attempt in 1[23] s/,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Reconnect now' }));
    expect(bridge.requestsOn('connection:reconnect')).toHaveLength(1);
  });

  it('shows a failed reconnect with main’s words', async () => {
    const bridge = new FakeBridge()
      .answer('presence:get', () => presenceView({ connection: { status: 'unreachable' } }))
      .answer('connection:reconnect', () => ({ ok: false, message: 'still no route to host' }));
    renderWithBridge(<Dashboard />, { bridge });
    await userEvent.click(await screen.findByRole('button', { name: 'Reconnect now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not reconnect: still no route to host',
    );
  });

  it('shows the three counters and emphasises the waiting ones', async () => {
    const counters = { ...presenceView().counters, missedCalls: 3, voiceMessages: 1 };
    const bridge = new FakeBridge().answer('presence:get', () => presenceView({ counters }));
    const { container } = renderWithBridge(<Dashboard />, { bridge });

    await screen.findByText('Missed calls');
    const value = (name: string) => container.querySelector(`[data-counter="${name}"]`);
    expect(value('missedCalls')).toHaveTextContent('3');
    expect(value('voiceMessages')).toHaveTextContent('1');
    expect(value('callbackRequests')).toHaveTextContent('0');
    expect(value('missedCalls')?.parentElement).toHaveClass('counter-waiting');
    expect(value('callbackRequests')?.parentElement).not.toHaveClass('counter-waiting');
  });

  it('lists current calls with caller, state and live duration', async () => {
    const bridge = new FakeBridge().answer('presence:get', () =>
      presenceView({ tray: 'busy', calls: [call({ since: Date.now() - 185_000 })] }),
    );
    renderWithBridge(<Dashboard />, { bridge });
    const row = (await screen.findByText('Marc Olivier')).closest('li')!;
    expect(within(row).getByText('0240123456')).toBeInTheDocument();
    expect(within(row).getByText('Incoming · In call')).toBeInTheDocument();
    expect(within(row).getByText(/^3:0[56]$/)).toBeInTheDocument();
  });

  it('keeps an unknown call state as the gateway wrote it', async () => {
    const bridge = new FakeBridge().answer('presence:get', () =>
      presenceView({ calls: [call({ state: 'PARKED_SOMEWHERE', legState: null })] }),
    );
    renderWithBridge(<Dashboard />, { bridge });
    expect(await screen.findByText('Incoming · PARKED_SOMEWHERE')).toBeInTheDocument();
  });

  it('renders markup in a caller name as text (F9)', async () => {
    const bridge = new FakeBridge().answer('presence:get', () =>
      presenceView({ calls: [call({ caller: caller({ name: F9_NAME, number: F9_NUMBER }) })] }),
    );
    const { container } = renderWithBridge(<Dashboard />, { bridge });
    expect(await screen.findByText(F9_NAME)).toBeInTheDocument();
    expect(screen.getByText(F9_NUMBER)).toBeInTheDocument();
    expect(container.querySelector('img, b, script')).toBeNull();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('follows presence pushes', async () => {
    const { bridge } = renderWithBridge(<Dashboard />);
    await screen.findByText('Free');
    act(() => bridge.push('presence:changed', viewInTrayState('busy')));
    expect(screen.getByText('Busy')).toBeInTheDocument();
    expect(screen.queryByText('Free')).toBeNull();
  });

  it('keeps a push that overtakes the initial presence:get answer', async () => {
    let release: (view: ReturnType<typeof presenceView>) => void = () => {};
    const bridge = new FakeBridge().answer(
      'presence:get',
      () => new Promise((resolve) => (release = resolve)),
    );
    renderWithBridge(<Dashboard />, { bridge });
    await act(async () => {}); // let the request go out
    act(() => bridge.push('presence:changed', viewInTrayState('busy')));
    await act(async () => release(viewInTrayState('free')));
    expect(screen.getByText('Busy')).toBeInTheDocument();
  });

  it('asks main to switch DND and reports a refusal', async () => {
    const bridge = new FakeBridge().answer('dnd:set', () => ({
      ok: false,
      message: 'DND is not allowed for this user',
    }));
    renderWithBridge(<Dashboard />, { bridge });
    const dnd = await screen.findByRole('switch', { name: 'Do not disturb' });
    expect(dnd).toHaveAttribute('aria-checked', 'false');

    await userEvent.click(dnd);
    expect(bridge.requestsOn('dnd:set')).toEqual([{ on: true }]);
    expect(await screen.findByRole('alert')).toHaveTextContent('DND is not allowed for this user');
  });

  it('shows DND as on from the view and turns it off', async () => {
    const bridge = new FakeBridge().answer('presence:get', () => viewInTrayState('dnd'));
    renderWithBridge(<Dashboard />, { bridge });
    const dnd = await screen.findByRole('switch', { name: 'Do not disturb' });
    expect(dnd).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(dnd);
    expect(bridge.requestsOn('dnd:set')).toEqual([{ on: false }]);
  });

  it('sends the user to the settings when only a setting can fix the connection', async () => {
    const bridge = new FakeBridge().answer('presence:get', () =>
      presenceView({
        tray: 'offline',
        connection: { status: 'wrong-credentials', reason: 'HTTP 401' },
      }),
    );
    renderWithBridge(<Dashboard />, { bridge });
    await userEvent.click(await screen.findByRole('button', { name: 'Open settings' }));
    expect(bridge.requestsOn('window:open-settings')).toHaveLength(1);
  });

  it('opens the settings window', async () => {
    const { bridge } = renderWithBridge(<Dashboard />);
    await userEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    expect(bridge.requestsOn('window:open-settings')).toHaveLength(1);
  });

  it('removes its presence listener on unmount', async () => {
    const { bridge, unmount } = renderWithBridge(<Dashboard />);
    await screen.findByText('Free');
    expect(bridge.listenerCount('presence:changed')).toBe(1);
    unmount();
    expect(bridge.listenerCount('presence:changed')).toBe(0);
  });
});
