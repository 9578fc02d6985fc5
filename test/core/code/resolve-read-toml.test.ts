import { describe, expect, it } from 'vitest'
import { readToml } from '../../../src/core/code/resolve/read-toml'

describe('reading Cargo.toml and pyproject.toml', () => {
  it('reads tables, arrays of tables, dotted and quoted keys, and inline tables', () => {
    const toml = readToml(`# a manifest
name = "top"

[package]
name = "acme-core" # trailing comment
edition.workspace = true
version = '0.1.0'

[target.'cfg(unix)'.dependencies]
nix = { version = "0.28", features = ["fs", "user"] }

[[bin]]
name = "a"
path = "src/a.rs"

[[bin]]
name = "b"

[workspace]
members = [
  "crates/*",   # every crate
  "tools/x",
]
`)
    expect(toml).toEqual({
      name: 'top',
      package: { name: 'acme-core', edition: { workspace: true }, version: '0.1.0' },
      target: { 'cfg(unix)': { dependencies: { nix: { version: '0.28', features: ['fs', 'user'] } } } },
      bin: [{ name: 'a', path: 'src/a.rs' }, { name: 'b' }],
      workspace: { members: ['crates/*', 'tools/x'] },
    })
  })

  it('reads escapes, literal strings and multi-line strings, and keeps other values as text', () => {
    const toml = readToml(`a = "tab\\there \\"quoted\\" \\u00e9"
b = 'C:\\no\\escapes'
c = """
first
second"""
d = 42
e = false
`)
    expect(toml).toEqual({ a: 'tab\there "quoted" é', b: 'C:\\no\\escapes', c: 'first\nsecond', d: '42', e: false })
  })

  it('gives null for text it cannot read', () => {
    expect(readToml('[package\nname = "x"')).toBeNull()
    expect(readToml('name = "unterminated')).toBeNull()
    expect(readToml('a = 1 b = 2')).toBeNull()
  })
})
