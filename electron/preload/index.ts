import { contextBridge, ipcRenderer } from 'electron'
import { exposeGitkeys } from './expose'

exposeGitkeys(contextBridge, ipcRenderer)
