/**
 * F9 as a rule on the source: no renderer file may turn a string into markup. Component tests
 * prove it for the views that exist; this keeps a future view from reopening the hole.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const rendererDir = join(import.meta.dirname, '../../renderer');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(tsx?|html)$/.test(entry.name) ? [path] : [];
  });
}

describe('renderer source', () => {
  const files = sourceFiles(rendererDir);

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each([
    'dangerouslySetInnerHTML',
    'innerHTML',
    'outerHTML',
    'insertAdjacentHTML',
    'document.write',
    'eval(',
  ])('never uses %s', (api) => {
    const offenders = files.filter((file) => readFileSync(file, 'utf8').includes(api));
    expect(offenders).toEqual([]);
  });

  it('has no inline script in its pages (CSP script-src self)', () => {
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      expect(html).toMatch(
        /Content-Security-Policy[\s\S]*script-src 'self'[\s\S]*connect-src 'none'/,
      );
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc=/);
    }
  });
});
