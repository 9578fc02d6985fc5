import { BrowserWindow } from 'electron'

/**
 * Renders a self-contained HTML page (an attestation report) to PDF in a hidden window: no preload,
 * no JavaScript, sandboxed, and destroyed afterwards. The page has no scripts or external resources.
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  })
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })
  } finally {
    window.destroy()
  }
}
