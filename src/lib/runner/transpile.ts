import { transform } from 'sucrase';
import type { RawSourceMap } from './source-map';

export interface CompiledModule {
  readonly path: string;
  /** CommonJS JavaScript; line numbers match the TypeScript source. */
  readonly code: string;
  readonly map: RawSourceMap;
  /** Specifiers this module requires, in source order. */
  readonly dependencies: readonly string[];
}

export interface SourceLocation {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export class PlaygroundSyntaxError extends Error {
  constructor(
    message: string,
    readonly location: SourceLocation,
    /** The offending source line, for display under the message. */
    readonly lineText: string,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

/** 1-based line and column of a 0-based offset. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** TypeScript + ES modules → CommonJS, keeping line numbers. Throws PlaygroundSyntaxError. */
export function compileModule(path: string, source: string): CompiledModule {
  let result: ReturnType<typeof transform>;
  try {
    result = transform(source, {
      transforms: path.endsWith('.tsx') ? ['typescript', 'jsx', 'imports'] : ['typescript', 'imports'],
      filePath: path,
      sourceMapOptions: { compiledFilename: path.replace(/\.tsx?$/, '.js') },
      production: true,
    });
  } catch (error) {
    const { message, pos } = error as { message?: string; pos?: number };
    if (typeof pos === 'number') {
      const { line, column } = positionOf(source, pos);
      const text = (message ?? 'Syntax error').replace(/^Error transforming [^:]+: /, '').replace(/ \(\d+:\d+\)$/, '');
      throw new PlaygroundSyntaxError(text, { file: path, line, column }, source.split('\n')[line - 1] ?? '');
    }
    throw error;
  }
  return {
    path,
    code: result.code,
    map: result.sourceMap as RawSourceMap,
    dependencies: findRequires(result.code),
  };
}

/** The specifiers of `require('…')` calls that sucrase emits for imports and re-exports. */
export function findRequires(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(/\brequire\((['"])([^'"]+)\1\)/g)) {
    if (!found.includes(match[2]!)) found.push(match[2]!);
  }
  return found;
}
