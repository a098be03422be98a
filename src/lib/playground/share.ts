/**
 * Share links carry a playground's edited files in the URL hash:
 *   #playground=<id>&share=<lz-string of {"v":1,"files":{"/path":"code"}}>
 * The id stays readable so that even a damaged link can say which playground it was for.
 * Nothing runs on open; the page loads the code into the playground for the reader to review.
 */
import LZString from 'lz-string';
import { ID_PARAM } from './anchor';

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

export const SHARE_PARAM = 'share';
/** Links longer than this are refused when made and when opened (browsers and chat tools cut long URLs). */
export const MAX_SHARE_LENGTH = 16_000;

export interface SharedCode {
  readonly id: string;
  readonly files: Readonly<Record<string, string>>;
}

export type DecodeResult = { id: string } & ({ ok: true; value: SharedCode } | { ok: false; error: string });

/** The URL hash (without "#") for a share link. Throws when the code is too long for a link. */
export function encodeShare(shared: SharedCode): string {
  const payload = compressToEncodedURIComponent(JSON.stringify({ v: 1, files: shared.files }));
  if (payload.length > MAX_SHARE_LENGTH) {
    throw new Error(
      `This code is too long to share as a link (${payload.length} characters compressed; the limit is ${MAX_SHARE_LENGTH}).`,
    );
  }
  return `${ID_PARAM}=${encodeURIComponent(shared.id)}&${SHARE_PARAM}=${payload}`;
}

/** Parses a location hash; `undefined` when it holds no share link (a plain heading anchor, say). */
export function decodeShare(hash: string): DecodeResult | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get(ID_PARAM);
  const payload = params.get(SHARE_PARAM);
  if (id === null || payload === null) return undefined;
  const fail = (error: string): DecodeResult => ({ id, ok: false, error });
  if (payload.length > MAX_SHARE_LENGTH) return fail('The shared code is too long to load.');
  // URLSearchParams turns "+" into a space; lz-string's URI alphabet uses "+".
  const json = decompressFromEncodedURIComponent(payload.replace(/ /g, '+'));
  if (!json) return fail('The shared link is damaged: its code could not be decompressed.');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail('The shared link is damaged: its code is not readable.');
  }
  if (!isSharedPayload(data)) return fail('The shared link is damaged: it does not describe playground files.');
  return { id, ok: true, value: { id, files: data.files } };
}

function isSharedPayload(data: unknown): data is { v: 1; files: Record<string, string> } {
  if (typeof data !== 'object' || data === null) return false;
  const { v, files } = data as Record<string, unknown>;
  return (
    v === 1 &&
    typeof files === 'object' &&
    files !== null &&
    Object.entries(files).every(([path, code]) => path.startsWith('/') && typeof code === 'string')
  );
}
