/**
 * Secrets Manager rotation of the offset key ring (lib/offset-key.ts), the standard four steps. The staged
 * `next` key becomes `current`, the old `current` becomes `previous` and a new random key is staged
 * (key-ring.ts), so tokens handed out before the rotation still verify (shared/db/offset.ts) until the next one,
 * and processes still holding the old ring accept what the rotated ones sign.
 */
import { randomBytes } from 'node:crypto';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { parseOffsetKeyRing } from '../../shared/db/offset';
import { rotatedKeyRing } from './key-ring';

interface RotationEvent {
  readonly SecretId: string;
  readonly ClientRequestToken: string;
  readonly Step: 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';
}

const client = new SecretsManagerClient({});

async function pendingValue(event: RotationEvent): Promise<string | undefined> {
  try {
    const pending = await client.send(new GetSecretValueCommand({ SecretId: event.SecretId, VersionId: event.ClientRequestToken, VersionStage: 'AWSPENDING' }));
    return pending.SecretString;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

export async function handler(event: RotationEvent): Promise<void> {
  const { SecretId, ClientRequestToken: token } = event;
  switch (event.Step) {
    case 'createSecret': {
      if (await pendingValue(event)) return; // a retried step
      const current = await client.send(new GetSecretValueCommand({ SecretId, VersionStage: 'AWSCURRENT' }));
      const ring = rotatedKeyRing(parseOffsetKeyRing(current.SecretString ?? ''), randomBytes(48).toString('base64url'));
      await client.send(new PutSecretValueCommand({ SecretId, ClientRequestToken: token, SecretString: JSON.stringify(ring), VersionStages: ['AWSPENDING'] }));
      return;
    }
    case 'setSecret':
      return; // the key lives only in this secret: nothing else to update
    case 'testSecret':
      parseOffsetKeyRing((await pendingValue(event)) ?? '');
      return;
    case 'finishSecret': {
      const { VersionIdsToStages = {} } = await client.send(new DescribeSecretCommand({ SecretId }));
      const current = Object.entries(VersionIdsToStages).find(([, stages]) => stages.includes('AWSCURRENT'))?.[0];
      if (current === token) return;
      await client.send(new UpdateSecretVersionStageCommand({ SecretId, VersionStage: 'AWSCURRENT', MoveToVersionId: token, RemoveFromVersionId: current }));
      return;
    }
  }
}
