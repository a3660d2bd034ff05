import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';

/**
 * A device to aim a write at that a broken writer cannot harm: /dev/null for a
 * user who may not write in /dev; for root, who may (a writer that renamed over
 * the target would replace the machine's /dev/null with a file), a null device
 * made in `dir`. Undefined when neither is possible.
 */
export function harmlessDevice(dir: string): string | undefined {
  try {
    accessSync('/dev', constants.W_OK);
  } catch {
    return '/dev/null';
  }
  try {
    const device = join(dir, 'null');
    execFileSync('mknod', [device, 'c', '1', '3'], { stdio: 'ignore' });
    return device;
  } catch {
    return undefined;
  }
}

/** A named pipe in `dir`, made with mkfifo(1); the tests never open it. */
export function namedPipe(dir: string, name: string): string {
  const fifo = join(dir, name);
  execFileSync('mkfifo', [fifo]);
  return fifo;
}
