/**
 * One browser-test world (Node side): the REAL simulator on loopback, the REAL presence engine
 * signed in as oxe19141, the built renderer served with its CSP, and a headless Chromium whose
 * pages reach the engine through the shell stand-in. Also collects what must stay empty: page
 * errors, console errors, CSP violations, refused requests.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../../simulator/index.js';
import {
  createPresenceEngine,
  silentLoggerFactory,
  type EngineConfig,
  type EngineDeps,
  type PresenceEngine,
} from '../../electron/gateway/index.js';
import type { SettingsView } from '../../shared/ipc/channels.js';
import type { PresenceView } from '../../shared/presence/types.js';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import { launchChromium, type LaunchedBrowser } from './chromium.js';
import { installBridge } from './page-bridge.js';
import { serveRenderer, type RendererSite } from './renderer-site.js';
import { ShellStandIn } from './shell-stand-in.js';

export const USER = { loginName: 'oxe19141', password: 'Viola-19141' } as const;
export const DASHBOARD_SIZE = { width: 360, height: 480 } as const;
export const POPUP_SIZE = { width: 340, height: 120 } as const;

/** Whether the page's content spills out of its window (it must not: popup and dashboard). */
export function overflowsWindow(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      document.documentElement.scrollWidth > window.innerWidth ||
      document.documentElement.scrollHeight > window.innerHeight,
  );
}

export interface BrowserWorld {
  readonly sim: Simulator;
  readonly engine: PresenceEngine;
  readonly shell: ShellStandIn;
  readonly site: RendererSite;
  readonly browser: LaunchedBrowser;
  /** Page errors, console errors and CSP violations seen so far, in all pages. */
  readonly problems: string[];
  openDashboard(): Promise<Page>;
  openPopup(callRef: string): Promise<Page>;
  openSettings(): Promise<Page>;
  waitForView(check: (view: PresenceView) => boolean, what: string): Promise<PresenceView>;
  close(): Promise<void>;
}

export interface WorldOptions {
  readonly builtRenderer: string;
  /** Engine tuning, e.g. a slow recovery so only "Reconnect now" can bring it back quickly. */
  readonly engine?: EngineDeps;
  readonly browser?: BrowserContextOptions;
  readonly settings?: Partial<SettingsView['settings']>;
}

export async function startWorld(options: WorldOptions): Promise<BrowserWorld> {
  const sim = await startSimulator({ heartbeatMs: null });
  const engine = createPresenceEngine({ logger: silentLoggerFactory, ...options.engine });
  const config = (overrides: Partial<EngineConfig> = {}): EngineConfig => ({
    server: sim.restUrl,
    login: USER.loginName,
    password: USER.password,
    accessMode: 'auto',
    caPems: [],
    applicationName: 'o2g-presence-browser-test',
    ...overrides,
  });
  const site = await serveRenderer(options.builtRenderer);
  const browser = await launchChromium({ locale: 'en-US', ...options.browser });
  const settings: SettingsView = {
    settings: {
      ...DEFAULT_SETTINGS,
      gateway: { ...DEFAULT_SETTINGS.gateway, server: sim.restUrl, login: USER.loginName },
      alerts: {
        ...DEFAULT_SETTINGS.alerts,
        crmUrlTemplate: 'https://crm.example.com/?phone={number}',
      },
      ...options.settings,
    },
    hasPassword: true,
    canStorePassword: true,
    locked: [],
  };
  const shell = new ShellStandIn({
    context: browser.context,
    engine,
    settings,
    doctorConfig: ({ settings: draft, password }) =>
      config({
        server: draft.gateway.server,
        login: draft.gateway.login,
        password: password ?? USER.password,
      }),
  });
  await installBridge(browser.context, shell);

  const problems: string[] = [];
  const open = async (url: string, size: { width: number; height: number }) => {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.setViewportSize(size);
    await page.goto(url);
    return page;
  };

  const waitForView = async (check: (view: PresenceView) => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!check(engine.view)) {
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out waiting for ${what}; engine view: ${JSON.stringify(engine.view)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return engine.view;
  };

  await engine.start(config());
  await waitForView((view) => view.connection.status === 'online', 'the engine online');

  return {
    sim,
    engine,
    shell,
    site,
    browser,
    problems,
    openDashboard: () => open(site.url('index.html'), DASHBOARD_SIZE),
    openPopup: (callRef) => open(site.url('popup.html', { callRef }), POPUP_SIZE),
    openSettings: () => open(site.url('settings.html'), { width: 560, height: 900 }),
    waitForView,
    async close() {
      shell.close();
      await browser.close();
      await engine.stop();
      await sim.stop();
      await site.close();
    },
  };
}
