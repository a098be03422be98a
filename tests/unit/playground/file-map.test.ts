import { describe, expect, it } from 'vitest';
import { createFileMap, displayPath, importedSpecifiers } from '../../../src/lib/playground/file-map';

const sources = {
  '/q/demo/main.ts': "import { a } from './helper';\nimport type { T } from '../../kit/types';\nexport * from './helper';",
  '/q/demo/helper.ts': "import { now } from '../../kit/clock';\nexport const a = now();",
  '/q/demo/nested/ignored.ts': 'export {};',
  '/kit/clock.ts': "import './types.ts';\nexport const now = () => 0;",
  '/kit/types.ts': 'export type T = number;',
  '/kit/unused.ts': 'export {};',
};

describe('createFileMap', () => {
  it('puts main.ts first, then the folder, then the imported kit files read-only', () => {
    const map = createFileMap(sources, 'q/demo');
    expect(map.entry).toBe('/q/demo/main.ts');
    expect(map.files.map((f) => [f.path, f.readOnly])).toEqual([
      ['/q/demo/main.ts', false],
      ['/q/demo/helper.ts', false],
      ['/kit/clock.ts', true],
      ['/kit/types.ts', true],
    ]);
  });

  it('names a missing playground and a broken import', () => {
    expect(() => createFileMap(sources, 'q/nope')).toThrow('Playground "q/nope" not found: there is no playgrounds/q/nope/main.ts');
    expect(() => createFileMap({ '/x/main.ts': "import './gone';" }, 'x')).toThrow('Playground "x": x/main.ts imports "./gone"');
    expect(() => createFileMap(sources, '../etc')).toThrow('is not a folder path');
  });

  it('finds static imports and re-exports, not strings that merely look like paths', () => {
    expect(importedSpecifiers("import a from './a';\nexport { b } from \"../b\";\nimport './c';\nconst s = 'from ./d';")).toEqual(['./a', '../b', './c']);
  });

  it('shows paths relative to the playground, and kit files by their folder', () => {
    expect(displayPath('/q/demo/main.ts', 'q/demo')).toBe('main.ts');
    expect(displayPath('/kit/clock.ts', 'q/demo')).toBe('kit/clock.ts');
  });
});
