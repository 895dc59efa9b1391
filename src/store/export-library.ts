// Export of the library: Markdown (Obsidian-clean), CSV (one row per figure or
// move) and JSON (lossless backup that data/import reads back).
import type { ExportFormat } from '../messages.ts';
import { StoreError } from './errors.ts';
import type { NewsmarkDb } from './schema.ts';

export async function exportLibrary(
  _db: NewsmarkDb,
  format: ExportFormat,
  _ids: string[] | undefined,
  _now: Date,
): Promise<{ filename: string; mime: string; text: string }> {
  throw new StoreError('internal', `Export as ${format} is not implemented yet.`);
}
