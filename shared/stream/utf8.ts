/**
 * The streaming UTF-8 decoder the event stream uses, reached through `globalThis` because this
 * folder compiles without DOM or Node typings. Every runtime we target (Node 22+, Electron,
 * browsers) provides the WHATWG `TextDecoder`.
 */

export interface Utf8StreamDecoder {
  /** With `{stream: true}` an incomplete trailing character is held back for the next call. */
  decode(input?: Uint8Array, options?: { readonly stream?: boolean }): string;
}

interface TextDecoderConstructor {
  new (label: 'utf-8', options?: { readonly fatal?: boolean }): Utf8StreamDecoder;
}

/**
 * A non-fatal decoder: an invalid byte becomes U+FFFD inside its line instead of breaking the
 * whole stream; a leading byte-order mark is dropped once per stream.
 */
export function createUtf8StreamDecoder(): Utf8StreamDecoder {
  const { TextDecoder } = globalThis as unknown as { TextDecoder: TextDecoderConstructor };
  return new TextDecoder('utf-8', { fatal: false });
}
