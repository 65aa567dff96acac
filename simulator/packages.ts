// Event package names (protocol §4.2) and which package each event belongs to (plain Node).

/** Packages a user session may subscribe to and the simulator delivers. */
export const USER_PACKAGES = [
  'telephony',
  'eventSummary',
  'routingManagement',
  'user',
  'unifiedComLog',
] as const;

/** Real package names that need an administrator session or a call-centre licence. */
export const RESTRICTED_PACKAGES = [
  'userManagement',
  'agent',
  'pilot',
  'rsi',
  'system',
  'pbxManagement',
  'rti',
  'acdstats',
] as const;

const PACKAGE_BY_EVENT: Record<string, string> = {
  OnTelephonyState: 'telephony',
  OnCallCreated: 'telephony',
  OnCallModified: 'telephony',
  OnCallRemoved: 'telephony',
  OnUserStateModified: 'telephony',
  OnDeviceStateModified: 'telephony',
  OnDynamicStateChanged: 'telephony',
  OnEventSummaryUpdated: 'eventSummary',
  OnRoutingStateChanged: 'routingManagement',
  OnUserInfoChanged: 'user',
  OnComRecordCreated: 'unifiedComLog',
  OnComRecordModified: 'unifiedComLog',
  OnComRecordsDeleted: 'unifiedComLog',
  OnComRecordsAck: 'unifiedComLog',
  OnComRecordsUnAck: 'unifiedComLog',
};

/** The package of an event, or undefined for unknown names (delivered to every subscription,
 * so tests can check that clients ignore events they do not know). */
export function packageOf(eventName: string | undefined): string | undefined {
  return eventName === undefined ? undefined : PACKAGE_BY_EVENT[eventName];
}

export type PackageVerdict = { ok: true } | { ok: false; message: string };

export function checkPackage(name: string): PackageVerdict {
  if ((USER_PACKAGES as readonly string[]).includes(name)) return { ok: true };
  if ((RESTRICTED_PACKAGES as readonly string[]).includes(name)) {
    return { ok: false, message: `Package "${name}" requires an administrator session.` };
  }
  return { ok: false, message: `Unknown event package "${name}".` };
}
