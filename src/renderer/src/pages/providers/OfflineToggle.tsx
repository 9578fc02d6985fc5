import type { PolicySettings } from '../../../../shared/router-types'
import { useApi } from '../../api/api-context'
import { ActionError } from '../../lib/ActionError'
import { useAction } from '../../lib/use-action'

interface OfflineToggleProps {
  readonly settings: PolicySettings
  readonly onChanged: () => void
}

/** Offline mode: only local providers are called; any other host is refused before a socket opens. */
export function OfflineToggle({ settings, onChanged }: OfflineToggleProps) {
  const api = useApi()
  const { pending, error, run } = useAction<'offline'>()
  async function setOffline(offline: boolean): Promise<void> {
    if (await run('offline', () => api.policy.setOffline({ offline }))) onChanged()
  }
  return (
    <div className="offline-toggle">
      <label className="switch">
        <input type="checkbox" role="switch" checked={settings.offline} disabled={pending !== null} onChange={(event) => void setOffline(event.target.checked)} data-testid="offline-toggle" />
        <span>Offline mode</span>
      </label>
      <p className="hint">
        {settings.offline ? 'On: only local providers are called.' : 'Off: remote providers may be called when policy allows.'} Blocked endpoint families:{' '}
        {settings.blockedEndpoints.length > 0 ? settings.blockedEndpoints.join(', ') : 'none'}.
      </p>
      <ActionError error={error} testId="offline-error" />
    </div>
  )
}
