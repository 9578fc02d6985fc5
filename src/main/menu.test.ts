import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() } }))

const { buildMenuTemplate } = await import('./menu')

function roles(template: ReturnType<typeof buildMenuTemplate>): string[] {
  return template.flatMap((item) => [
    item.role ?? item.label ?? '',
    ...(Array.isArray(item.submenu) ? item.submenu.map((sub) => sub.role ?? sub.type ?? '') : []),
  ])
}

describe('buildMenuTemplate', () => {
  it('offers developer tools only when the build allows them', () => {
    expect(roles(buildMenuTemplate('linux', false))).not.toContain('toggleDevTools')
    expect(roles(buildMenuTemplate('linux', true))).toContain('toggleDevTools')
  })

  it('adds the app menu on macOS only, and always an Edit menu for copy and paste', () => {
    expect(roles(buildMenuTemplate('darwin', false))[0]).toBe('appMenu')
    expect(roles(buildMenuTemplate('win32', false))).not.toContain('appMenu')
    expect(roles(buildMenuTemplate('linux', false))).toContain('editMenu')
  })
})
