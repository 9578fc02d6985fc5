import { useRef, useState } from 'react'
import type { AuditSettings } from '../../../../shared/audit-types'
import { saveFile } from '../../lib/save-file'

/**
 * The profile's audit signing key, public half only: what a reviewer needs to verify exports and
 * reports. Copy it, or save it as coop-audit.pub, and hand it over separately from what it verifies.
 */
export function SigningKey({ settings }: { readonly settings: AuditSettings }) {
  const pre = useRef<HTMLPreElement>(null)
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null)
  const { keyId, publicKey } = settings

  if (keyId === null || publicKey === null) {
    return (
      <p className="hint" data-testid="audit-no-key">
        No signing key is available: records are still chained, but checkpoints are not signed and truncation cannot be proven. Unlock the system keychain, or set <code>COOP_AUDIT_SIGNING_KEY</code> on a headless machine.
      </p>
    )
  }

  async function copyKey(key: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(key)
      setCopy('copied')
    } catch {
      // The clipboard can be refused (no permission, an unfocused page): select the text for Ctrl+C instead.
      const node = pre.current
      if (node) window.getSelection()?.selectAllChildren(node)
      setCopy('failed')
    }
  }

  return (
    <div className="signing-key" data-testid="audit-signing-key">
      <dl className="facts facts--wide">
        <div>
          <dt>Key id</dt>
          <dd>
            <code data-testid="audit-key-id">{keyId}</code>
          </dd>
        </div>
      </dl>
      <p className="field-label signing-key-label">
        Public key
      </p>
      <pre ref={pre} className="preview-body public-key" data-testid="audit-public-key">
        {publicKey}
      </pre>
      <div className="field-row">
        <button type="button" className="button button--small" onClick={() => void copyKey(publicKey)} data-testid="audit-key-copy">
          Copy
        </button>
        <button type="button" className="button button--small" onClick={() => saveFile('coop-audit.pub', publicKey, 'application/x-pem-file')} data-testid="audit-key-save">
          Save as coop-audit.pub
        </button>
      </div>
      <p className="field-ok" role="status" data-testid="audit-key-copied">
        {copy === 'copied' ? 'Copied.' : ''}
      </p>
      {copy === 'failed' && (
        <p className="field-error" role="alert">
          The clipboard is not available here: the key is selected, press Ctrl+C (⌘C) to copy it.
        </p>
      )}
    </div>
  )
}
