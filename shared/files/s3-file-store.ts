/** FileStore on S3 with presigned GET/PUT URLs. */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DEFAULT_URL_SECONDS, objectKey, type FileStore } from './file-store';

export class S3FileStore implements FileStore {
  constructor(
    private readonly bucket: string,
    private readonly s3: S3Client = new S3Client({}),
  ) {}

  uploadUrl(tenant: string, name: string, expiresIn = DEFAULT_URL_SECONDS): Promise<string> {
    return getSignedUrl(this.s3, new PutObjectCommand({ Bucket: this.bucket, Key: objectKey(tenant, name) }), { expiresIn });
  }

  downloadUrl(tenant: string, name: string, expiresIn = DEFAULT_URL_SECONDS): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: objectKey(tenant, name) }), { expiresIn });
  }
}
