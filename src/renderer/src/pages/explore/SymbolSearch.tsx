import { useEffect, useId, useRef, useState, type FormEvent } from 'react'

interface SymbolSearchProps {
  /** The name searched now (from the address). */
  readonly name: string
  readonly onSearch: (name: string) => void
}

const DEBOUNCE_MS = 300
/** What the bridge accepts (`code:symbols`). */
const MAX_NAME = 200

/** The Symbols view's search field: searches once typing pauses, or at once on Enter. */
export function SymbolSearch({ name, onSearch }: SymbolSearchProps) {
  const id = useId()
  const [text, setText] = useState(name)
  const [shown, setShown] = useState(name)
  const [submitted, setSubmitted] = useState(name)
  const search = useRef(onSearch)
  useEffect(() => {
    search.current = onSearch
  })

  // The address changed under us (edited, or another repository): show its name, unless it is our own answer.
  if (name !== shown) {
    setShown(name)
    if (name !== submitted) setText(name)
  }

  const query = text.trim()
  useEffect(() => {
    if (query === submitted) return
    const timer = window.setTimeout(() => {
      setSubmitted(query)
      search.current(query)
    }, DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [query, submitted])

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    setSubmitted(query)
    search.current(query)
  }

  return (
    <form role="search" className="symbol-search" onSubmit={onSubmit}>
      <label className="visually-hidden" htmlFor={`${id}-name`}>
        Symbol name
      </label>
      <input
        id={`${id}-name`}
        className="text-input text-input--search"
        type="search"
        placeholder="A function, class, type or constant…"
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_NAME}
        value={text}
        onChange={(event) => setText(event.target.value)}
        data-testid="symbol-search"
      />
    </form>
  )
}
