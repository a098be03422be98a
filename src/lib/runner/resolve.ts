/** Module resolution among a playground's files: relative specifiers only, as TypeScript resolves them. */

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '/index.ts', '/index.tsx'];

export function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

/** Joins and normalises POSIX paths ("/a/b" + "../c" → "/a/c"). */
export function joinPath(base: string, relative: string): string {
  const parts: string[] = [];
  for (const part of `${base}/${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export class ModuleNotFoundError extends Error {
  constructor(
    readonly specifier: string,
    readonly importer: string,
  ) {
    super(
      specifier.startsWith('.') || specifier.startsWith('/')
        ? `Cannot find module '${specifier}' imported from ${importer}`
        : `Cannot find module '${specifier}' imported from ${importer}: playgrounds can import only their own files (relative paths such as './kit/clock')`,
    );
    this.name = 'ModuleNotFoundError';
  }
}

/** Resolves `specifier` imported by `importer` to a key of `files`, trying TypeScript's extensions. */
export function resolveModule(specifier: string, importer: string, files: ReadonlySet<string>): string {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/')) {
    const base = specifier.startsWith('/') ? specifier : joinPath(dirname(importer), specifier);
    const stripped = base.replace(/\.js$/, '');
    for (const candidate of [base, ...EXTENSIONS.map((ext) => stripped + ext)]) {
      if (files.has(candidate)) return candidate;
    }
  }
  throw new ModuleNotFoundError(specifier, importer);
}
