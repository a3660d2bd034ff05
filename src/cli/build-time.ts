// The entry scripts/build.mjs bundles and runs to validate and embed the
// shipped pack: the pack layer's check, given the files on disk.
import { compileBuiltIns as compile } from '../pack/build-time.js';
import { packFiles } from './pack-files.js';

export function compileBuiltIns(rulesDir: string): ReturnType<typeof compile> {
  return compile(rulesDir, packFiles());
}
