/**
 * The engine's one presence model (plain Node): the shared reducer's state, changed only through
 * `update`, which tells listeners about a new view only when it really differs and about each
 * alert change exactly once (from `diffAlerts`).
 */
import {
  diffAlerts,
  initialPresenceState,
  sameView,
  toPresenceView,
} from '../../shared/presence/index.js';
import type { AlertChange, PresenceState, PresenceView } from '../../shared/presence/index.js';
import type { Logger } from './log.js';

type Listener<T> = (value: T) => void;

export class PresenceStore {
  private current: PresenceState;
  private currentView: PresenceView;
  private readonly viewListeners = new Set<Listener<PresenceView>>();
  private readonly alertListeners = new Set<Listener<AlertChange>>();

  constructor(
    loginName: string,
    private readonly log: Logger,
  ) {
    this.current = initialPresenceState(loginName);
    this.currentView = toPresenceView(this.current);
  }

  get state(): PresenceState {
    return this.current;
  }

  get view(): PresenceView {
    return this.currentView;
  }

  onView(listener: Listener<PresenceView>): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  onAlert(listener: Listener<AlertChange>): () => void {
    this.alertListeners.add(listener);
    return () => this.alertListeners.delete(listener);
  }

  /** Applies one change; alerts are announced first, then the view they belong to. */
  update(change: (state: PresenceState) => PresenceState): void {
    const prev = this.current;
    const next = change(prev);
    if (next === prev) return;
    this.current = next;

    for (const alertChange of diffAlerts(prev, next)) {
      this.emit(this.alertListeners, alertChange);
    }
    const view = toPresenceView(next);
    if (!sameView(view, this.currentView)) {
      this.currentView = view;
      this.emit(this.viewListeners, view);
    }
  }

  /** Forgets everything: a new account starts from a blank model. */
  reset(loginName: string, change?: (state: PresenceState) => PresenceState): void {
    this.update(() => (change ?? ((s) => s))(initialPresenceState(loginName)));
  }

  private emit<T>(listeners: Set<Listener<T>>, value: T): void {
    for (const listener of listeners) {
      try {
        listener(value);
      } catch (error) {
        // A faulty front end must not stop the model or the other listeners.
        this.log.error('a presence listener failed', { error: String(error) });
      }
    }
  }
}
