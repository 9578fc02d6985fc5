import { colourForHue, colourOf, hashString } from '../../lib/owner-identity'
import type { GraphNode } from './dep-graph-model'

/** How the graph's file nodes are coloured, with a legend that says what each colour means. */

export type ColourMode = 'folder' | 'owner'

/** A file's leading owner by history, as far as the app knows it yet. */
export type TopOwner =
  | { readonly kind: 'owner'; readonly name: string; readonly email: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'failed'; readonly message: string }

export interface LegendEntry {
  readonly key: string
  readonly label: string
  readonly colour: string
  readonly count: number
  readonly shape: 'file' | 'external'
}

export interface Colouring {
  /** Node id → colour. */
  readonly colours: ReadonlyMap<string, string>
  /** The largest groups first, then the special ones (packages, unknown owners). */
  readonly legend: readonly LegendEntry[]
  /** Groups left out of the legend (their nodes keep their colours). */
  readonly more: number
}

export const EXTERNAL_COLOUR = '#7b8494'
export const NO_OWNER_COLOUR = '#b7bec9'
export const PENDING_COLOUR = '#dde1e7'
export const FAILED_COLOUR = '#e3a39d'
/** More named groups than this make a legend nobody reads; the rest is summed as "N more". */
const LEGEND_GROUPS = 10

// Ten hues far apart, each as light as white text on it allows (owner-identity.ts), so neighbouring
// folders never look alike. Folders past the tenth get a hue from their name.
const FOLDER_PALETTE = [215, 25, 135, 285, 355, 180, 50, 320, 95, 250].map(colourForHue)

/** The folder at the top of a path: "src" for src/app/a.ts; top-level files share "(top level)". */
export function topFolderOf(path: string): string {
  const cut = path.indexOf('/')
  return cut === -1 ? '(top level)' : path.slice(0, cut)
}

/**
 * Colours by top-level folder. Palette colours go to folders in the order their first node appears
 * (the graph's own order, centre first), so expanding a node never recolours what is drawn.
 */
export function colourByFolder(nodes: readonly GraphNode[]): Colouring {
  const folderColour = new Map<string, string>()
  const groups = new Grouping()
  for (const node of nodes) {
    if (node.kind === 'external') {
      groups.add(node.id, externalEntry)
      continue
    }
    const folder = topFolderOf(node.path)
    let colour = folderColour.get(folder)
    if (colour === undefined) {
      colour = FOLDER_PALETTE[folderColour.size] ?? colourForHue(hashString(folder) % 360)
      folderColour.set(folder, colour)
    }
    groups.add(node.id, { key: `folder:${folder}`, label: folder === '(top level)' ? folder : `${folder}/`, colour, shape: 'file' })
  }
  return groups.finish()
}

/** Colours by each file's leading owner, in the colour their badge has everywhere else in the app. */
export function colourByOwner(nodes: readonly GraphNode[], ownerOf: (path: string) => TopOwner | undefined): Colouring {
  const groups = new Grouping()
  for (const node of nodes) {
    if (node.kind === 'external') {
      groups.add(node.id, externalEntry)
      continue
    }
    const owner = ownerOf(node.path)
    switch (owner?.kind) {
      case undefined:
        groups.add(node.id, { key: 'special:pending', label: 'Owner loading', colour: PENDING_COLOUR, shape: 'file' }, true)
        break
      case 'none':
        groups.add(node.id, { key: 'special:none', label: 'No owner in history', colour: NO_OWNER_COLOUR, shape: 'file' }, true)
        break
      case 'failed':
        groups.add(node.id, { key: 'special:failed', label: 'Owner not loaded', colour: FAILED_COLOUR, shape: 'file' }, true)
        break
      case 'owner':
        groups.add(node.id, { key: `owner:${owner.email.toLowerCase()}`, label: owner.name || owner.email, colour: colourOf(owner.email), shape: 'file' })
        break
      default:
        owner satisfies never
    }
  }
  return groups.finish()
}

const externalEntry = { key: 'special:external', label: 'Package outside the repository', colour: EXTERNAL_COLOUR, shape: 'external' } as const

const SPECIAL_ORDER = ['special:none', 'special:pending', 'special:failed', 'special:external']

class Grouping {
  readonly #colours = new Map<string, string>()
  readonly #entries = new Map<string, { entry: Omit<LegendEntry, 'count'>; count: number; special: boolean }>()

  add(nodeId: string, entry: Omit<LegendEntry, 'count'>, special = entry.shape === 'external'): void {
    this.#colours.set(nodeId, entry.colour)
    const known = this.#entries.get(entry.key)
    if (known) known.count++
    else this.#entries.set(entry.key, { entry, count: 1, special })
  }

  finish(): Colouring {
    const all = [...this.#entries.values()]
    const named = all
      .filter((group) => !group.special)
      .sort((a, b) => b.count - a.count || (a.entry.label < b.entry.label ? -1 : a.entry.label > b.entry.label ? 1 : 0))
    const special = all.filter((group) => group.special).sort((a, b) => SPECIAL_ORDER.indexOf(a.entry.key) - SPECIAL_ORDER.indexOf(b.entry.key))
    const legend = [...named.slice(0, LEGEND_GROUPS), ...special].map(({ entry, count }) => ({ ...entry, count }))
    return { colours: this.#colours, legend, more: Math.max(0, named.length - LEGEND_GROUPS) }
  }
}
