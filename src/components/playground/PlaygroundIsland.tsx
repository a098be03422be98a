import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  getSandpackCssText,
  SandpackCodeEditor,
  SandpackProvider,
  useSandpack,
  type CustomLanguage,
} from '@codesandbox/sandpack-react';
import { displayPath, isSqlEntry, type PlaygroundFile } from '../../lib/playground/file-map';
import { decodeShare, encodeShare } from '../../lib/playground/share';
import OutputPanel from './OutputPanel';
import ToolbarButton, { icons } from './ToolbarButton';
import { loadEdits, saveEdits } from './storage';
import { useAccessibleFileTabs } from './use-accessible-tabs';
import { playgroundTheme } from './theme';
import { useRunner, useTicker, type RunState } from './use-runner';

export interface PlaygroundProps {
  readonly id: string;
  readonly entry: string;
  readonly files: readonly PlaygroundFile[];
  /** Editor height in lines, fixed so that hydration does not move the page. */
  readonly lines: number;
}

interface IslandProps extends PlaygroundProps {
  /** Syntax for more file types (SQL); passed by SqlPlaygroundIsland so other pages do not load it. */
  readonly languages?: CustomLanguage[];
}

export default function PlaygroundIsland({ id, entry, files, lines, languages }: IslandProps) {
  const sandpackFiles = useMemo(
    () =>
      Object.fromEntries(files.map((f) => [f.path, { code: f.code, readOnly: f.readOnly, active: f.path === entry }])),
    [files, entry],
  );
  return (
    <>
      <SandpackProvider
        files={sandpackFiles}
        theme={playgroundTheme}
        customSetup={{ entry }}
        options={{
          activeFile: entry,
          visibleFiles: files.map((f) => f.path),
          autorun: false,
          autoReload: false,
          initMode: 'immediate',
        }}
      >
        <Workbench id={id} entry={entry} files={files} lines={lines} {...(languages ? { languages } : {})} />
      </SandpackProvider>
      <SandpackCss />
    </>
  );
}

/** Server-side, the editor's CSS is inlined so that the code is styled before (and without) JavaScript. */
function SandpackCss() {
  return (
    <style
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: typeof window === 'undefined' ? getSandpackCssText() : '' }}
    />
  );
}

const statusText = (state: RunState, now: number, sql: boolean): string => {
  switch (state.phase) {
    case 'idle':
      return sql
        ? 'Press Run (Ctrl+Enter) to run these statements on a fresh PostgreSQL database.'
        : 'Press Run (Ctrl+Enter) to run this program.';
    case 'running':
      return `Running… ${((now - state.startedAt) / 1000).toFixed(1)} s`;
    case 'finished': {
      const took =
        state.elapsedMs < 1000 ? `${Math.round(state.elapsedMs)} ms` : `${(state.elapsedMs / 1000).toFixed(1)} s`;
      switch (state.status) {
        case 'ok':
          return `Finished in ${took}.`;
        case 'error':
          return `Failed after ${took}.`;
        case 'stopped':
          return `Stopped after ${took}.`;
        case 'timeout':
          return `Stopped: the program was still running after ${state.timeoutMs / 1000} s (an endless loop?).`;
      }
    }
  }
};

