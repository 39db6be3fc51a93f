// The files module's face: what other features use to take, store, describe and link uploaded
// files (attachments, photos, flyers). Its route serves them at /files/:id/:name.
export { acceptUploads, decodedFileName, isUploadLimitError, uploadedParts, type UploadedPart } from './uploads.ts';
export { acceptedKinds, checkUpload, loadFileContent, loadFiles, maxFileBytes, storeFile, type StoredFile, type StoreResult } from './store.ts';
export { fileLabel, fileUrl, sizeText } from './label.ts';
export { default as fileRoutes, contentDisposition } from './routes.ts';
