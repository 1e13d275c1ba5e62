export { call, type CallOptions } from './call';
export { ApiError, errorMessage, type ApiErrorCode } from './api-error';
export { bytesOf, canShowInFolder, mode, onMenuCommand, saveFile, showInFolder, type SavedFile } from './transport';
export { invalidate, useRevision } from './revision';
export { useQuery, type QueryState } from './use-query';
