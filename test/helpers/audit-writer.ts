// A separate process appending to a profile's audit log as fast as it can: what the app does while a
// `coop` command runs. Bundled and started by test/core/audit/concurrent-writers.test.ts.
import { openCore } from '../../src/core/create-core'

const [dataDir, name, count] = process.argv.slice(2)
const core = openCore({ dataDir: dataDir as string, version: 'test', env: { COOP_AUDIT_SIGNING_KEY: process.env.COOP_AUDIT_SIGNING_KEY } })
await core.audit.ready()
for (let i = 0; i < Number(count); i++) core.audit.append('setting_changed', { writer: name, i })
await core.close()
