import { describe, expect, it } from 'vitest'
import { parseSource } from '../../../src/core/code/parse/parse-file'

/** Sources are written one line per array item, so the line numbers asserted are the item's index + 1. */
const lines = (...source: string[]): string => source.join('\n')

describe('parsing TypeScript', () => {
  const source = lines(
    "import type { Config } from './config'", // 1
    "import express, { Router as R } from 'express'", // 2
    "import * as path from 'node:path'", // 3
    "import './polyfill'", // 4
    "export { helper } from './helpers'", // 5
    "export * from './all'", // 6
    "export type { Shape } from './shapes'", // 7
    "import fs = require('fs')", // 8
    "const lazy = () => import('./lazy')", // 9
    'const tpl = import(`./template`)', // 10
    'const computed = import(`./locale/${lang}`)', // 11
    "const legacy = require('legacy')", // 12
    "// import notReal from './in-a-comment'", // 13
    "const text = \"import x from './in-a-string'\"", // 14
    'type Remote = import("./remote").Thing', // 15
    'export function serve(config: Config): R {', // 16
    '  return express.Router()', // 17
    '}', // 18
    'export class Server extends Base {', // 19
    '  listen(port: number): void {', // 20
    '    path.join(helper(port))', // 21
    '  }', // 22
    '  private close(): void {}', // 23
    '}', // 24
    'export interface Options { port: number }', // 25
    'export type Handler = (req: Request) => void', // 26
    'enum Mode { Dev, Prod }', // 27
    'export const PORT = 8080, HOST = "localhost"', // 28
    'export let counter = 0', // 29
    'const internal = 1', // 30
    'function local(): void {', // 31
    '  function nested(): void {}', // 32
    '}', // 33
    'export { local as publicLocal, Mode }', // 34
  )

  it('lists every import form with its kind, line and type-only flag', async () => {
    const parsed = await parseSource('typescript', source)
    expect(parsed.language).toBe('typescript')
    expect(parsed.imports).toEqual([
      { specifier: './config', kind: 'import', line: 1, typeOnly: true },
      { specifier: 'express', kind: 'import', line: 2 },
      { specifier: 'node:path', kind: 'import', line: 3 },
      { specifier: './polyfill', kind: 'import', line: 4 },
      { specifier: './helpers', kind: 'import', line: 5 },
      { specifier: './all', kind: 'import', line: 6 },
      { specifier: './shapes', kind: 'import', line: 7, typeOnly: true },
      { specifier: 'fs', kind: 'import', line: 8 },
      { specifier: './lazy', kind: 'dynamic', line: 9 },
      { specifier: './template', kind: 'dynamic', line: 10 },
      { specifier: 'legacy', kind: 'require', line: 12 },
      { specifier: './remote', kind: 'dynamic', line: 15, typeOnly: true },
    ])
  })

  it('lists declarations with their lines, export flags and containers', async () => {
    const { symbols } = await parseSource('typescript', source)
    expect(symbols).toEqual([
      { name: 'lazy', kind: 'function', startLine: 9, endLine: 9, exported: false },
      { name: 'Remote', kind: 'type', startLine: 15, endLine: 15, exported: false },
      { name: 'serve', kind: 'function', startLine: 16, endLine: 18, exported: true },
      { name: 'Server', kind: 'class', startLine: 19, endLine: 24, exported: true },
      { name: 'listen', kind: 'method', startLine: 20, endLine: 22, exported: true, container: 'Server' },
      { name: 'close', kind: 'method', startLine: 23, endLine: 23, exported: false, container: 'Server' },
      { name: 'Options', kind: 'interface', startLine: 25, endLine: 25, exported: true },
      { name: 'Handler', kind: 'type', startLine: 26, endLine: 26, exported: true },
      { name: 'Mode', kind: 'enum', startLine: 27, endLine: 27, exported: true },
      { name: 'PORT', kind: 'constant', startLine: 28, endLine: 28, exported: true },
      { name: 'HOST', kind: 'constant', startLine: 28, endLine: 28, exported: true },
      { name: 'counter', kind: 'variable', startLine: 29, endLine: 29, exported: true },
      { name: 'local', kind: 'function', startLine: 31, endLine: 33, exported: true },
    ])
  })

  it('reports names used, not the names declarations introduce', async () => {
    const { references } = await parseSource('typescript', source)
    const at = (line: number): string[] => references.filter((r) => r.line === line).map((r) => r.name)
    expect(at(16)).toEqual(['Config', 'R'])
    expect(at(17)).toEqual(['express', 'Router'])
    expect(at(19)).toEqual(['Base'])
    expect(at(21)).toEqual(['path', 'join', 'helper', 'port'])
    expect(at(34)).toEqual(['local', 'Mode'])
    expect(references.some((r) => r.name === 'serve' || r.name === 'Server' || r.name === 'Options')).toBe(false)
    // One entry per name and line.
    const keys = references.map((r) => `${r.line}:${r.name}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('merges overloads into one symbol and keeps declaration files' + "' declared functions", async () => {
    const parsed = await parseSource(
      'typescript',
      lines(
        'export function parse(text: string): number', // 1
        'export function parse(text: string, radix: number): number', // 2
        'export function parse(text: string, radix = 10): number {', // 3
        '  return Number.parseInt(text, radix)', // 4
        '}', // 5
        'export declare function declared(): void', // 6
        'export default class {', // 7
        '  anonymous(): void {}', // 8
        '}', // 9
      ),
    )
    expect(parsed.symbols).toEqual([
      { name: 'parse', kind: 'function', startLine: 1, endLine: 5, exported: true },
      { name: 'declared', kind: 'function', startLine: 6, endLine: 6, exported: true },
    ])
  })

  it('puts namespace members in their namespace', async () => {
    const parsed = await parseSource('typescript', lines('export namespace Geometry {', '  export const ORIGIN = 0', '  export function area(): number { return 0 }', '}'))
    expect(parsed.symbols).toEqual([
      { name: 'Geometry', kind: 'module', startLine: 1, endLine: 4, exported: true },
      { name: 'ORIGIN', kind: 'constant', startLine: 2, endLine: 2, exported: true, container: 'Geometry' },
      { name: 'area', kind: 'function', startLine: 3, endLine: 3, exported: true, container: 'Geometry' },
    ])
  })
})

describe('parsing TSX and JSX', () => {
  it('reads TSX: components are uses, HTML tags are not', async () => {
    const parsed = await parseSource(
      'tsx',
      lines(
        "import { Button } from './Button'", // 1
        "import type { Props } from './types'", // 2
        'export function Page(props: Props) {', // 3
        '  return <div className="page"><Button label={props.title} /></div>', // 4
        '}', // 5
      ),
    )
    expect(parsed.imports).toEqual([
      { specifier: './Button', kind: 'import', line: 1 },
      { specifier: './types', kind: 'import', line: 2, typeOnly: true },
    ])
    expect(parsed.symbols).toEqual([{ name: 'Page', kind: 'function', startLine: 3, endLine: 5, exported: true }])
    expect(parsed.references.filter((r) => r.line === 4).map((r) => r.name)).toEqual(['Button', 'props', 'title'])
  })

  it('reads JSX with the JavaScript grammar, CommonJS included', async () => {
    const parsed = await parseSource(
      'javascript',
      lines(
        "import React from 'react'", // 1
        "const { join } = require('path')", // 2
        'export const App = ({ title }) => <Layout title={title}><h1>{join(title)}</h1></Layout>', // 3
        'export default function Root() { return <App /> }', // 4
        'class Store { get(key) { return key } }', // 5
        'module.exports = { Store }', // 6
      ),
    )
    expect(parsed.imports).toEqual([
      { specifier: 'react', kind: 'import', line: 1 },
      { specifier: 'path', kind: 'require', line: 2 },
    ])
    expect(parsed.symbols).toEqual([
      { name: 'App', kind: 'function', startLine: 3, endLine: 3, exported: true },
      { name: 'Root', kind: 'function', startLine: 4, endLine: 4, exported: true },
      { name: 'Store', kind: 'class', startLine: 5, endLine: 5, exported: false },
      { name: 'get', kind: 'method', startLine: 5, endLine: 5, exported: false, container: 'Store' },
    ])
    expect(parsed.references.filter((r) => r.line === 3).map((r) => r.name)).toEqual(['Layout', 'title', 'join'])
    expect(parsed.references.filter((r) => r.line === 4).map((r) => r.name)).toEqual(['App'])
  })
})
