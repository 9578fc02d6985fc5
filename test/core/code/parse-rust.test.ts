import { describe, expect, it } from 'vitest'
import { parseSource } from '../../../src/core/code/parse/parse-file'

const lines = (...source: string[]): string => source.join('\n')

describe('parsing Rust', () => {
  const source = lines(
    'mod config;', // 1
    'pub mod routes;', // 2
    'mod inline { pub fn helper() {} }', // 3
    'use std::collections::{HashMap, hash_map::{Entry, Iter as It}, self};', // 4
    'use crate::db::*;', // 5
    'use serde::Serialize as Ser;', // 6
    'use super::parent;', // 7
    'extern crate rand;', // 8
    '', // 9
    '#[derive(Debug)]', // 10
    'pub struct Server { port: u16 }', // 11
    'enum Mode { Dev, Prod }', // 12
    'pub trait Handler {', // 13
    '    fn handle(&self);', // 14
    '}', // 15
    'impl Handler for Server {', // 16
    '    fn handle(&self) { parent::run(self.port) }', // 17
    '}', // 18
    'impl<T> Wrapper<T> {', // 19
    '    pub fn new() -> Self { todo!() }', // 20
    '    fn private_helper() {}', // 21
    '}', // 22
    'pub const PORT: u16 = 8080;', // 23
    'static mut COUNT: u32 = 0;', // 24
    'pub type Map = HashMap<String, Server>;', // 25
    'pub(crate) fn start() { let m: Map = Map::new(); }', // 26
  )

  it('lists file modules, one import per use-tree leaf, and extern crates', async () => {
    const parsed = await parseSource('rust', source)
    expect(parsed.imports).toEqual([
      { specifier: 'config', kind: 'mod', line: 1 },
      { specifier: 'routes', kind: 'mod', line: 2 },
      { specifier: 'std::collections::HashMap', kind: 'use', line: 4 },
      { specifier: 'std::collections::hash_map::Entry', kind: 'use', line: 4 },
      { specifier: 'std::collections::hash_map::Iter', kind: 'use', line: 4 },
      { specifier: 'std::collections', kind: 'use', line: 4 },
      { specifier: 'crate::db::*', kind: 'use', line: 5 },
      { specifier: 'serde::Serialize', kind: 'use', line: 6 },
      { specifier: 'super::parent', kind: 'use', line: 7 },
      { specifier: 'rand', kind: 'use', line: 8 },
    ])
  })

  it('lists items, with impl and trait functions as methods of their type', async () => {
    const { symbols } = await parseSource('rust', source)
    expect(symbols).toEqual([
      { name: 'inline', kind: 'module', startLine: 3, endLine: 3, exported: false },
      { name: 'helper', kind: 'function', startLine: 3, endLine: 3, exported: true, container: 'inline' },
      { name: 'Server', kind: 'struct', startLine: 11, endLine: 11, exported: true },
      { name: 'Mode', kind: 'enum', startLine: 12, endLine: 12, exported: false },
      { name: 'Handler', kind: 'trait', startLine: 13, endLine: 15, exported: true },
      { name: 'handle', kind: 'method', startLine: 14, endLine: 14, exported: true, container: 'Handler' },
      { name: 'handle', kind: 'method', startLine: 17, endLine: 17, exported: true, container: 'Server' },
      { name: 'new', kind: 'method', startLine: 20, endLine: 20, exported: true, container: 'Wrapper' },
      { name: 'private_helper', kind: 'method', startLine: 21, endLine: 21, exported: false, container: 'Wrapper' },
      { name: 'PORT', kind: 'constant', startLine: 23, endLine: 23, exported: true },
      { name: 'COUNT', kind: 'constant', startLine: 24, endLine: 24, exported: false },
      { name: 'Map', kind: 'type', startLine: 25, endLine: 25, exported: true },
      { name: 'start', kind: 'function', startLine: 26, endLine: 26, exported: true },
    ])
  })

  it('reports used names, not the module path of a use', async () => {
    const { references } = await parseSource('rust', source)
    const at = (line: number): string[] => references.filter((r) => r.line === line).map((r) => r.name)
    expect(at(4)).toEqual(['HashMap', 'Entry', 'Iter'])
    expect(at(16)).toEqual(['Handler', 'Server'])
    expect(at(17)).toEqual(['parent', 'run', 'port'])
    expect(at(26)).toEqual(['Map', 'new'])
  })
})
