// The JSON backup: a lossless copy of the library that data/import reads back.
import type { Note, SavedPage, Settings } from '../messages.ts';

export const BACKUP_FORMAT = 'newsmark-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  pages: SavedPage[];
  notes: Note[];
  settings: Settings;
}
