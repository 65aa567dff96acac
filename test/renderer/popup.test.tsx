/**
 * The call popup against a fake bridge: caller shapes (F8), markup in names (F9), which buttons
 * show, click-to-dismiss, Esc and Enter, the one-time announcement, and clean-up.
 */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/presence/types.js';
import { CallPopup, type CallPopupProps } from '../../renderer/popup/CallPopup.js';
import type { UiLanguage } from '../../renderer/i18n/language.js';
import { FakeBridge } from './fake-bridge.js';
import {
  alert,
  caller,
  F8_CALLERS,
  F9_NAME,
  F9_NUMBER,
  LONG_NAME,
  presenceView,
  TRAY_STATES,
  CONNECTION_STATUSES,
  viewInTrayState,
} from './fixtures.js';
import { renderWithBridge } from './render.js';

function renderPopup(
  ringing: Alert,
  options: Partial<CallPopupProps> & { language?: UiLanguage; bridge?: FakeBridge } = {},
) {
  const bridge =
    options.bridge ??
    new FakeBridge().answer('presence:get', () =>
      presenceView({ tray: 'ringing', alerts: [ringing] }),
    );
  return renderWithBridge(
    <CallPopup
      callRef={options.callRef ?? ringing.callRef}
      region={options.region ?? 'FR'}
      crmConfigured={options.crmConfigured ?? true}
    />,
    { bridge, language: options.language },
  );
}

const card = () => screen.findByRole('main');

