import { describe, expect, it } from 'vitest';
import { compileProgram, formatFrames, mapStack, runProgram, type FileMap } from '../../../src/lib/runner/execute';
import { PlaygroundSyntaxError } from '../../../src/lib/runner/transpile';
import { ModuleNotFoundError } from '../../../src/lib/runner/resolve';

const indirectEval = (code: string): unknown => (0, eval)(code);

function capture() {
  const lines: string[] = [];
  return { lines, console: { log: (...args: unknown[]) => lines.push(args.map(String).join(' ')) } };
}

async function run(files: FileMap, entry = '/main.ts') {
  const out = capture();
  const program = compileProgram(files, entry);
  await runProgram(program, indirectEval, out.console);
  return { program, lines: out.lines };
}

describe('runProgram', () => {
  it('resolves relative imports across folders, with or without extensions', async () => {
    const { lines } = await run(
      {
        '/q/demo/main.ts':
          "import { add } from './math';\nimport { twice } from '../../kit/twice.ts';\nconsole.log(add(2, 3), twice(4));",
        '/q/demo/math.ts': 'export const add = (a: number, b: number): number => a + b;',
        '/kit/twice.ts': 'export function twice(n: number) { return n * 2; }',
      },
      '/q/demo/main.ts',
    );
    expect(lines).toEqual(['5 8']);
  });

  it('evaluates dependencies first, once, and supports top-level await', async () => {
    const { lines } = await run({
      '/main.ts': "import { ready } from './slow';\nimport './slow';\nconsole.log('main sees', ready);",
      '/slow.ts':
        "export let ready = false;\nawait new Promise((r) => setTimeout(r, 5));\nready = true;\nconsole.log('slow done');",
    });
    expect(lines).toEqual(['slow done', 'main sees true']);
  });

  it('keeps types out and classes, enums and default exports working', async () => {
    const { lines } = await run({
      '/main.ts':
        "import Counter, { Mode } from './counter';\nimport type { Unused } from './counter';\nconst c = new Counter(Mode.Fast);\nc.bump();\nconsole.log(c.value, Mode[Mode.Fast]);",
      '/counter.ts':
        'export type Unused = string;\nexport enum Mode { Slow, Fast }\nexport default class Counter {\n  value = 0;\n  constructor(private mode: Mode) {}\n  bump(): void { this.value += this.mode === Mode.Fast ? 10 : 1; }\n}',
    });
    expect(lines).toEqual(['10 Fast']);
  });

  it('reports an unknown module with the importing file', () => {
    expect(() => compileProgram({ '/main.ts': "import x from 'lodash';\nconsole.log(x);" }, '/main.ts')).toThrow(
      ModuleNotFoundError,
    );
    expect(() => compileProgram({ '/main.ts': "import x from './nope';\nconsole.log(x);" }, '/main.ts')).toThrow(
      "Cannot find module './nope' imported from /main.ts",
    );
  });
});

describe('syntax errors', () => {
  it('name the TypeScript file, line, column and the line itself', () => {
    try {
      compileProgram({ '/main.ts': "import './b';", '/b.ts': 'const ok = 1;\nlet broken = (;\n' }, '/main.ts');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlaygroundSyntaxError);
      const e = error as PlaygroundSyntaxError;
      expect(e.message).toBe('Unexpected token');
      expect(e.location).toEqual({ file: '/b.ts', line: 2, column: 15 });
      expect(e.lineText).toBe('let broken = (;');
    }
  });
});

describe('mapStack', () => {
  it('maps a runtime error back to the TypeScript line and column', async () => {
    const files = {
      '/main.ts': "import { explode } from './lib';\n\nexplode();",
      '/lib.ts':
        "interface Options {\n  loud: boolean;\n}\nexport function explode(options: Options = { loud: true }): never {\n  const label: string = options.loud ? 'BOOM' : 'boom';\n  throw new Error(label);\n}",
    };
    const program = compileProgram(files, '/main.ts');
    const error = await runProgram(program, indirectEval, console).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe('BOOM');
    const frames = mapStack(error!.stack!, program);
    expect(frames[0]).toEqual({ file: '/lib.ts', line: 6, column: 9, functionName: 'explode' });
    expect(frames[1]).toMatchObject({ file: '/main.ts', line: 3, column: 1 });
    expect(formatFrames(frames, (p) => p.slice(1))).toContain('at explode (lib.ts:6:9)');
  });

  it('maps columns on the first line despite the module wrapper', async () => {
    const program = compileProgram({ '/main.ts': 'const n: number = 1; undefinedThing(n);' }, '/main.ts');
    const error = await runProgram(program, indirectEval, console).catch((e: unknown) => e as Error);
    expect(String(error)).toContain('undefinedThing is not defined');
    expect(mapStack((error as Error).stack!, program)[0]).toMatchObject({ file: '/main.ts', line: 1, column: 22 });
  });
});
