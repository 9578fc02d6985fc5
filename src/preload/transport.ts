import type { IpcRenderer, IpcRendererEvent } from 'electron'
import type { Transport } from '../shared/api'
import { fail } from '../shared/result'

/** The IPC side of the bridge: calls are `invoke`s, events are `on`/`removeListener` pairs. */
export function createIpcTransport(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Transport {
  return {
    // Main answers every channel with a Result; a rejection means no handler ran at all (core failed
    // to open, or the app is quitting), and the renderer still gets a value rather than an exception.
    call: (channel, request) =>
      ipc.invoke(channel, request).catch((error: unknown) => {
        console.error(`[coop] ${channel} got no answer from the main process:`, error)
        return fail('internal', 'Coop Desktop is not ready: restart the app')
      }),
    subscribe: (event, listener) => {
      // The Electron event object stays here: it carries `sender`, which the page must never see.
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
      ipc.on(event, forward)
      return () => {
        ipc.removeListener(event, forward)
      }
    },
  }
}
