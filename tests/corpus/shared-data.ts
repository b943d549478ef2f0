// ../shared/data beside the checkout (CI has it; a fresh clone may not: these tests run only in `test:corpus`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const SHARED_DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');

export function requireSharedData(): string {
  if (!existsSync(SHARED_DATA)) throw new Error(`${SHARED_DATA} is missing: the corpus tests need ../shared/data beside the checkout.`);
  return SHARED_DATA;
}
