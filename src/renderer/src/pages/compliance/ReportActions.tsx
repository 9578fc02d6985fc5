import { useState } from 'react'
import type { AttestationFile } from '../../../../shared/attestation-types'
import { useApi } from '../../api/api-context'
import { useCapabilities } from '../../app/app-info'
import { ActionError } from '../../lib/ActionError'
import { printHtml } from '../../lib/print-html'
import { base64ToBytes, saveFile } from '../../lib/save-file'
import { useAction } from '../../lib/use-action'
import { reportJson, siblingFileName } from './report-files'

/**
 * Saving a generated report: the signed JSON (what a reviewer verifies), its printable HTML, and a PDF.
 * The desktop app makes the PDF itself (attest:pdf); in a browser the print dialog does ("Save as PDF").
 */
export function ReportActions({ file }: { readonly file: AttestationFile }) {
  const api = useApi()
  const { printToPdf } = useCapabilities()
  const [saved, setSaved] = useState<string | null>(null)
  const { pending, error, run } = useAction<'pdf'>()
  const htmlName = siblingFileName(file.fileName, 'html')
  const pdfName = siblingFileName(file.fileName, 'pdf')

  function save(name: string, content: string, type: string): void {
    saveFile(name, content, type)
    setSaved(name)
  }

  function pdf(): void {
    setSaved(null)
    if (!printToPdf) {
      printHtml(file.html)
      return
    }
    void run('pdf', () => api.attest.pdf({ html: file.html }), ({ pdfBase64 }) => {
      saveFile(pdfName, base64ToBytes(pdfBase64), 'application/pdf')
      setSaved(pdfName)
    })
  }

  return (
    <div className="report-actions">
      <div className="field-row">
        <button type="button" className="button" onClick={() => save(file.fileName, reportJson(file.report), 'application/json')} data-testid="report-save-json">
          Save report (JSON)
        </button>
        <button type="button" className="button" onClick={() => save(htmlName, file.html, 'text/html')} data-testid="report-save-html">
          Save HTML
        </button>
        <button type="button" className="button" disabled={pending !== null} onClick={pdf} data-testid="report-pdf" data-mode={printToPdf ? 'pdf' : 'print'}>
          {pending === 'pdf' ? 'Making the PDF…' : printToPdf ? 'Save as PDF' : 'Print or save as PDF…'}
        </button>
      </div>
      <p className="field-ok" role="status" data-testid="report-saved">
        {saved && `Saved ${saved}.`}
      </p>
      <ActionError error={error} testId="report-pdf-error" />
    </div>
  )
}
