import { describe, expect, it } from 'vitest';
import { warmUpTranspiler } from '../../../src/lib/runner/warm-up';

describe('warmUpTranspiler', () => {
  it('compiles its program, so a spare worker warms the transpiler instead of failing at start', () => {
    const compiled = warmUpTranspiler();
    expect(compiled.dependencies).toEqual(['./b']);
    expect(compiled.code).toContain('class H');
    expect(compiled.code).not.toContain('interface C');
  });
});
