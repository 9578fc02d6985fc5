import { useId } from 'react'
import type { EgressPreview } from '../../../../shared/router-types'
import { formatBytes, formatCount } from '../../lib/format'
import { RetentionBadge } from '../providers/RetentionBadge'

interface PreviewPanelProps {
  readonly preview: EgressPreview
  /** The form has changed since: Send would build a different request. */
  readonly stale: boolean
}

/** Exactly what Send would put on the wire, key masked, after scrubbing. Nothing was sent to make it. */
export function PreviewPanel({ preview, stale }: PreviewPanelProps) {
  const id = useId()
  const rules = Object.entries(preview.redactions.byRule).sort(([a], [b]) => a.localeCompare(b))
  return (
    <section className="card preview-panel" aria-labelledby={id} data-testid="egress-preview" data-stale={stale}>
      <h2 id={id} className="section-title">
        Egress preview
      </h2>
      <p className="hint section-lede">Nothing was sent. This is what Send would send to {preview.provider}, with the key masked.</p>
      {stale && (
        <p className="stale-note" data-testid="preview-stale">
          The question, provider or files changed since this preview: preview again to see what Send would send now.
        </p>
      )}
      <dl className="facts facts--wide">
        <div>
          <dt>Request</dt>
          <dd>
            <code data-testid="preview-url">
              {preview.method} {preview.url}
            </code>
          </dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd data-testid="preview-model">
            {preview.model} <span className="muted">({preview.kind})</span>
          </dd>
        </div>
        <div>
          <dt>Key</dt>
          <dd data-testid="preview-key">{preview.key ? <code>{preview.key.fingerprint}</code> : <span className="muted">none</span>}</dd>
        </div>
        <div>
          <dt>Retention</dt>
          <dd>
            <RetentionBadge mode={preview.retentionMode} />
          </dd>
        </div>
        <div>
          <dt>Payload SHA-256</dt>
          <dd>
            <code className="hash" data-testid="preview-sha">
              {preview.payloadSha256}
            </code>
          </dd>
        </div>
      </dl>

      <h3 className="subsection-title">Retention controls</h3>
      <ul className="plain-list" data-testid="preview-controls">
        {preview.controls.map((control) => (
          <li key={control}>{control}</li>
        ))}
      </ul>

      <h3 className="subsection-title">Headers</h3>
      <div className="table-wrap">
        <table className="data-table" data-testid="preview-headers">
          <thead>
            <tr>
              <th scope="col">Header</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(preview.headers).map(([name, value]) => (
              <tr key={name} data-testid="preview-header" data-name={name}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td>
                  <code className="header-value">{value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 className="subsection-title">
        Redactions <span className="count-pill" data-testid="preview-redactions-total">{formatCount(preview.redactions.total)}</span>
      </h3>
      {rules.length === 0 ? (
        <p className="muted">Nothing in the question or files looked like a secret.</p>
      ) : (
        <ul className="plain-list" data-testid="preview-redactions">
          {rules.map(([rule, count]) => (
            <li key={rule} data-testid="preview-redaction" data-rule={rule} data-count={count}>
              <code>{rule}</code>: {formatCount(count)}
            </li>
          ))}
        </ul>
      )}

      {preview.files.length > 0 && (
        <>
          <h3 className="subsection-title">Files</h3>
          <ul className="plain-list" data-testid="preview-files">
            {preview.files.map((file, i) => (
              <li key={`${file.path}-${i}`} data-testid="preview-file" data-path={file.path} data-lines={`${file.startLine}-${file.endLine}`}>
                <code>{file.path}</code> lines {file.startLine}–{file.endLine} ({formatBytes(file.bytes)})
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 className="subsection-title">Body</h3>
      <pre className="preview-body" tabIndex={0} aria-label="Request body as JSON" data-testid="preview-body">
        {JSON.stringify(preview.body, null, 2)}
      </pre>
    </section>
  )
}
