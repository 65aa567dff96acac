/**
 * What every section of the settings form receives. Pure types for the renderer.
 */
import type { LockedField } from '../../shared/settings/schema.js';
import type { SettingsDraft } from './draft.js';

export interface SectionProps {
  readonly draft: SettingsDraft;
  readonly onChange: (next: SettingsDraft) => void;
  /** The worded error for a dotted path, or null. */
  readonly errorFor: (path: string) => string | null;
  readonly locked: readonly LockedField[];
}
