// Errors the store raises on purpose, and the wording the reader sees when
// IndexedDB itself fails (a full disk above all).
import type { ErrorCode } from '../messages.ts';

export class StoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

function isQuota(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Code and reader-facing message for anything a store call threw. */
export function describeError(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof StoreError) return { code: error.code, message: error.message };
  if (isQuota(error)) {
    return {
      code: 'quota',
      message:
        'Storage is full: Newsmark could not save this change. Everything saved before is intact. ' +
        'Free some disk space or delete old pages from the library, then try again.',
    };
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 'storage', message: `Newsmark's database failed (${text}). Nothing saved before was changed.` };
}

/**
 * Runs fn with the transaction and waits for it to commit. If anything fails,
 * the transaction is aborted so none of its writes land, and the error that
 * explains it best (the transaction's own error, e.g. QuotaExceededError,
 * rather than the AbortError it causes) is thrown.
 */
export async function inTransaction<Tx extends { done: Promise<void>; abort(): void; error: DOMException | null }, T>(
  tx: Tx,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    const value = await fn(tx);
    await tx.done;
    return value;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already aborted or finished
    }
    await tx.done.catch(() => undefined);
    throw tx.error && (error as { name?: string })?.name === 'AbortError' ? tx.error : error;
  }
}
