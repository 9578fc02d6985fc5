import type { Command } from 'commander'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runStartupCheck } from '../../core/policy/startup-check'
import { startServer } from '../../core/serve/start-server'
import type { CommandContext } from '../run-cli'
import { printJson } from '../output'

/** The built renderer sits beside the built CLI: out/cli/coop.mjs → out/renderer. */
export function defaultRendererDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer')
}

export function registerServeCommand(program: Command, context: CommandContext): void {
  program
    .command('serve')
    .description('serve the app to a browser on 127.0.0.1, with a per-launch access token')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 0)
    .option('--json', 'print the address as one JSON object')
    .action(async (options: { port: number; json?: boolean }) => {
      const { io } = context
      const core = context.openCore()
      void runStartupCheck(core.policy, core.logger)
      core.audit.startPruning()
      const server = await startServer({ core, port: options.port, rendererDir: context.rendererDir ?? defaultRendererDir() })
      if (options.json) printJson(io, { url: server.url, port: server.port })
      else io.stdout.write(`Coop Desktop is running at\n\n  ${server.url}\n\nOpen that address in a browser. Press Ctrl+C to stop.\n`)
      await waitForStop(context.stopSignal)
      await server.close()
    })
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port takes a number from 0 to 65535, not ${value}`)
  return port
}

function waitForStop(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolveStop) => {
    const stop = (): void => resolveStop()
    if (signal) signal.addEventListener('abort', stop, { once: true })
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}
