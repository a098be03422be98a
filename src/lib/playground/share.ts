/**
 * Share links carry a playground's edited files in the URL hash:
 *   #share=<lz-string of {"v":1,"id":"…","files":{"/path":"code"}}>
 * Nothing runs on open; the page loads the code into the playground for the reader to review.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

export const SHARE_PARAM = 'share';
/** Links longer than this are refused when made and when opened (browsers and chat tools cut long URLs). */
export const MAX_SHARE_LENGTH = 16_000;

export interface SharedCode {
  readonly id: string;
  readonly files: Readonly<Record<string, string>>;
}

export type DecodeResult = { ok: true; value: SharedCode } | { ok: false; error: string };

export function encodeShare(shared: SharedCode): string {
  const payload = compressToEncodedURIComponent(JSON.stringify({ v: 1, id: shared.id, files: shared.files }));
  if (payload.length > MAX_SHARE_LENGTH) {
    throw new Error(`This code is too long to share as a link (${payload.length} characters compressed; the limit is ${MAX_SHARE_LENGTH}).`);
  }
  return `${SHARE_PARAM}=${payload}`;
}

/** Parses a location hash ("#share=…"); `undefined` when the hash holds no share data at all. */
export function decodeShare(hash: string): DecodeResult | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const payload = params.get(SHARE_PARAM);
  if (payload === null) return undefined;
  if (payload.length > MAX_SHARE_LENGTH) return { ok: false, error: 'The shared code is too long to load.' };
  const json = decompressFromEncodedURIComponent(payload.replace(/ /g, '+'));
  if (!json) return { ok: false, error: 'The shared link is damaged: its code could not be decompressed.' };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, error: 'The shared link is damaged: its code is not readable.' };
  }
  if (!isSharedPayload(data)) return { ok: false, error: 'The shared link is damaged: it does not describe a playground.' };
  return { ok: true, value: { id: data.id, files: data.files } };
}

function isSharedPayload(data: unknown): data is { v: 1; id: string; files: Record<string, string> } {
  if (typeof data !== 'object' || data === null) return false;
  const { v, id, files } = data as Record<string, unknown>;
  return (
    v === 1 &&
    typeof id === 'string' &&
    typeof files === 'object' &&
    files !== null &&
    Object.entries(files).every(([path, code]) => path.startsWith('/') && typeof code === 'string')
  );
}
