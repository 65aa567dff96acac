/**
 * Events of the `eventSummary`, `routingManagement`, `user` / `userManagement` packages and the
 * event channel's own `OnChannelInformation` (protocol §5.4, §9, §10, §11). Pure types.
 */
import type { Open } from './common.js';

/** Counters; an absent counter means the server cannot provide it. Full set, never deltas. */
export interface EventSummary {
  readonly missedCallsNb?: number;
  readonly voiceMessagesNb?: number;
  readonly callBackRequestsNb?: number;
  readonly faxNb?: number;
  readonly newTextNb?: number;
  readonly oldTextNb?: number;
  readonly eventWaiting?: boolean;
}

export interface OnEventSummaryUpdated {
  readonly eventName: 'OnEventSummaryUpdated';
  readonly loginName?: string;
  readonly eventSummary?: EventSummary | null;
}

export interface RoutingDestination {
  readonly type?: Open<'VOICEMAIL' | 'NUMBER' | 'MOBILE' | 'ASSOCIATE'>;
  readonly number?: string;
  readonly deviceId?: string;
  readonly selected?: boolean;
}

export type RouteCondition = Open<'BUSY' | 'NO_ANSWER' | 'BUSY_NO_ANSWER'>;

export interface RoutingState {
  readonly presentationRoutes?: readonly {
    readonly destinations?: readonly RoutingDestination[];
  }[];
  readonly forwardRoutes?: readonly {
    readonly forwardType?: RouteCondition;
    readonly destinations?: readonly RoutingDestination[];
  }[];
  readonly overflowRoutes?: readonly {
    readonly overflowType?: RouteCondition;
    readonly destinations?: readonly RoutingDestination[];
  }[];
  /** Missing means DND off. */
  readonly dndState?: { readonly activate?: boolean } | null;
}

export interface OnRoutingStateChanged {
  readonly eventName: 'OnRoutingStateChanged';
  readonly loginName?: string;
  readonly routingState?: RoutingState | null;
}

export interface UserDevice {
  readonly type?: Open<'DECT' | 'DESKPHONE' | 'MOBILE' | 'SOFTPHONE' | 'UNKNOWN'>;
  /** The device number, used as `deviceId` in telephony. */
  readonly id: string;
  readonly subType?: string;
}

/** Also the answer of `GET {users}/{loginName}`. */
export interface User {
  readonly loginName: string;
  readonly companyPhone?: string | null;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly nodeId?: string;
  readonly externalLogin?: string;
  readonly eMailAddress?: string;
  readonly voicemail?: { readonly number?: string; readonly type?: string } | null;
  readonly devices?: readonly UserDevice[] | null;
}

export interface OnUserInfoChanged {
  readonly eventName: 'OnUserInfoChanged';
  readonly loginName?: string;
  readonly user?: User | null;
}

/** Administrator events; a user session should never see them, they are tolerated. */
export interface OnUserCreated {
  readonly eventName: 'OnUserCreated';
  readonly user?: User | null;
}

export interface OnUserDeleted {
  readonly eventName: 'OnUserDeleted';
  readonly loginName?: string;
}

/** "Chunk started" first, then "keepalive" heartbeats. */
export interface OnChannelInformation {
  readonly eventName: 'OnChannelInformation';
  readonly text?: string;
}
