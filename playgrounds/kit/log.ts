/**
 * kit/log — console lines stamped with virtual time, so the output reads as a timeline.
 *
 *   import { log, logger } from '../../kit/log';
 *   log('charged', 42);                 // [t=1.250s] charged 42
 *   const worker = logger('worker-1');
 *   worker('retrying in %d ms', 400);   // [t=1.250s] worker-1: retrying in 400 ms
 *
 * Arguments are formatted as console.log formats them (objects inspected, %s/%d/%o placeholders).
 */
import { formatTime, now } from './clock';

/** The time stamp log() puts in front of a line: "[t=1.250s]". */
export function timestamp(): string {
  return `[t=${formatTime(now())}]`;
}

/** console.log with the virtual time in front. */
export function log(...args: unknown[]): void {
  const [first, ...rest] = args;
  if (typeof first === 'string') console.log(`${timestamp()} ${first}`, ...rest);
  else console.log(timestamp(), ...args);
}

/** A log() whose lines also name who is speaking: `logger('api')('ok')` prints "[t=0.000s] api: ok". */
export function logger(name: string): (...args: unknown[]) => void {
  return (...args: unknown[]) => {
    const [first, ...rest] = args;
    if (typeof first === 'string') log(`${name}: ${first}`, ...rest);
    else log(`${name}:`, ...args);
  };
}
