import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every file under `root` as its path relative to root → the SHA-256 of its bytes, leaving out
 * files whose name `skip` accepts. "Nothing changed" is two of these being equal; a link is
 * recorded as the file it is, never followed.
 */
export function folderState(root: string, skip: (name: string) => boolean = () => false): Record<string, string> {
  const state: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !skip(entry.name)) state[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(root);
  return state;
}
