/**
 * Opens the print dialog for a self-contained HTML page (an attestation report) where the host cannot
 * make a PDF itself (browser mode): the user prints it or chooses "Save as PDF" there.
 *
 * How, and why this way:
 * - The visible report frame is `sandbox=""`: an opaque origin, whose print() this page may not call.
 * - A Blob URL opened in a new tab would be an unsandboxed top-level page at the app's own origin.
 * - So: a hidden iframe, `srcdoc`, `sandbox="allow-same-origin allow-modals"` and no `allow-scripts`.
 *   Nothing in it can run (and the report's own CSP is `default-src 'none'`); allow-same-origin only lets
 *   this page call its print(), allow-modals lets a sandboxed frame open the print dialog. A srcdoc
 *   frame is not fetched, so the app's CSP (`default-src 'self'`, no frame-src) allows it unchanged.
 */
export function printHtml(html: string): HTMLIFrameElement {
  for (const old of document.querySelectorAll('iframe[data-print-frame]')) old.remove()
  const frame = document.createElement('iframe')
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals')
  frame.setAttribute('data-print-frame', '')
  frame.setAttribute('data-testid', 'print-frame')
  frame.setAttribute('aria-hidden', 'true')
  frame.tabIndex = -1
  frame.title = 'Report to print'
  // Laid out at a page's width (so it paginates as printed) but out of sight.
  Object.assign(frame.style, { position: 'fixed', left: '-10000px', top: '0', width: '794px', height: '1123px', border: '0' })
  frame.addEventListener(
    'load',
    () => {
      const view = frame.contentWindow
      if (!view) return
      view.addEventListener('beforeprint', () => frame.setAttribute('data-state', 'printing'))
      // The dialog has closed: the frame has done its work.
      view.addEventListener('afterprint', () => frame.remove())
      view.print()
    },
    { once: true },
  )
  frame.srcdoc = html
  document.body.append(frame)
  return frame
}
