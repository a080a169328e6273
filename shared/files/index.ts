/** File bytes: S3 in AWS, a signed-URL local directory for `npm start`. */
import type { FilesConfig } from '../config/runtime';
import { type FileStore } from './file-store';
import { LocalFileStore } from './local-file-store';
import { S3FileStore } from './s3-file-store';

export * from './file-store';
export { LocalFileStore, LOCAL_FILES_PATH } from './local-file-store';
export { S3FileStore } from './s3-file-store';

/** The store named by the runtime config; `secret` signs local URLs (the offset secret will do). */
export function createFileStore(config: FilesConfig, secret: string): FileStore {
  return config.kind === 's3' ? new S3FileStore(config.bucket) : new LocalFileStore(config.dir, config.publicUrl, secret);
}
