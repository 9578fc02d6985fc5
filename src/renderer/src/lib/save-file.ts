/**
 * Saves text or bytes as a file the way a web page can: a Blob URL on a download link. Works in both hosts
 * (Electron shows its save dialog for a download; a browser saves to its downloads), needs no bridge
 * channel, and a download is not a navigation, so the CSP and Electron's navigation guard are not involved.
 */
export function saveFile(fileName: string, content: string | Uint8Array<ArrayBuffer>, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has taken its copy by the next task; revoking at once can cancel it in some browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A base64 string (a PDF from the bridge) as bytes. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
