import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiProvider } from './api/api-context'
import { getApi } from './api/get-api'
import { App } from './app/App'
import { AppInfoProvider } from './app/app-info'
import './styles/app.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <ApiProvider api={getApi()}>
      <AppInfoProvider>
        <App />
      </AppInfoProvider>
    </ApiProvider>
  </StrictMode>,
)
