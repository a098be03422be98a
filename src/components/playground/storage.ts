/** Readers' edits survive reloads: one localStorage entry per playground, holding only changed files. */
const key = (id: string) => `handbook:playground:${id}`;

export function loadEdits(id: string): Record<string, string> {
  try {
    const raw = localStorage.getItem(key(id));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {}; // storage disabled or corrupt: start from the original code
  }
}

export function saveEdits(id: string, edits: Record<string, string>): void {
  try {
    if (Object.keys(edits).length === 0) localStorage.removeItem(key(id));
    else localStorage.setItem(key(id), JSON.stringify(edits));
  } catch {
    // Storage full or disabled: edits still live in the editor until the page closes.
  }
}
