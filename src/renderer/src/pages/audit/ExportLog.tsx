import { useState } from 'react'
import type { AuditExportFile } from '../../../../shared/audit-types'
import { useApi } from '../../api/api-context'
import { ActionError } from '../../lib/ActionError'
import { formatCount } from '../../lib/format'
import { saveFile } from '../../lib/save-file'
import { Segmented } from '../../lib/Segmented'
import { useAction } from '../../lib/use-action'

type ExportFormat = 'jsonl' | 'csv'

const formats = [
  { value: 'jsonl', label: 'JSON lines' },
  { value: 'csv', label: 'CSV' },
] as const

const mimeTypes: Readonly<Record<ExportFormat, string>> = { jsonl: 'application/x-ndjson', csv: 'text/csv' }

/**
 * Saves the whole chain for a reviewer: JSON lines start with a manifest line (public key, checkpoints,
 * record count); a CSV comes with its manifest as a second file. Exporting is itself recorded.
 */
export function ExportLog({ onExported }: { readonly onExported: () => void }) {
  const api = useApi()
  const [format, setFormat] = useState<ExportFormat>('jsonl')
  const [saved, setSaved] = useState<AuditExportFile | null>(null)
  const { pending, error, run } = useAction<'export'>()

  async function exportLog(): Promise<void> {
    setSaved(null)
    const ok = await run('export', () => api.audit.export({ format }), (file) => {
      saveFile(file.fileName, file.content, mimeTypes[format])
      if (file.manifest) saveFile(file.manifest.fileName, file.manifest.content, 'application/json')
      setSaved(file)
    })
    if (ok) onExported()
  }

  return (
    <div className="export-log">
      <div className="field-row field-row--center">
        <Segmented legend="Export format" options={formats} value={format} onChange={setFormat} testId="audit-export-format" />
        <button type="button" className="button" disabled={pending !== null} onClick={() => void exportLog()} data-testid="audit-export">
          {pending === 'export' ? 'Exporting…' : 'Export'}
        </button>
      </div>
      {saved && (
        <p className="field-ok" role="status" data-testid="audit-export-saved">
          Saved {saved.fileName} ({formatCount(saved.records)} {saved.records === 1 ? 'record' : 'records'}){saved.manifest && ` and ${saved.manifest.fileName}`}.
        </p>
      )}
      <ActionError error={error} testId="audit-export-error" />
      <p className="hint">
        Verify it anywhere with <code>coop audit verify --file FILE --public-key coop-audit.pub</code>.
      </p>
    </div>
  )
}
