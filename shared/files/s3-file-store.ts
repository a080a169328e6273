/** FileStore on S3 with presigned GET/PUT URLs. */
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { unavailable } from '../errors';
import { DEFAULT_URL_SECONDS, objectKey, type FileStore } from './file-store';

/** The S3 SDK loads on the first file URL, not at cold start: only the file routes ever need it. */
async function loadS3(config: S3ClientConfig) {
  const [{ GetObjectCommand, PutObjectCommand, S3Client }, { getSignedUrl }] = await Promise.all([
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/s3-request-presigner'),
  ]);
  return { s3: new S3Client(config), GetObjectCommand, PutObjectCommand, getSignedUrl };
}

export class S3FileStore implements FileStore {
  private sdk: ReturnType<typeof loadS3> | undefined;

  constructor(
    private readonly bucket: string,
    private readonly clientConfig: S3ClientConfig = {},
  ) {}

  async uploadUrl(tenant: string, name: string, expiresIn = DEFAULT_URL_SECONDS): Promise<string> {
    const { s3, PutObjectCommand, getSignedUrl } = await (this.sdk ??= loadS3(this.clientConfig));
    return getSignedUrl(s3, new PutObjectCommand({ Bucket: this.bucket, Key: objectKey(tenant, name) }), { expiresIn });
  }

  async downloadUrl(tenant: string, name: string, expiresIn = DEFAULT_URL_SECONDS): Promise<string> {
    const { s3, GetObjectCommand, getSignedUrl } = await (this.sdk ??= loadS3(this.clientConfig));
    return getSignedUrl(s3, new GetObjectCommand({ Bucket: this.bucket, Key: objectKey(tenant, name) }), { expiresIn });
  }

  async putBytes(tenant: string, name: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const { s3, PutObjectCommand } = await (this.sdk ??= loadS3(this.clientConfig));
    try {
      await s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: objectKey(tenant, name), Body: bytes, ContentType: contentType }));
    } catch (error) {
      throw unavailable(`file storage did not take ${name}: ${(error as Error).name}`); // a store fault is a 503, never a 500
    }
  }
}
