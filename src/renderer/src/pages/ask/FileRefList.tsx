import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { AskFileRef } from '../../../../shared/router-types'
import { formatFileRef, parseFileRef } from './file-ref'

interface FileRefListProps {
  readonly files: readonly AskFileRef[]
  readonly relativeTo: string | null
  readonly onChange: (files: readonly AskFileRef[]) => void
}

const MAX_FILES = 50

/** Files to send with the question, each `path` or `path:A-B`, added one at a time and removable. */
export function FileRefList({ files, relativeTo, onChange }: FileRefListProps) {
  const id = useId()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)

  function add(event?: FormEvent): void {
    event?.preventDefault()
    const parsed = parseFileRef(text)
    if (!parsed.ok) return setError(parsed.message)
    if (files.length >= MAX_FILES) return setError(`At most ${MAX_FILES} files go with one question`)
    setError(null)
    setText('')
    onChange([...files, parsed.ref])
  }

  // The field sits inside the ask form: Enter adds the file instead of submitting the question.
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter') add(event)
  }

  return (
    <div className="file-refs">
      <label className="field-label" htmlFor={`${id}-file`}>
        Files
      </label>
      <div className="field-row">
        <input
          id={`${id}-file`}
          className="text-input"
          value={text}
          onChange={(event) => {
            setText(event.target.value)
            setError(null)
          }}
          onKeyDown={onKeyDown}
          placeholder="src/app.ts or src/app.ts:10-40"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
          data-testid="ask-file-input"
        />
        <button type="button" className="button" onClick={() => add()} data-testid="ask-file-add">
          Add file
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="hint">
        {relativeTo ? `Relative paths start at ${relativeTo}.` : 'Choose a repository for relative paths; otherwise give absolute ones.'}
      </p>
      {files.length > 0 && (
        <ul className="file-chips" aria-label="Files to send">
          {files.map((file, i) => {
            const label = formatFileRef(file)
            return (
              <li key={`${label}-${i}`} className="file-chip" data-testid="ask-file" data-value={label}>
                <code>{label}</code>
                <button type="button" className="chip-remove" aria-label={`Remove ${label}`} onClick={() => onChange(files.filter((_, j) => j !== i))}>
                  ×
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
