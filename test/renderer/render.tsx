/**
 * Renders a renderer component the way `bootPage` does (i18n + bridge), for component tests.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BridgeProvider } from '../../renderer/app/bridge.js';
import type { UiLanguage } from '../../renderer/i18n/language.js';
import { createI18n } from '../../renderer/i18n/setup.js';
import { FakeBridge } from './fake-bridge.js';

export function renderWithBridge(
  element: ReactElement,
  options: { bridge?: FakeBridge; language?: UiLanguage } = {},
): RenderResult & { bridge: FakeBridge } {
  const bridge = options.bridge ?? new FakeBridge();
  const i18n = createI18n(options.language ?? 'en');
  const result = render(
    <I18nextProvider i18n={i18n}>
      <BridgeProvider bridge={bridge}>{element}</BridgeProvider>
    </I18nextProvider>,
  );
  return { ...result, bridge };
}