describe('call popup', () => {
  it('shows the caller, the number as given and grouped, and the ringing time', async () => {
    renderPopup(alert({ since: Date.now() - 12_000 }));
    expect(await screen.findByRole('heading', { name: 'Marc Olivier' })).toBeInTheDocument();
    expect(screen.getByText('0240123456')).toBeInTheDocument();
    expect(screen.getByText('02 40 12 34 56')).toBeInTheDocument();
    expect(screen.getByText(/^0:1[23]$/)).toBeInTheDocument();
  });

  it('shows the number it came through ("via")', async () => {
    renderPopup(alert({ caller: caller({ via: '19100' }) }));
    expect(await screen.findByText('via 19100')).toBeInTheDocument();
  });

  it('groups a foreign number internationally and uses the region prop for national ones', async () => {
    const { unmount } = renderPopup(alert({ caller: caller({ number: '+442079460958' }) }));
    expect(await screen.findByText('+44 20 7946 0958')).toBeInTheDocument();
    unmount();
    renderPopup(alert({ caller: caller({ number: '02079460958' }) }), { region: 'GB' });
    expect(await screen.findByText('020 7946 0958')).toBeInTheDocument();
  });

  it('keeps a number that does not parse as given, without grouping', async () => {
    renderPopup(alert({ caller: caller({ number: '19140' }) }));
    const details = (await screen.findByText('19140')).parentElement!;
    expect(details.children).toHaveLength(1);
  });

  describe('F8: caller identity missing or oddly shaped', () => {
    for (const [shape, shown] of Object.entries(F8_CALLERS)) {
      it(`never shows null or undefined: ${shape}`, async () => {
        renderPopup(alert({ caller: shown }));
        const main = await card();
        expect(main.textContent).not.toMatch(/null|undefined/);
        expect(main.textContent).not.toBe('');
      });
    }

    it('keeps an international number exactly as given, leading + included', async () => {
      renderPopup(alert({ caller: F8_CALLERS['displayName only, international number'] }));
      expect(await screen.findByRole('heading', { name: 'ACCUEIL MAIRIE' })).toBeInTheDocument();
      expect(screen.getByText('+41 22 555 01 99')).toBeInTheDocument();
    });

    it('labels a withheld caller and offers no call-back action', async () => {
      renderPopup(alert({ caller: F8_CALLERS['anonymous with an empty number'] }));
      expect(await screen.findByRole('heading', { name: 'Withheld number' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Copy number' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Open in CRM' })).toBeNull();
      expect(screen.getByRole('button', { name: 'Answer' })).toBeInTheDocument();
    });

    for (const shape of ['no identity key', 'no participants'] as const) {
      it(`labels an unknown caller and still alerts: ${shape}`, async () => {
        renderPopup(alert({ caller: F8_CALLERS[shape] }));
        expect(await screen.findByRole('heading', { name: 'Unknown caller' })).toBeInTheDocument();
        expect(screen.getByRole('button', { name: 'Answer' })).toBeInTheDocument();
      });
    }

    it('cuts a 260-letter name with an ellipsis instead of growing the card', async () => {
      renderPopup(alert({ caller: F8_CALLERS['displayName of 260 letters'] }));
      const heading = await screen.findByRole('heading');
      // The whole name stays in the DOM (and in the tooltip); CSS cuts it. The browser tests
      // measure the rendered size.
      expect(heading).toHaveTextContent(LONG_NAME);
      expect(heading).toHaveAttribute('title', LONG_NAME);
      expect(heading).toHaveClass('popup-name');
    });
  });

  it('F9: shows markup in a name and number literally and creates no element', async () => {
    const { container } = renderPopup(
      alert({ caller: caller({ name: F9_NAME, number: F9_NUMBER }) }),
    );
    expect(await screen.findByRole('heading', { name: F9_NAME })).toBeInTheDocument();
    expect(screen.getByText(F9_NUMBER)).toBeInTheDocument();
    expect(container.querySelector('img, b, script')).toBeNull();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
    await waitFor(() => expect(container.textContent).toContain(`Incoming call from ${F9_NAME}`));
  });

  it('F9: keeps "Dupont & Fils" intact (no double escaping)', async () => {
    renderPopup(alert({ caller: caller({ name: 'Dupont & Fils' }) }));
    expect(await screen.findByRole('heading', { name: 'Dupont & Fils' })).toBeInTheDocument();
    await waitFor(() =>
      expect(document.querySelector('[aria-live]')).toHaveTextContent(
        'Incoming call from Dupont & Fils',
      ),
    );
  });

  it('offers Answer only when the leg allows it, voicemail only when possible', async () => {
    renderPopup(alert({ canAnswer: false, canSendToVoicemail: false }));
    await card();
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send to voicemail' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy number' })).toBeInTheDocument();
  });

  it('offers Open in CRM only when a template is configured', async () => {
    renderPopup(alert(), { crmConfigured: false });
    await card();
    expect(screen.queryByRole('button', { name: 'Open in CRM' })).toBeNull();
  });

  it('sends each action for its call and does not dismiss with it', async () => {
    const { bridge } = renderPopup(alert({ callRef: '7042' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Answer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send to voicemail' }));
    await userEvent.click(screen.getByRole('button', { name: 'Copy number' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open in CRM' }));

    const sent = bridge.requests.map((r) => r.channel).filter((c) => c !== 'presence:get');
    expect(sent).toEqual([
      'call:answer',
      'call:send-to-voicemail',
      'call:copy-number',
      'call:open-crm',
    ]);
    expect(bridge.requestsOn('call:answer')).toEqual([{ callRef: '7042' }]);
    expect(await screen.findByRole('button', { name: 'Copy number' })).toHaveTextContent('Copied');
  });

  it('shows a refused action with main’s message', async () => {
    const bridge = new FakeBridge()
      .answer('presence:get', () => presenceView({ alerts: [alert()] }))
      .answer('call:answer', () => ({ ok: false, message: 'The call is no longer ringing here.' }));
    renderPopup(alert(), { bridge });
    await userEvent.click(await screen.findByRole('button', { name: 'Answer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The call is no longer ringing here.',
    );
  });

  it('dismisses on a click on the card and on the close button', async () => {
    const { bridge } = renderPopup(alert());
    await userEvent.click(await screen.findByRole('heading'));
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss (Esc)' }));
    expect(bridge.requestsOn('popup:dismiss')).toEqual([{ callRef: '7001' }, { callRef: '7001' }]);
  });

  it('dismisses with Esc and answers with Enter', async () => {
    const { bridge } = renderPopup(alert());
    await card();
    await userEvent.keyboard('{Escape}');
    expect(bridge.requestsOn('popup:dismiss')).toHaveLength(1);
    await userEvent.keyboard('{Enter}');
    expect(bridge.requestsOn('call:answer')).toEqual([{ callRef: '7001' }]);
  });

  it('does not answer on Enter when answering is not possible', async () => {
    const { bridge } = renderPopup(alert({ canAnswer: false }));
    await card();
    await userEvent.keyboard('{Enter}');
    expect(bridge.requestsOn('call:answer')).toHaveLength(0);
  });

  it('Enter on a focused button runs that button only', async () => {
    const { bridge } = renderPopup(alert());
    (await screen.findByRole('button', { name: 'Send to voicemail' })).focus();
    await userEvent.keyboard('{Enter}');
    expect(bridge.requestsOn('call:send-to-voicemail')).toHaveLength(1);
    expect(bridge.requestsOn('call:answer')).toHaveLength(0);
  });

  it('announces the call once, in the live region only', async () => {
    const { bridge } = renderPopup(alert());
    await card();
    const regions = document.querySelectorAll('[aria-live]');
    expect(regions).toHaveLength(1);
    await waitFor(() => expect(regions[0]).toHaveTextContent('Incoming call from Marc Olivier'));

    // A later update of the same call (a name arriving, time passing) must not re-announce.
    act(() =>
      bridge.push(
        'presence:changed',
        presenceView({ alerts: [alert({ caller: caller({ name: 'M. Olivier' }) })] }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(regions[0]).toHaveTextContent('Incoming call from Marc Olivier');
    expect(screen.getByRole('heading', { name: 'M. Olivier' })).toBeInTheDocument();
  });

  it('names the window after the call', async () => {
    renderPopup(alert());
    await card();
    expect(document.title).toBe('Incoming call from Marc Olivier');
  });

  it('announces in French when the UI is French', async () => {
    renderPopup(alert(), { language: 'fr' });
    await waitFor(() =>
      expect(document.querySelector('[aria-live]')).toHaveTextContent(
        'Appel entrant de Marc Olivier',
      ),
    );
    expect(screen.getByRole('button', { name: 'Répondre' })).toBeInTheDocument();
  });

  // The popup follows the alert, whatever else the tray says (a second call while busy, a
  // call that rings through DND on the phone, a view mid-reconnect).
  for (const tray of TRAY_STATES) {
    it(`shows the ringing call while the tray is ${tray}`, async () => {
      const ringing = alert({ callRef: `call-${tray}` });
      const bridge = new FakeBridge().answer('presence:get', () => ({
        ...viewInTrayState(tray),
        alerts: [ringing],
      }));
      renderPopup(ringing, { bridge });
      expect(await screen.findByRole('heading', { name: 'Marc Olivier' })).toBeInTheDocument();
    });
  }

  for (const status of CONNECTION_STATUSES) {
    it(`shows the ringing call while the connection is ${status}`, async () => {
      const ringing = alert();
      const bridge = new FakeBridge().answer('presence:get', () =>
        presenceView({ connection: { status }, alerts: [ringing] }),
      );
      renderPopup(ringing, { bridge });
      expect(await screen.findByRole('button', { name: 'Answer' })).toBeInTheDocument();
    });
  }

  it('shows nothing once the alert leaves the view (answered or ended)', async () => {
    const { bridge, container } = renderPopup(alert());
    await card();
    act(() => bridge.push('presence:changed', presenceView({ tray: 'busy', alerts: [] })));
    expect(container).toBeEmptyDOMElement();
  });

  it('shows nothing for a callRef that is not ringing', async () => {
    const { container, bridge } = renderPopup(alert(), { callRef: 'other' });
    await waitFor(() => expect(bridge.requestsOn('presence:get')).toHaveLength(1));
    await act(async () => {});
    expect(container).toBeEmptyDOMElement();
  });

  it('removes its listeners on unmount: no more keys, no more pushes', async () => {
    const { bridge, unmount } = renderPopup(alert());
    await card();
    expect(bridge.listenerCount('presence:changed')).toBe(1);
    unmount();
    expect(bridge.listenerCount('presence:changed')).toBe(0);
    await userEvent.keyboard('{Escape}');
    expect(bridge.requestsOn('popup:dismiss')).toHaveLength(0);
  });
});
