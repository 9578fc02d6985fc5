import type { Logger } from '../core/log/logger'

/** Used until core (and its file log) is open, and in tests: the terminal is all there is. */
export const consoleLogger: Logger = {
  log(level, message, context = {}) {
    const write = level === 'error' ? console.error : level === 'warn' ? console.warn : console.info
    write(`[coop] ${message}`, context)
  },
}
