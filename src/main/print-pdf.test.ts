import { describe, expect, it, vi } from 'vitest'

const fake = vi.hoisted(() => {
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = []
    static failPrint = false
    readonly options: unknown
    readonly loadURL = vi.fn(async () => undefined)
    readonly destroy = vi.fn()
    readonly webContents = {
      printToPDF: vi.fn(async () => {
        if (FakeBrowserWindow.failPrint) throw new Error('printing failed')
        return new Uint8Array([0x25, 0x50, 0x44, 0x46])
      }),
    }
    constructor(options: unknown) {
      this.options = options
      FakeBrowserWindow.created.push(this)
    }
  }
  return { FakeBrowserWindow }
})
vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow }))

const { printHtmlToPdf } = await import('./print-pdf')

describe('printHtmlToPdf', () => {
  it('renders the page in a hidden window without JavaScript, and always destroys it', async () => {
    const pdf = await printHtmlToPdf('<!doctype html><p>Report & <b>totals</b></p>')
    expect([...pdf]).toEqual([0x25, 0x50, 0x44, 0x46])
    const [window] = fake.FakeBrowserWindow.created
    expect(window?.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } })
    expect(window?.loadURL).toHaveBeenCalledWith(`data:text/html;charset=utf-8,${encodeURIComponent('<!doctype html><p>Report & <b>totals</b></p>')}`)
    expect(window?.webContents.printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4' })
    expect(window?.destroy).toHaveBeenCalledOnce()

    fake.FakeBrowserWindow.failPrint = true
    await expect(printHtmlToPdf('<p>x</p>')).rejects.toThrow('printing failed')
    expect(fake.FakeBrowserWindow.created[1]?.destroy).toHaveBeenCalledOnce()
  })
})
