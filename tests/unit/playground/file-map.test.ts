import { describe, expect, it } from 'vitest';
import { createFileMap, displayPath, importedSpecifiers, needsPostgres } from '../../../src/lib/playground/file-map';

const sources = {
  '/q/demo/main.ts':
    "import { a } from './helper';\nimport type { T } from '../../kit/types';\nexport * from './helper';",
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
    expect(() => createFileMap(sources, 'q/nope')).toThrow(
      'Playground "q/nope" not found: there is no playgrounds/q/nope/main.ts',
    );
    expect(() => createFileMap({ '/x/main.ts': "import './gone';" }, 'x')).toThrow(
      'Playground "x": x/main.ts imports "./gone"',
    );
    expect(() => createFileMap(sources, '../etc')).toThrow('is not a folder path');
  });

  it('finds static imports and re-exports, not strings that merely look like paths', () => {
    expect(
      importedSpecifiers("import a from './a';\nexport { b } from \"../b\";\nimport './c';\nconst s = 'from ./d';"),
    ).toEqual(['./a', '../b', './c']);
  });

  it('shows paths relative to the playground, and kit files by their folder', () => {
    expect(displayPath('/q/demo/main.ts', 'q/demo')).toBe('main.ts');
    expect(displayPath('/kit/clock.ts', 'q/demo')).toBe('kit/clock.ts');
  });
});

describe('SQL playgrounds', () => {
  const sql = {
    '/q/sql/main.sql': '\\i schema.sql\nSELECT 1;',
    '/q/sql/schema.sql': 'CREATE TABLE t (id int);',
    '/q/sql/notes.md': 'not a playground file',
  };

  it("take main.sql as the entry and show the folder's other .sql files as editable tabs", () => {
    const map = createFileMap(sql, 'q/sql');
    expect(map.entry).toBe('/q/sql/main.sql');
    expect(map.files.map((f) => [f.path, f.readOnly])).toEqual([
      ['/q/sql/main.sql', false],
      ['/q/sql/schema.sql', false],
    ]);
  });

  it('refuse a folder with both entries', () => {
    expect(() => createFileMap({ ...sql, '/q/sql/main.ts': '' }, 'q/sql')).toThrow('has both main.ts and main.sql');
  });
});

describe('needsPostgres', () => {
  it('is true for a SQL entry and for TypeScript that imports kit/postgres, wherever it sits', () => {
    expect(needsPostgres({ '/q/sql/main.sql': 'SELECT 1;' }, '/q/sql/main.sql')).toBe(true);
    expect(
      needsPostgres({ '/q/a/main.ts': "import { openPostgres } from '../../kit/postgres';" }, '/q/a/main.ts'),
    ).toBe(true);
    expect(
      needsPostgres(
        { '/q/a/main.ts': "import './repo';", '/q/a/repo.ts': "export * from '../../kit/postgres.js';" },
        '/q/a/main.ts',
      ),
    ).toBe(true);
  });

  it('is false for TypeScript that does not, even when it mentions Postgres', () => {
    expect(
      needsPostgres(
        { '/q/a/main.ts': "import { Database } from '../../kit/db';\n// kit/postgres would be real" },
        '/q/a/main.ts',
      ),
    ).toBe(false);
  });
});
