/**
 * The one rule for where a caller's number may go in a CRM URL template. Pure; the settings
 * form checks it as the user types and the main process again before opening anything. The
 * number comes from the phone network, so it may fill the path, query or fragment only: in the
 * host or port, a number like `.evil.example` would choose the site.
 */

export const CRM_NUMBER_PLACEHOLDER = '{number}';

/** A scheme and an authority that has ended (`/`, `?` or `#` follows) before the placeholder. */
const AUTHORITY_ENDED = /^[a-z][a-z0-9+.-]*:\/\/[^/?#{]*[/?#]/i;

/** True when the template has the placeholder, and only after the host and port. */
export function numberAfterHost(template: string): boolean {
  const at = template.indexOf(CRM_NUMBER_PLACEHOLDER);
  return at >= 0 && AUTHORITY_ENDED.test(template.slice(0, at));
}
