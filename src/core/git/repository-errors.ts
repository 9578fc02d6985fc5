import { stat } from 'node:fs/promises'
import { CoopError } from '../errors/coop-error'

/**
 * What a user is told when a path cannot be indexed, the same whichever backend reads it (the
 * backend parity test compares these messages).
 */

export async function requireDirectory(path: string): Promise<void> {
  let isDirectory: boolean
  try {
    isDirectory = (await stat(path)).isDirectory()
  } catch {
    throw new CoopError('path_missing', `Path does not exist: ${path}`, { path })
  }
  if (!isDirectory) throw new CoopError('not_a_repository', `Not a git repository (not a folder): ${path}`, { path })
}

export function notARepository(path: string, cause?: unknown): CoopError {
  return new CoopError('not_a_repository', `Not a git repository: ${path} (choose the folder that contains .git)`, { path }, cause === undefined ? undefined : { cause })
}

export function emptyRepository(top: string): CoopError {
  return new CoopError('empty_repository', `Repository has no commits yet: ${top} (commit something, then index it again)`, { path: top })
}
