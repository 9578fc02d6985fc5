import { describe, expect, it } from 'vitest'
import { createRustResolver } from '../../../src/core/code/resolve/resolve-rust'
import { file, importOf, snapshotOf } from './resolve-snapshot'

const mod = (name: string) => importOf(name, 'mod')
const use = (path: string) => importOf(path, 'use')

describe('Rust modules and use paths', () => {
  const snapshot = snapshotOf({
    'Cargo.toml': `[workspace]
members = ["crates/*"]

[workspace.package]
edition = "2021"

[workspace.dependencies]
acme-core = { path = "crates/core" }
serde = { version = "1", features = ["derive"] }
`,
    'crates/core/Cargo.toml': `[package]
name = "acme-core"
edition.workspace = true

[dependencies]
serde = { workspace = true }
json = { package = "serde_json", version = "1" }

[target.'cfg(unix)'.dependencies]
nix = "0.28"
`,
    'crates/core/src/lib.rs': '',
    'crates/core/src/model.rs': '',
    'crates/core/src/model/user.rs': '',
    'crates/core/src/net/mod.rs': '',
    'crates/core/src/net/tcp.rs': '',
    'crates/core/src/net/tcp/frame.rs': '',
    'crates/core/src/both.rs': '',
    'crates/core/src/both/mod.rs': '',
    'crates/core/tests/it.rs': '',
    'crates/core/tests/common/mod.rs': '',
    'crates/cli/Cargo.toml': `[package]
name = "acme-cli"
edition = "2021"

[dependencies]
acme-core = { workspace = true }
anyhow = "1"

[[bin]]
name = "other"
path = "tools/other.rs"
`,
    'crates/cli/src/main.rs': '',
    'crates/cli/src/lib.rs': '',
    'crates/cli/src/args.rs': '',
    'crates/cli/src/bin/tool.rs': '',
    'crates/cli/src/bin/helpers.rs': '',
    'crates/cli/src/bin/big/main.rs': '',
    'crates/cli/src/bin/big/part.rs': '',
    'crates/cli/tools/other.rs': '',
    'crates/cli/tools/shared.rs': '',
    'crates/extra/Cargo.toml': '[package]\nname = "acme_extra"\nedition = "2021"\n',
    'crates/extra/src/lib.rs': '',
    'crates/extra/src/ops.rs': '',
  })
  const resolve = createRustResolver(snapshot)

  it('finds `mod x;` in the declaring file’s module folder: x.rs or x/mod.rs', () => {
    expect(resolve('crates/core/src/lib.rs', mod('model'))).toEqual([file('crates/core/src/model.rs')])
    expect(resolve('crates/core/src/lib.rs', mod('net'))).toEqual([file('crates/core/src/net/mod.rs')])
    // A non-root a.rs owns the folder a/.
    expect(resolve('crates/core/src/model.rs', mod('user'))).toEqual([file('crates/core/src/model/user.rs')])
    expect(resolve('crates/core/src/net/mod.rs', mod('tcp'))).toEqual([file('crates/core/src/net/tcp.rs')])
    expect(resolve('crates/core/src/net/tcp.rs', mod('frame'))).toEqual([file('crates/core/src/net/tcp/frame.rs')])
  })

  it('treats every Cargo target as a crate root that owns its folder', () => {
    expect(resolve('crates/core/tests/it.rs', mod('common'))).toEqual([file('crates/core/tests/common/mod.rs')])
    expect(resolve('crates/cli/src/bin/tool.rs', mod('helpers'))).toEqual([file('crates/cli/src/bin/helpers.rs')])
    expect(resolve('crates/cli/src/bin/big/main.rs', mod('part'))).toEqual([file('crates/cli/src/bin/big/part.rs')])
    expect(resolve('crates/cli/tools/other.rs', mod('shared'))).toEqual([file('crates/cli/tools/shared.rs')])
  })

  it('leaves a missing or doubly defined module unresolved', () => {
    expect(resolve('crates/core/src/lib.rs', mod('absent'))).toEqual([{ kind: 'unresolved', reason: 'no crates/core/src/absent.rs or crates/core/src/absent/mod.rs' }])
    expect(resolve('crates/core/src/lib.rs', mod('both'))).toEqual([{ kind: 'unresolved', reason: expect.stringContaining('both crates/core/src/both.rs') }])
    expect(resolve('crates/core/src/lib.rs', use('crate::both::Thing'))).toEqual([
      { kind: 'unresolved', reason: 'crate::both::Thing: both crates/core/src/both.rs and crates/core/src/both/mod.rs exist' },
    ])
  })

  it('walks crate:: paths from the crate root down the module files; the rest are items', () => {
    expect(resolve('crates/core/src/net/tcp.rs', use('crate::model::user::User'))).toEqual([file('crates/core/src/model/user.rs')])
    expect(resolve('crates/core/src/net/tcp.rs', use('crate::model::Model'))).toEqual([file('crates/core/src/model.rs')])
    expect(resolve('crates/core/src/model/user.rs', use('crate::net::tcp::frame::Frame'))).toEqual([file('crates/core/src/net/tcp/frame.rs')])
    expect(resolve('crates/core/src/model/user.rs', use('crate::Error'))).toEqual([file('crates/core/src/lib.rs')])
    expect(resolve('crates/core/src/lib.rs', use('crate::net::*'))).toEqual([file('crates/core/src/net/mod.rs')])
    expect(resolve('crates/core/src/lib.rs', use('crate::net::self'))).toEqual([file('crates/core/src/net/mod.rs')])
  })

  it('resolves self:: and super:: from the importing file’s module', () => {
    expect(resolve('crates/core/src/net/mod.rs', use('self::tcp::Conn'))).toEqual([file('crates/core/src/net/tcp.rs')])
    expect(resolve('crates/core/src/net/tcp.rs', use('super::Net'))).toEqual([file('crates/core/src/net/mod.rs')])
    expect(resolve('crates/core/src/net/tcp/frame.rs', use('super::super::Net'))).toEqual([file('crates/core/src/net/mod.rs')])
    expect(resolve('crates/core/src/net/tcp/frame.rs', use('super::super::super::model::Model'))).toEqual([file('crates/core/src/model.rs')])
    expect(resolve('crates/core/src/model/user.rs', use('super::Model'))).toEqual([file('crates/core/src/model.rs')])
    expect(resolve('crates/core/src/lib.rs', use('super::x'))).toEqual([{ kind: 'unresolved', reason: expect.stringContaining('super of the crate root') }])
  })

  it('starts a 2018+ path at a child module of the current one', () => {
    expect(resolve('crates/core/src/lib.rs', use('model::user::User'))).toEqual([file('crates/core/src/model/user.rs')])
    expect(resolve('crates/core/src/model.rs', use('user::User'))).toEqual([file('crates/core/src/model/user.rs')])
  })

  it('starts a 2015 path at the crate root', () => {
    const old = createRustResolver(
      snapshotOf({ 'Cargo.toml': '[package]\nname = "old"\n', 'src/lib.rs': '', 'src/a.rs': '', 'src/b.rs': '', 'src/a/c.rs': '' }),
    )
    expect(old('src/a.rs', use('b::Thing'))).toEqual([file('src/b.rs')])
    expect(old('src/a.rs', use('c::Thing'))).toEqual([{ kind: 'external', ecosystem: 'crate', name: 'c' }])
  })

  it('names the standard library crates', () => {
    expect(resolve('crates/core/src/lib.rs', use('std::collections::HashMap'))).toEqual([{ kind: 'external', ecosystem: 'rust-std', name: 'std' }])
    expect(resolve('crates/core/src/lib.rs', use('core::fmt::Debug'))).toEqual([{ kind: 'external', ecosystem: 'rust-std', name: 'core' }])
    expect(resolve('crates/core/src/lib.rs', use('::alloc::vec::Vec'))).toEqual([{ kind: 'external', ecosystem: 'rust-std', name: 'alloc' }])
  })

  it('names external crates by the dependency’s package, renames included', () => {
    expect(resolve('crates/core/src/lib.rs', use('serde::Serialize'))).toEqual([{ kind: 'external', ecosystem: 'crate', name: 'serde' }])
    expect(resolve('crates/core/src/lib.rs', use('json::Value'))).toEqual([{ kind: 'external', ecosystem: 'crate', name: 'serde_json' }])
    expect(resolve('crates/core/src/lib.rs', use('nix::unistd'))).toEqual([{ kind: 'external', ecosystem: 'crate', name: 'nix' }])
    expect(resolve('crates/core/src/lib.rs', use('rand::Rng'))).toEqual([{ kind: 'external', ecosystem: 'crate', name: 'rand' }])
  })

  it('resolves crates of the repository to their library and continues the path inside', () => {
    // A path dependency inherited from the workspace (acme-core → acme_core).
    expect(resolve('crates/cli/src/args.rs', use('acme_core::model::user::User'))).toEqual([file('crates/core/src/model/user.rs')])
    expect(resolve('crates/cli/src/args.rs', use('acme_core::Error'))).toEqual([file('crates/core/src/lib.rs')])
    // Not a declared dependency, but a crate of the repository by that name.
    expect(resolve('crates/cli/src/args.rs', use('acme_extra::ops::Op'))).toEqual([file('crates/extra/src/ops.rs')])
    // A binary using its own package's library.
    expect(resolve('crates/cli/src/bin/tool.rs', use('acme_cli::args::Args'))).toEqual([file('crates/cli/src/args.rs')])
  })

  it('leaves a root item unresolved when the root folder holds several crate roots', () => {
    expect(resolve('crates/cli/src/args.rs', use('crate::Config'))).toEqual([
      { kind: 'unresolved', reason: 'crate::Config: an item of the crate root, which is one of crates/cli/src/lib.rs, crates/cli/src/main.rs' },
    ])
    // A module below that folder is unambiguous.
    expect(resolve('crates/cli/src/main.rs', use('crate::args::Args'))).toEqual([file('crates/cli/src/args.rs')])
  })

  it('does not call an item in scope a crate', () => {
    expect(resolve('crates/core/src/lib.rs', use('Color::Red'))).toEqual([{ kind: 'unresolved', reason: expect.stringContaining('Color is neither a module nor a crate') }])
  })

  it('outside Cargo, treats lib.rs and main.rs as crate roots', () => {
    const bare = createRustResolver(snapshotOf({ 'tool/main.rs': '', 'tool/util.rs': '', 'tool/util/fmt.rs': '' }))
    expect(bare('tool/main.rs', mod('util'))).toEqual([file('tool/util.rs')])
    expect(bare('tool/util/fmt.rs', use('crate::util::helper'))).toEqual([file('tool/util.rs')])
    expect(bare('tool/util.rs', mod('fmt'))).toEqual([file('tool/util/fmt.rs')])
  })
})
