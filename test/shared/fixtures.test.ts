/** Proves the fixtures are the field report's exact bytes: lengths and stated offsets. */
import { describe, expect, it } from 'vitest';
import { E1, E2 } from './fixtures.js';

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);

describe('field-report fixtures', () => {
  it('E1 is 322 bytes; "participants" begins at byte 148 after `false}],` at 140-147', () => {
    expect(E1.length).toBe(322);
    expect(ascii(E1.subarray(140, 148))).toBe('false}],');
    expect(ascii(E1.subarray(148, 162))).toBe('"participants"');
    expect(E1[321]).toBe(0x0a);
  });

  it('E2 is 329 bytes; bytes 249-250 are C3 A9, the first é', () => {
    expect(E2.length).toBe(329);
    expect([E2[249], E2[250]]).toEqual([0xc3, 0xa9]);
    expect(E2.indexOf(0xc3)).toBe(249);
    expect(E2[328]).toBe(0x0a);
  });
});
