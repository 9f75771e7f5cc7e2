import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { TextSource } from '../core/ports.ts';

/** Reads dataset files from a folder; absolute paths (a user's own files) are read as given. */
export function datasetFiles(root: string): TextSource {
  const full = (path: string) => (isAbsolute(path) ? path : resolve(root, path));
  return {
    readText: (path) => readFile(full(path), 'utf8'),
    describe: (path) => (isAbsolute(path) ? path : `datasets/${path}`),
  };
}
