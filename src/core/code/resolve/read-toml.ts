/**
 * Enough TOML to read Cargo.toml and pyproject.toml: tables, arrays of tables, dotted and quoted
 * keys, strings (basic, literal, multi-line), arrays and inline tables. Numbers, booleans and dates
 * are kept as their text: resolution never computes with them. Not a validator — a file it cannot
 * read gives null, and callers then act as if the file said nothing.
 */

export type TomlValue = string | boolean | readonly TomlValue[] | TomlTable
export interface TomlTable {
  readonly [key: string]: TomlValue
}

type MutableTable = { [key: string]: TomlValue }

export function readToml(text: string): TomlTable | null {
  try {
    return new TomlReader(text).document()
  } catch (error) {
    if (error instanceof TomlSyntaxError) return null
    throw error
  }
}

/** A string value, or undefined for anything else. */
export function tomlString(value: TomlValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** A table value, or undefined for anything else. */
export function tomlTable(value: TomlValue | undefined): TomlTable | undefined {
  return typeof value === 'object' && !Array.isArray(value) ? (value as TomlTable) : undefined
}

/** An array value, or an empty array for anything else. */
export function tomlArray(value: TomlValue | undefined): readonly TomlValue[] {
  return Array.isArray(value) ? value : []
}

class TomlSyntaxError extends Error {}

const BARE_KEY = /[A-Za-z0-9_-]/
const ESCAPES: Readonly<Record<string, string>> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' }

class TomlReader {
  #at = 0
  readonly #text: string

  constructor(text: string) {
    this.#text = text.replace(/\r\n/g, '\n')
  }

  document(): TomlTable {
    const root: MutableTable = {}
    let current = root
    for (;;) {
      this.#skipBlankLines()
      if (this.#at >= this.#text.length) return root
      if (this.#peek() === '[') {
        const arrayOfTables = this.#text.startsWith('[[', this.#at)
        this.#at += arrayOfTables ? 2 : 1
        const path = this.#key()
        this.#expect(arrayOfTables ? ']]' : ']')
        current = arrayOfTables ? appendTable(root, path) : tableAt(root, path)
      } else {
        const path = this.#key()
        this.#expect('=')
        setAt(current, path, this.#value())
      }
      this.#endOfLine()
    }
  }

  #key(): string[] {
    const parts: string[] = []
    for (;;) {
      this.#skipSpaces()
      const c = this.#peek()
      if (c === '"' || c === "'") parts.push(this.#string())
      else {
        const start = this.#at
        while (this.#at < this.#text.length && BARE_KEY.test(this.#peek())) this.#at++
        if (this.#at === start) throw new TomlSyntaxError(`key expected at ${start}`)
        parts.push(this.#text.slice(start, this.#at))
      }
      this.#skipSpaces()
      if (this.#peek() !== '.') return parts
      this.#at++
    }
  }

  #value(): TomlValue {
    this.#skipSpaces()
    const c = this.#peek()
    if (c === '"' || c === "'") return this.#string()
    if (c === '[') return this.#array()
    if (c === '{') return this.#inlineTable()
    const start = this.#at
    while (this.#at < this.#text.length && !/[\s,\]}#]/.test(this.#peek())) this.#at++
    if (this.#at === start) throw new TomlSyntaxError(`value expected at ${start}`)
    const raw = this.#text.slice(start, this.#at)
    return raw === 'true' ? true : raw === 'false' ? false : raw
  }

  #string(): string {
    const quote = this.#peek()
    const multiLine = this.#text.startsWith(quote.repeat(3), this.#at)
    const delimiter = multiLine ? quote.repeat(3) : quote
    this.#at += delimiter.length
    // A newline right after the opening delimiter is not part of a multi-line string.
    if (multiLine && this.#peek() === '\n') this.#at++
    let out = ''
    for (;;) {
      if (this.#at >= this.#text.length) throw new TomlSyntaxError('unterminated string')
      if (this.#text.startsWith(delimiter, this.#at)) {
        this.#at += delimiter.length
        return out
      }
      const c = this.#text[this.#at++] as string
      if (c === '\n' && !multiLine) throw new TomlSyntaxError('newline in string')
      if (c !== '\\' || quote === "'") {
        out += c
        continue
      }
      const e = this.#text[this.#at++] ?? ''
      if (e === 'u' || e === 'U') {
        const digits = this.#text.slice(this.#at, this.#at + (e === 'u' ? 4 : 8))
        this.#at += digits.length
        out += String.fromCodePoint(Number.parseInt(digits, 16))
      } else if (multiLine && /\s/.test(e)) {
        // A line-ending backslash trims the whitespace that follows.
        while (/\s/.test(this.#peek())) this.#at++
      } else {
        const escaped = ESCAPES[e]
        if (escaped === undefined) throw new TomlSyntaxError(`bad escape \\${e}`)
        out += escaped
      }
    }
  }

  #array(): TomlValue[] {
    this.#at++
    const items: TomlValue[] = []
    for (;;) {
      this.#skipBlankLines()
      if (this.#peek() === ']') {
        this.#at++
        return items
      }
      items.push(this.#value())
      this.#skipBlankLines()
      if (this.#peek() === ',') this.#at++
      else if (this.#peek() !== ']') throw new TomlSyntaxError(`',' or ']' expected at ${this.#at}`)
    }
  }

  #inlineTable(): TomlTable {
    this.#at++
    const table: MutableTable = {}
    for (;;) {
      this.#skipSpaces()
      if (this.#peek() === '}') {
        this.#at++
        return table
      }
      const path = this.#key()
      this.#expect('=')
      setAt(table, path, this.#value())
      this.#skipSpaces()
      if (this.#peek() === ',') this.#at++
      else if (this.#peek() !== '}') throw new TomlSyntaxError(`',' or '}' expected at ${this.#at}`)
    }
  }

  #peek(): string {
    return this.#text[this.#at] ?? ''
  }

  #expect(token: string): void {
    this.#skipSpaces()
    if (!this.#text.startsWith(token, this.#at)) throw new TomlSyntaxError(`'${token}' expected at ${this.#at}`)
    this.#at += token.length
  }

  #skipSpaces(): void {
    while (this.#peek() === ' ' || this.#peek() === '\t') this.#at++
  }

  /** Whitespace, newlines and comments. */
  #skipBlankLines(): void {
    for (;;) {
      const c = this.#peek()
      if (c === ' ' || c === '\t' || c === '\n') this.#at++
      else if (c === '#') this.#skipComment()
      else return
    }
  }

  #skipComment(): void {
    while (this.#at < this.#text.length && this.#peek() !== '\n') this.#at++
  }

  #endOfLine(): void {
    this.#skipSpaces()
    if (this.#peek() === '#') this.#skipComment()
    if (this.#at < this.#text.length && this.#peek() !== '\n') throw new TomlSyntaxError(`end of line expected at ${this.#at}`)
  }
}

/** The table at `path`, created as needed; through an array of tables it is the last element. */
function tableAt(root: MutableTable, path: readonly string[]): MutableTable {
  let table = root
  for (const key of path) {
    let next = table[key]
    if (next === undefined) {
      next = {}
      table[key] = next
    }
    if (Array.isArray(next)) next = next[next.length - 1] as TomlValue
    if (typeof next !== 'object' || Array.isArray(next)) throw new TomlSyntaxError(`${path.join('.')} is not a table`)
    table = next as MutableTable
  }
  return table
}

function appendTable(root: MutableTable, path: readonly string[]): MutableTable {
  const parent = tableAt(root, path.slice(0, -1))
  const key = path[path.length - 1] as string
  const list = parent[key] ?? []
  if (!Array.isArray(list)) throw new TomlSyntaxError(`${path.join('.')} is not an array of tables`)
  const table: MutableTable = {}
  parent[key] = [...(list as TomlValue[]), table]
  return table
}

function setAt(table: MutableTable, path: readonly string[], value: TomlValue): void {
  const parent = tableAt(table, path.slice(0, -1))
  parent[path[path.length - 1] as string] = value
}
