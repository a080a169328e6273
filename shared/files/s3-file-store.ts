/** FileStore on S3: presigned GET/PUT URLs, and the bytes themselves where the API answers or receives them. */
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { unavailable } from '../errors';
import { DEFAULT_URL_SECONDS, objectKey, type FileStore, type PutBytesOptions } from './file-store';

/**
 * The S3 SDK loads on the first file URL, not at cold start: only the file routes ever need it. `require`, not
 * `import()`: the SDK is external to the bundle and comes with the Lambda runtime on NODE_PATH, which an ES
 * import's resolution ignores (esbuild keeps a dynamic import of an external as is).
 */
async function loadS3(config: S3ClientConfig) {
  const { GetObjectCommand, PutObjectCommand, S3Client } = require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
  const { getSignedUrl } = require('@aws-sdk/s3-request-presigner') as typeof import('@aws-sdk/s3-request-presigner');
  return { s3: new S3Client(config), GetObjectCommand, PutObjectCommand, getSignedUrl };
}

const isMissing = (error: unknown) => ['NoSuchKey', 'NotFound'].includes((error as { name?: string }).name ?? '');

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

  /** The object's length is known from the answer's headers: a larger one is abandoned unread. S3 decrypts SSE-KMS objects itself. */
  async getBytes(tenant: string, name: string, maxBytes: number): Promise<Uint8Array | 'too-large' | undefined> {
    const { s3, GetObjectCommand } = await (this.sdk ??= loadS3(this.clientConfig));
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey(tenant, name) }));
      if ((object.ContentLength ?? 0) > maxBytes) {
        (object.Body as { destroy?: () => void } | undefined)?.destroy?.();
        return 'too-large';
      }
      return object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw Object.assign(unavailable('file storage is unavailable'), { cause: error });
    }
  }

  /**
   * `encrypted`: SSE-KMS under the account's AWS-managed `aws/s3` key (the bucket's default is SSE-S3): every use of
   * the key is in CloudTrail, and its key policy lets S3 use it for any principal of the account allowed the object.
   */
  async putBytes(tenant: string, name: string, bytes: Uint8Array, options: PutBytesOptions = {}): Promise<void> {
    const { s3, PutObjectCommand } = await (this.sdk ??= loadS3(this.clientConfig));
    try {
      await s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: objectKey(tenant, name),
          Body: bytes,
          ContentType: options.contentType ?? 'application/octet-stream',
          ...(options.encrypted ? { ServerSideEncryption: 'aws:kms' as const } : {}),
        }),
      );
    } catch (error) {
      throw Object.assign(unavailable('file storage is unavailable'), { cause: error });
    }
  }
}
