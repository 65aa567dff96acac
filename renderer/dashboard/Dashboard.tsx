/**
 * The dashboard opened from the tray (360 x 480): tray state, who is signed in, the connection,
 * what is waiting, the current calls and do-not-disturb. Renderer page component.
 */
import { useTranslation } from 'react-i18next';
import type { PresenceView, UserInfo } from '../../shared/presence/types.js';
import { useBridge } from '../app/bridge.js';
import { usePresenceView } from '../presence/use-presence-view.js';
import { CallList } from './CallList.js';
import { ConnectionPanel } from './ConnectionPanel.js';
import { CounterTiles } from './CounterTiles.js';
import { DndSwitch } from './DndSwitch.js';
import { TrayStatus } from './TrayStatus.js';

export function Dashboard() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const view = usePresenceView(bridge);

  if (!view) {
    return (
      <main className="dashboard">
        <p className="page-message">{t('app.loading')}</p>
      </main>
    );
  }

  return (
    <main className="dashboard" data-tray={view.tray}>
      <header className="dashboard-header">
        <TrayStatus tray={view.tray} />
        <DndSwitch on={view.dnd} disabled={view.connection.status !== 'online'} />
      </header>
      <UserLine user={view.user} />
      <ConnectionPanel connection={view.connection} />
      <CounterTiles counters={view.counters} />
      <CallList calls={view.calls} />
      <footer className="dashboard-footer">
        <button
          type="button"
          className="button button-quiet"
          onClick={() => void bridge.request('window:open-settings', undefined)}
        >
          {t('dashboard.settings')}
        </button>
      </footer>
    </main>
  );
}

function UserLine(props: { user: PresenceView['user'] }) {
  const { t } = useTranslation();
  const { user } = props;
  if (!user) return <p className="user-line user-none">{t('user.notSignedIn')}</p>;

  const name = fullName(user);
  const extension = user.companyPhone ?? user.devices[0] ?? null;
  return (
    <p className="user-line">
      {name && <span className="user-name">{name}</span>}
      <span className="user-login">{user.loginName}</span>
      {extension && (
        <span className="user-extension">{t('user.extension', { number: extension })}</span>
      )}
    </p>
  );
}

function fullName(user: UserInfo): string {
  return [user.firstName, user.lastName].filter((part) => part && part.trim()).join(' ');
}
