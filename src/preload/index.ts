import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from '../shared/api'
import { createIpcTransport } from './transport'

// The page gets one object with a function per contract channel, never ipcRenderer itself.
contextBridge.exposeInMainWorld('coop', buildApi(createIpcTransport(ipcRenderer)))
