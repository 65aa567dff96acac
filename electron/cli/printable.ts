/**
 * The terminal front end's last guard (plain Node): every piece of text that came from the
 * gateway passes through `printable()` before it is written. The presence model already cleans
 * names and numbers; this keeps a terminal safe from whatever it does not clean (call
 * references, error reasons, doctor details) and from a future model bug, since one escape
 * sequence can clear the screen, retitle the window or write the clipboard (OSC 52).
 */

/** Line breaks and tabs: one call event must stay one line of the log. */
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** C0 and C1 controls, DEL, and the bidi controls a terminal would reorder the line by. */
const UNPRINTABLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

export function printable(value: string): string {
  return value.replace(LINE_BREAKS, ' ').replace(UNPRINTABLE, '');
}
