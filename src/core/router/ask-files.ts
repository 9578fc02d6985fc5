import { open, stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { AskFileRef } from '../../shared/router-types'
import { CoopError } from '../errors/coop-error'

/** More than this would not fit most context windows, and a prompt that big is rarely what was meant. */
export const MAX_FILE_BYTES = 512 * 1024

/** A file's text as it goes into the prompt: the lines asked for, with the path shown to the model. */
export interface AskFile {
  /** As shown to the model: relative to the working directory when inside it, else absolute. */
  readonly path: string
  readonly startLine: number
  readonly endLine: number
  readonly text: string
  readonly bytes: number
}

/**
 * `PATH`, `PATH:12` or `PATH:12-40` (1-based, inclusive). Only a trailing `:N` or `:N-M` is a range,
 * so paths that contain colons (C:\…, odd names) still work.
 */
export function parseFileArgument(argument: string): AskFileRef {
  const match = /^(.+?):(\d+)(?:-(\d+))?$/.exec(argument)
  if (!match) return { path: argument }
  const startLine = Number(match[2])
  const endLine = match[3] === undefined ? startLine : Number(match[3])
  if (startLine < 1 || endLine < startLine) throw new CoopError('invalid_input', `The line range in ${argument} must be A-B with 1 ≤ A ≤ B`)
  return { path: match[1] as string, startLine, endLine }
}

/** Reads the files for a question: readable text files anywhere, relative to `cwd` or absolute. */
export async function readAskFiles(refs: readonly AskFileRef[], cwd: string): Promise<AskFile[]> {
  const files: AskFile[] = []
  for (const ref of refs) files.push(await readAskFile(ref, cwd))
  return files
}

async function readAskFile(ref: AskFileRef, cwd: string): Promise<AskFile> {
  if (ref.path.length === 0 || ref.path.includes('\0')) throw new CoopError('invalid_input', 'A file path is empty or contains a NUL byte')
  const absolute = resolve(cwd, ref.path)
  const shown = displayPath(absolute, cwd)
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    throw new CoopError('path_missing', `Cannot read ${shown}: ${error.code === 'ENOENT' ? 'no such file' : (error.code ?? 'unreadable')}`, { path: shown }, { cause: error })
  })
  if (!info.isFile()) throw new CoopError('invalid_input', `${shown} is not a file`, { path: shown })
  const ranged = ref.startLine !== undefined
  if (!ranged && info.size > MAX_FILE_BYTES) {
    throw new CoopError('invalid_input', `${shown} is ${Math.round(info.size / 1024)} KiB; the limit is ${MAX_FILE_BYTES / 1024} KiB: pass a line range (${shown}:1-200)`, { path: shown })
  }
  const buffer = await readHead(absolute, ranged ? 64 * 1024 * 1024 : MAX_FILE_BYTES)
  if (buffer.subarray(0, 8000).includes(0)) throw new CoopError('invalid_input', `${shown} is a binary file: only text can be sent`, { path: shown })
  const lines = buffer.toString('utf8').split(/\r?\n/)
  if (lines.length > 1 && lines.at(-1) === '') lines.pop()
  const startLine = ref.startLine ?? 1
  const endLine = Math.min(ref.endLine ?? lines.length, lines.length)
  if (startLine > lines.length) throw new CoopError('invalid_input', `${shown} has ${lines.length} lines; line ${startLine} does not exist`, { path: shown })
  const text = lines.slice(startLine - 1, endLine).join('\n')
  const bytes = Buffer.byteLength(text)
  if (bytes > MAX_FILE_BYTES) throw new CoopError('invalid_input', `Lines ${startLine}-${endLine} of ${shown} are over ${MAX_FILE_BYTES / 1024} KiB: pass a shorter range`, { path: shown })
  return { path: shown, startLine, endLine, text, bytes }
}

async function readHead(path: string, limit: number): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, limit - total))
      if (chunk.length === 0) break
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
    }
    return Buffer.concat(chunks)
  } finally {
    await handle.close()
  }
}

function displayPath(absolute: string, cwd: string): string {
  const inside = relative(cwd, absolute)
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside.split(sep).join('/') : absolute
}
