import { useId, useState, type ChangeEvent } from 'react'

interface TextFileFieldProps {
  readonly label: string
  readonly value: string
  readonly onChange: (text: string) => void
  /** File types the picker offers: ".json,application/json". */
  readonly accept: string
  readonly placeholder: string
  /** `<testId>-file` on the picker, `<testId>-text` on the text area. */
  readonly testId: string
}

/** Text the user pastes, or reads from a file they choose (then shown, and editable, in the same box). */
export function TextFileField({ label, value, onChange, accept, placeholder, testId }: TextFileFieldProps) {
  const id = useId()
  const [failed, setFailed] = useState<string | null>(null)

  async function read(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0]
    // Cleared, so choosing the same file again (after editing the text) reads it again.
    event.target.value = ''
    if (!file) return
    try {
      onChange(await file.text())
      setFailed(null)
    } catch (error) {
      setFailed(`Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  return (
    <div className="stacked-field">
      <label className="field-label" htmlFor={`${id}-text`}>
        {label}
      </label>
      <input type="file" className="file-pick" accept={accept} aria-label={`${label}: choose a file`} onChange={(event) => void read(event)} data-testid={`${testId}-file`} />
      <textarea id={`${id}-text`} className="text-area" rows={6} value={value} onChange={(event) => onChange(event.target.value)} placeholder={placeholder} spellCheck={false} data-testid={`${testId}-text`} />
      {failed && (
        <p className="field-error" role="alert">
          {failed}
        </p>
      )}
    </div>
  )
}
