import type { Command } from 'commander'
import { ENDPOINT_FAMILIES, type EndpointFamily, type PolicySettings } from '../../shared/router-types'
import { CliError, printJson } from '../output'
import type { CommandContext } from '../run-cli'

const HELP_AFTER = `
Offline mode lets only local providers be called (an openai-compatible server on this machine or a
private network); a request to any other host is refused before a socket opens.

Blocked endpoint families (${ENDPOINT_FAMILIES.join(', ')}) are refused whatever asks for them; all are
blocked by default, since Coop only needs chat.

Examples:
  coop policy show
  coop policy offline on
  coop policy unblock batches
`

export function registerPolicyCommand(program: Command, context: CommandContext): void {
  const policy = program.command('policy').description('router policy: offline mode and blocked endpoint families').addHelpText('after', HELP_AFTER)
  const print = (settings: PolicySettings, json: boolean | undefined): void => {
    if (json) return printJson(context.io, settings)
    context.io.stdout.write(`offline mode: ${settings.offline ? 'on (local providers only)' : 'off'}\nblocked endpoints: ${settings.blockedEndpoints.join(', ') || 'none'}\n`)
  }

  policy
    .command('show')
    .description('print the current settings')
    .option('--json', 'print { offline, blockedEndpoints } as JSON')
    .action((options: { json?: boolean }) => print(context.openCore().policy.settings(), options.json))

  policy
    .command('offline')
    .description('turn offline mode on or off')
    .argument('<on|off>')
    .option('--json', 'print the settings as JSON')
    .action((value: string, options: { json?: boolean }) => {
      if (value !== 'on' && value !== 'off') throw new CliError({ code: 'invalid_input', message: 'coop policy offline takes on or off' }, 2)
      print(context.openCore().policy.setOffline(value === 'on'), options.json)
    })

  for (const block of [true, false]) {
    policy
      .command(block ? 'block' : 'unblock')
      .description(block ? 'refuse an endpoint family' : 'allow an endpoint family again')
      .argument('<family>', ENDPOINT_FAMILIES.join(', '))
      .option('--json', 'print the settings as JSON')
      .action((family: string, options: { json?: boolean }) => {
        if (!(ENDPOINT_FAMILIES as readonly string[]).includes(family)) throw new CliError({ code: 'invalid_input', message: `An endpoint family is one of ${ENDPOINT_FAMILIES.join(', ')}` }, 2)
        const core = context.openCore()
        const current = new Set(core.policy.settings().blockedEndpoints)
        if (block) current.add(family as EndpointFamily)
        else current.delete(family as EndpointFamily)
        print(core.policy.setBlockedEndpoints([...current]), options.json)
      })
  }
}
