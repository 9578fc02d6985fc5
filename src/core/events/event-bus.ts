import type { EventName, EventPayload } from '../../shared/contract'

type Listener<E extends EventName> = (payload: EventPayload<E>) => void

/** Typed events from core to whichever host shows them (IPC, SSE, the CLI's progress bar). */
export class EventBus {
  readonly #listeners = new Map<EventName, Set<(payload: never) => void>>()

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.#listeners.get(event)
    if (!set) {
      set = new Set()
      this.#listeners.set(event, set)
    }
    set.add(listener as (payload: never) => void)
    return () => {
      set.delete(listener as (payload: never) => void)
    }
  }

  /** Subscribes to every event; used by hosts that forward all of them (IPC, SSE). */
  onAny(listener: (event: EventName, payload: unknown) => void, names: readonly EventName[]): () => void {
    const offs = names.map((name) => this.on(name, (payload) => listener(name, payload)))
    return () => {
      for (const off of offs) off()
    }
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      // A failing listener (a closed window, a dropped SSE client) must not stop the others or the emitter.
      try {
        ;(listener as Listener<E>)(payload)
      } catch {
        /* the host that registered it reports its own failures */
      }
    }
  }
}
