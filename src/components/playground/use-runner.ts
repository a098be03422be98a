import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileMap } from '../../lib/runner/execute';
import type { OutputEntry, RunStatus } from '../../lib/runner/protocol';
import type { RunHandle } from '../../lib/runner/client';

export type RunState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly startedAt: number }
  | { readonly phase: 'finished'; readonly status: RunStatus; readonly elapsedMs: number; readonly timeoutMs: number };

/** Runs code in the sandbox (loaded on the first run) and collects its output. */
export function useRunner(entry: string) {
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const [output, setOutput] = useState<OutputEntry[]>([]);
  const handle = useRef<RunHandle | undefined>(undefined);
  // Output arrives one message per console call; render it at most once a frame.
  const pending = useRef<OutputEntry[]>([]);
  const frame = useRef<number | undefined>(undefined);
  const flush = useCallback(() => {
    frame.current = undefined;
    const entries = pending.current;
    pending.current = [];
    if (entries.length > 0) setOutput((previous) => [...previous, ...entries]);
  }, []);
  const receive = useCallback(
    (entries: OutputEntry[]) => {
      pending.current.push(...entries);
      frame.current ??= requestAnimationFrame(flush);
    },
    [flush],
  );

  const run = useCallback(
    async (files: FileMap) => {
      handle.current?.stop();
      pending.current = [];
      setOutput([]);
      const startedAt = performance.now();
      setState({ phase: 'running', startedAt });
      const { runInSandbox } = await import('../../lib/runner/client');
      const current = runInSandbox(files, entry, receive);
      handle.current = current;
      const status = await current.done;
      if (handle.current === current) {
        flush();
        handle.current = undefined;
        setState({ phase: 'finished', status, elapsedMs: performance.now() - startedAt, timeoutMs: current.timeoutMs });
      }
    },
    [entry, receive, flush],
  );

  const stop = useCallback(() => handle.current?.stop(), []);
  const clear = useCallback(() => {
    handle.current?.stop();
    pending.current = [];
    setOutput([]);
    setState({ phase: 'idle' });
  }, []);

  useEffect(() => () => handle.current?.stop(), []);
  return { state, output, run, stop, clear };
}

/** Re-renders every `intervalMs` while `active`, for the elapsed-time display. */
export function useTicker(active: boolean, intervalMs = 100): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(performance.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
