/**
 * Main process: the typed main side of the IPC channel map (shared/ipc/channels.ts). One
 * `ipcMain.handle` per request channel; each refuses untrusted senders, validates the payload
 * with the channel's schema and answers with the channel's response type.
 */
import type { IpcMainInvokeEvent } from 'electron';
import type { RequestChannel, RequestPayload, ResponseMap } from '../../../shared/ipc/channels.js';
import { REQUEST_CHANNELS, requestSchemas } from '../../../shared/ipc/channels.js';
import type { Logger } from '../../gateway/log.js';
import type { SenderFrame } from './trusted-sender.js';
import { isTrustedSender } from './trusted-sender.js';

/** The web contents that sent a request, for answers that go back to it alone. */
export interface RequestContext {
  readonly sender: unknown;
}

export type RequestHandlers = {
  readonly [C in RequestChannel]: (
    payload: RequestPayload<C>,
    context: RequestContext,
  ) => ResponseMap[C] | Promise<ResponseMap[C]>;
};

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(channel: string): void;
}

/** Registers every channel; returns a disposer that removes exactly these handlers. */
export function registerRequestHandlers(
  ipcMain: IpcMainLike,
  handlers: RequestHandlers,
  log: Logger,
): () => void {
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, (event, payload) => handleOne(channel, event, payload, handlers, log));
  }
  return () => {
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(channel);
  };
}

async function handleOne<C extends RequestChannel>(
  channel: C,
  event: IpcMainInvokeEvent,
  payload: unknown,
  handlers: RequestHandlers,
  log: Logger,
): Promise<ResponseMap[C]> {
  const frame = event.senderFrame as SenderFrame | null;
  if (!isTrustedSender(frame)) {
    log.warn('Refused an IPC request from an untrusted frame', { channel });
    throw new Error(`IPC ${channel} refused: the sender is not a main frame of the app`);
  }

  const parsed = requestSchemas[channel].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'payload';
    log.warn('Rejected an IPC request with an invalid payload', { channel, where });
    throw new Error(`IPC ${channel} rejected: invalid ${where} (${issue?.message ?? 'bad shape'})`);
  }

  const handler = handlers[channel] as (
    payload: RequestPayload<C>,
    context: RequestContext,
  ) => ResponseMap[C] | Promise<ResponseMap[C]>;
  return handler(parsed.data as RequestPayload<C>, { sender: event.sender });
}
