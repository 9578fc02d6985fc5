import { homedir } from 'node:os'
import { join } from 'node:path'

/** The name Electron derives `userData` from (package.json `productName`). */
export const APP_DIR_NAME = 'Coop Desktop'

export interface DataDirInput {
  readonly flag?: string | undefined
  readonly env?: NodeJS.ProcessEnv
  readonly platform?: NodeJS.Platform
  readonly home?: string
}

/**
 * Where the profile lives: `--data-dir`, else `COOP_DATA_DIR`, else the folder Electron's
 * `app.getPath('userData')` uses, so the CLI and the app share one graph by default.
 */
export function resolveDataDir(input: DataDirInput = {}): string {
  const env = input.env ?? process.env
  if (input.flag) return input.flag
  if (env.COOP_DATA_DIR) return env.COOP_DATA_DIR
  return join(electronAppDataDir(input.platform ?? process.platform, env, input.home ?? homedir()), APP_DIR_NAME)
}

/** Electron's `appData` per platform. */
function electronAppDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support')
    case 'win32':
      return env.APPDATA ?? join(home, 'AppData', 'Roaming')
    default:
      return env.XDG_CONFIG_HOME || join(home, '.config')
  }
}
