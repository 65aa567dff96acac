// Shared by the telephony suites: a user signed in and listening on their own event stream,
// read by the raw-socket reader, and the cleanup that closes every stream opened that way.
import type { Simulator } from '../../simulator/index.js';
import { RawStream, login, subscribe } from './plain-client.js';
import type { LoggedIn } from './plain-client.js';

/** Loosely typed event JSON for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions walk arbitrary JSON
export type Json = Record<string, any>;

const open: RawStream[] = [];

/** Signs in, subscribes and waits for "Chunk started" on the user's stream. */
export async function listener(
  sim: Simulator,
  loginName: string,
): Promise<{ who: LoggedIn; stream: RawStream }> {
  const who = await login(sim, loginName);
  const subscription = await subscribe(who);
  const stream = new RawStream(subscription.pollingUrl);
  open.push(stream);
  await stream.untilLines(1);
  return { who, stream };
}

/** Closes every stream `listener` opened; call it after each test. */
export function closeListeners(): void {
  for (const stream of open.splice(0)) stream.close();
}