function Workbench({ id, entry, files, lines, languages }: IslandProps) {
  const { sandpack } = useSandpack();
  const { state, output, run, stop, clear } = useRunner(entry);
  const now = useTicker(state.phase === 'running');
  const [notice, setNotice] = useState<{ text: string; tone: 'info' | 'warn' } | undefined>();
  const hydrated = useRef(false);
  // Server-rendered buttons stay disabled until they can work.
  const [ready, setReady] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useAccessibleFileTabs(root);
  const originals = useMemo(() => new Map(files.map((f) => [f.path, f.code])), [files]);
  const editable = useMemo(() => files.filter((f) => !f.readOnly).map((f) => f.path), [files]);

  const currentCode = useCallback(
    (path: string) => sandpack.files[path]?.code ?? originals.get(path) ?? '',
    [sandpack.files, originals],
  );
  const edits = useMemo(() => {
    const changed: Record<string, string> = {};
    for (const path of editable) if (currentCode(path) !== originals.get(path)) changed[path] = currentCode(path);
    return changed;
  }, [editable, currentCode, originals]);
  const edited = Object.keys(edits).length > 0;

  // After hydration: a share link for this playground wins over saved edits; nothing runs by itself.
  // This reads the URL and localStorage, which the server-rendered HTML cannot know, so it sets state once
  // in an effect rather than during render (that would mismatch the hydrated markup).
  /* eslint-disable react-hooks/set-state-in-effect */
  useEffect(() => {
    const shared = decodeShare(window.location.hash);
    if (shared && shared.id === id) {
      if (shared.ok) {
        for (const [path, code] of Object.entries(shared.value.files))
          if (editable.includes(path)) sandpack.updateFile(path, code);
        setNotice({ text: 'Shared code loaded — review it before running.', tone: 'info' });
      } else {
        setNotice({ text: `${shared.error} The original code is shown.`, tone: 'warn' });
      }
      root.current?.scrollIntoView({ block: 'start' });
    } else {
      for (const [path, code] of Object.entries(loadEdits(id)))
        if (editable.includes(path)) sandpack.updateFile(path, code);
    }
    hydrated.current = true;
    setReady(true);
    // Runs once, after hydration: the server-rendered editor shows the original code.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);
  /* eslint-enable react-hooks/set-state-in-effect */

  useEffect(() => {
    if (hydrated.current) saveEdits(id, edits);
  }, [id, edits]);

  const onRun = useCallback(() => {
    setNotice(undefined);
    void run(Object.fromEntries(files.map((f) => [f.path, currentCode(f.path)])));
  }, [files, currentCode, run]);

  const onReset = () => {
    if (edited && !window.confirm('Discard your edits to this playground and restore the original code?')) return;
    sandpack.resetAllFiles();
    saveEdits(id, {});
    clear();
    setNotice({ text: 'The original code is restored.', tone: 'info' });
  };

  const onCopy = async () => {
    const path = sandpack.activeFile;
    try {
      await navigator.clipboard.writeText(currentCode(path));
      setNotice({ text: `Copied ${displayPath(path, id)} to the clipboard.`, tone: 'info' });
    } catch {
      setNotice({ text: 'The browser did not allow copying to the clipboard.', tone: 'warn' });
    }
  };

  const onShare = async () => {
    let url: string;
    try {
      url = `${window.location.origin}${window.location.pathname}#${encodeShare({ id, files: edits })}`;
    } catch (error) {
      setNotice({ text: (error as Error).message, tone: 'warn' });
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setNotice({
        text: edited
          ? 'Link with your edits copied to the clipboard.'
          : 'Link copied (there are no edits yet, so it opens the original code).',
        tone: 'info',
      });
    } catch {
      setNotice({ text: `Copy this link: ${url}`, tone: 'info' });
    }
  };

  // Load the sandbox when a reader reaches for the toolbar, so that the first Run answers at once.
  const warmUp = () => void import('../../lib/runner/client').then((client) => client.warmUp());

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (state.phase !== 'running') onRun();
    }
  };

  const running = state.phase === 'running';
  const name = (path: string) => displayPath(path, id);
  return (
    <div className="pg" ref={root} onKeyDown={onKeyDown} data-state={state.phase} data-edited={edited || undefined}>
      <div className="pg-toolbar" role="toolbar" aria-label="Playground" onPointerEnter={warmUp} onFocus={warmUp}>
        <ToolbarButton
          label="Run"
          description="Run the program (Ctrl+Enter or ⌘+Enter)"
          icon={icons.run}
          primary
          onClick={onRun}
          disabled={!ready || running}
        />
        <ToolbarButton
          label="Stop"
          description="Stop the running program"
          icon={icons.stop}
          onClick={stop}
          disabled={!running}
        />
        <ToolbarButton
          label="Reset"
          description="Restore the original code"
          icon={icons.reset}
          onClick={onReset}
          disabled={!ready}
        />
        <ToolbarButton
          label="Copy"
          description="Copy the open file to the clipboard"
          icon={icons.copy}
          onClick={() => void onCopy()}
          disabled={!ready}
        />
        <ToolbarButton
          label="Share"
          description="Copy a link that opens this playground with your edits"
          icon={icons.share}
          onClick={() => void onShare()}
          disabled={!ready}
        />
        {edited ? <span className="pg-badge">edited</span> : null}
      </div>
      <SandpackCodeEditor
        showTabs
        showLineNumbers
        showReadOnly
        showRunButton={false}
        {...(languages ? { additionalLanguages: languages } : {})}
        style={{ height: `calc(${lines} * 1.5rem + 1.5rem)` }}
      />
      <div className="pg-console">
        <p className="pg-status" data-status={state.phase === 'finished' ? state.status : state.phase}>
          {statusText(state, now, isSqlEntry(entry))}
        </p>
        {notice ? (
          <p className={`pg-notice pg-notice-${notice.tone}`} role="status">
            {notice.text}
          </p>
        ) : null}
        <div className="pg-output" role="log" aria-live="polite" aria-label="Program output">
          <OutputPanel entries={output} displayName={name} />
        </div>
      </div>
    </div>
  );
}
