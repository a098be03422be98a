/**
 * Turns the sources under playgrounds/ into the files of one playground: the files of its own folder
 * (editable, shown as tabs, the entry first) plus whatever they import from elsewhere, such as the
 * simulation kit (read-only tabs). The runner resolves imports the same way (src/lib/runner/resolve.ts).
 * The entry is main.ts (a TypeScript program) or main.sql (statements run on PostgreSQL).
 */
import { dirname, joinPath } from '../runner/resolve';

export interface PlaygroundFile {
  /** Absolute path relative to playgrounds/, e.g. "/idempotent-operations/retry/main.ts". */
  readonly path: string;
  readonly code: string;
  readonly readOnly: boolean;
}

export interface PlaygroundFiles {
  readonly id: string;
  readonly entry: string;
  readonly files: readonly PlaygroundFile[];
}

/** The entry file names a playground folder may have (exactly one of them). */
export const ENTRY_FILES = ['main.ts', 'main.sql'] as const;

/** The files a playground folder shows: TypeScript sources and SQL scripts. */
const PLAYGROUND_FILE = /\.(tsx?|sql)$/;

/** The simulation kit's Postgres module (playgrounds/kit/postgres.ts), which needs the PGlite add-on. */
export const POSTGRES_KIT_MODULE = '/kit/postgres';

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;

/** Relative specifiers of static imports and re-exports in a TypeScript source. */
export function importedSpecifiers(code: string): string[] {
  return [...code.matchAll(IMPORT)].map((m) => m[1]!);
}

/**
 * @param sources every file under playgrounds/, keyed by path relative to it ("/kit/clock.ts")
 * @param id a playground id: its folder, e.g. "idempotent-operations/retry"
 */
export function createFileMap(sources: Readonly<Record<string, string>>, id: string): PlaygroundFiles {
  if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(id)) {
    throw new Error(`Playground id "${id}" is not a folder path such as "idempotent-operations/retry"`);
  }
  const folder = `/${id}/`;
  const entries = ENTRY_FILES.map((name) => `${folder}${name}`).filter((path) => path in sources);
  if (entries.length === 0) {
    throw new Error(`Playground "${id}" not found: there is no playgrounds/${id}/${ENTRY_FILES.join(' or ')}`);
  }
  if (entries.length > 1) {
    throw new Error(`Playground "${id}" has both ${ENTRY_FILES.join(' and ')}: keep one entry file`);
  }
  const entry = entries[0]!;
  const own = Object.keys(sources)
    .filter((path) => path.startsWith(folder) && !path.slice(folder.length).includes('/') && PLAYGROUND_FILE.test(path))
    .sort((a, b) => (a === entry ? -1 : b === entry ? 1 : a.localeCompare(b)));

  const included = new Set(own);
  const queue = [...own];
  while (queue.length > 0) {
    const importer = queue.shift()!;
    if (importer.endsWith('.sql')) continue; // SQL files include others with \i, only from their own folder
    for (const specifier of importedSpecifiers(sources[importer]!)) {
      const base = joinPath(dirname(importer), specifier).replace(/\.js$/, '');
      const target = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((p) => p in sources);
      if (!target) {
        throw new Error(
          `Playground "${id}": ${importer.slice(1)} imports "${specifier}", which is not a file under playgrounds/`,
        );
      }
      if (!included.has(target)) {
        included.add(target);
        queue.push(target);
      }
    }
  }
  const helpers = [...included].filter((path) => !own.includes(path)).sort();
  return {
    id,
    entry,
    files: [
      ...own.map((path) => ({ path, code: sources[path]!, readOnly: false })),
      ...helpers.map((path) => ({ path, code: sources[path]!, readOnly: true })),
    ],
  };
}

/** The tab label a reader sees: the file name, or kit/… for files outside the playground's folder. */
export function displayPath(path: string, id: string): string {
  const folder = `/${id}/`;
  return path.startsWith(folder) ? path.slice(folder.length) : path.slice(1);
}

/** A SQL playground's entry (main.sql): its statements run on PostgreSQL instead of being compiled. */
export const isSqlEntry = (entry: string): boolean => entry.endsWith('.sql');

/**
 * Whether a run needs the PGlite add-on: a SQL playground, or TypeScript that imports kit/postgres.
 * Decided from the files being run, so that a reader's edit that adds the import works too.
 */
export function needsPostgres(files: Readonly<Record<string, string>>, entry: string): boolean {
  if (isSqlEntry(entry)) return true;
  return Object.entries(files).some(
    ([path, code]) =>
      /\.tsx?$/.test(path) &&
      importedSpecifiers(code).some(
        (specifier) => joinPath(dirname(path), specifier).replace(/\.(ts|js)$/, '') === POSTGRES_KIT_MODULE,
      ),
  );
}
