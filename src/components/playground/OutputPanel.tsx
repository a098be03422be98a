import type { OutputEntry } from '../../lib/runner/protocol';

interface Props {
  readonly entries: readonly OutputEntry[];
  readonly displayName: (path: string) => string;
}

const where = (location: { file: string; line: number; column: number }, displayName: (p: string) => string) =>
  `${displayName(location.file)}:${location.line}:${location.column}`;

function Entry({ entry, displayName }: { entry: OutputEntry; displayName: (p: string) => string }) {
  switch (entry.kind) {
    case 'console':
      return <pre className={`pg-line pg-${entry.level}`}>{entry.text}</pre>;
    case 'sql-comment':
      return <pre className="pg-line pg-sql-comment">{entry.text}</pre>;
    case 'table':
      return (
        <div className="pg-table-wrap">
          <table className="pg-table">
            <thead>
              <tr>
                {entry.header.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entry.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) =>
                    c === 0 ? (
                      <th key={c} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={c}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'exception':
      return (
        <pre className="pg-line pg-error pg-exception">
          <strong>{entry.title}</strong>
          {entry.location ? ` (${where(entry.location, displayName)})` : ''}
          {entry.stack ? `\n${entry.stack}` : ''}
        </pre>
      );
    case 'syntax': {
      const caret = `${' '.repeat(Math.max(0, entry.location.column - 1))}^`;
      return (
        <pre className="pg-line pg-error pg-exception">
          <strong>{entry.message}</strong> ({where(entry.location, displayName)})
          {`\n${String(entry.location.line).padStart(4)} | ${entry.lineText}\n     | ${caret}`}
        </pre>
      );
    }
    case 'sql-error': {
      // Laid out as psql reports an error in a file: message, DETAIL/HINT, then the line with a caret.
      const caret = `${' '.repeat(Math.max(0, entry.location.column - 1))}^`;
      return (
        <pre className="pg-line pg-error pg-exception">
          <strong>ERROR: {entry.message}</strong> ({where(entry.location, displayName)})
          {entry.detail ? `\nDETAIL:  ${entry.detail}` : ''}
          {entry.hint ? `\nHINT:  ${entry.hint}` : ''}
          {`\n${String(entry.location.line).padStart(4)} | ${entry.lineText}\n     | ${caret}`}
        </pre>
      );
    }
    case 'truncated':
      return (
        <p className="pg-note">
          Output truncated after {entry.limit} lines; the rest of the program's output was dropped.
        </p>
      );
  }
}

/** The program's output, in order. A polite live region, so screen readers hear new output. */
export default function OutputPanel({ entries, displayName }: Props) {
  return (
    <div className="pg-output-lines">
      {entries.map((entry, i) => (
        <Entry key={i} entry={entry} displayName={displayName} />
      ))}
    </div>
  );
}
