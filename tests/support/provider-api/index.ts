export { startProviderApi } from './provider-api'
export { createApiHandler } from './api-handler'
export type { ProviderApi, ProviderApiOptions } from './provider-api'
export type { ApiHandler } from './api-handler'
