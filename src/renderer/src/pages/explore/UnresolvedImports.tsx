import type { UnresolvedImport } from '../../../../shared/code-graph-types'

/** Imports that name no file of the repository and no known package: listed with the reason, never drawn. */
export function UnresolvedImports({ items }: { readonly items: readonly UnresolvedImport[] }) {
  if (items.length === 0) return null
  return (
    <div className="graph-unresolved" data-testid="unresolved-imports">
      <h4 className="column-title">
        {items.length === 1 ? 'One import Coop could not resolve' : `${items.length} imports Coop could not resolve`}
      </h4>
      <ul className="graph-unresolved-list">
        {items.map((item) => (
          <li key={`${item.from}\0${item.line}\0${item.specifier}`} data-testid="unresolved-import" data-from={item.from} data-specifier={item.specifier}>
            <code>{item.specifier}</code>{' '}
            <span className="muted">
              in {item.from}:{item.line}
            </span>
            <span className="graph-unresolved-reason">{item.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
