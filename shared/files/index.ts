/** File bytes: S3 in AWS, a signed-URL local directory for `npm start`. */
import type { FilesConfig } from '../config/runtime';
import { type FileStore } from './file-store';
import { LocalFileStore } from './local-file-store';
import { S3FileStore } from './s3-file-store';

export * from './file-store';
export { LocalFileStore, LOCAL_FILES_PATH } from './local-file-store';
export { S3FileStore } from './s3-file-store';

/**
 * Signs the local store's URLs: the runtimes and the local gateway that serves them must agree on it.
 * The local store exists only for `npm start` and tests, where nothing is secret.
 */
export const LOCAL_FILES_URL_KEY = 'chariot-local-files-url-key-not-for-production';

/** The store named by the runtime config. */
export function createFileStore(config: FilesConfig): FileStore {
  return config.kind === 's3' ? new S3FileStore(config.bucket) : new LocalFileStore(config.dir, config.publicUrl, LOCAL_FILES_URL_KEY);
}
