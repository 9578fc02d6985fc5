import type { UsageRow } from '../../../../shared/router-types'
import { formatCount, formatUsd } from '../../lib/format'

/** Requests, failures, tokens and cost per provider and model; cost is "—" where a price is missing. */
export function UsageTable({ rows }: { readonly rows: readonly UsageRow[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table usage-table" data-testid="usage-table">
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Model</th>
            <th scope="col" className="num">
              Requests
            </th>
            <th scope="col" className="num">
              Failed
            </th>
            <th scope="col" className="num">
              Tokens in
            </th>
            <th scope="col" className="num">
              Tokens out
            </th>
            <th scope="col" className="num">
              Cost
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.provider}\0${row.model}`} data-testid="usage-row" data-provider={row.provider} data-model={row.model} data-requests={row.requests} data-failed={row.failed}>
              <th scope="row">{row.provider}</th>
              <td>{row.model === '' ? <span className="muted">none</span> : row.model}</td>
              <td className="num">{formatCount(row.requests)}</td>
              <td className="num">{formatCount(row.failed)}</td>
              <td className="num">{formatCount(row.inputTokens)}</td>
              <td className="num">{formatCount(row.outputTokens)}</td>
              <td className="num" data-testid="usage-cost" title={row.costUsd === null ? 'No price is configured for this model' : undefined}>
                {formatUsd(row.costUsd)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
