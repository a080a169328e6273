/** Local emulators for tests and `npm start`: DynamoDB Local and cognito-local, both on 127.0.0.1. */
export { startDynamoDbLocal, LOCAL_AWS, type DynamoDbLocalOptions, type EmulatorHandle } from './dynamodb-local';
export { createTable } from './table';
export {
  startCognitoLocal,
  createUserPool,
  createUser,
  signIn,
  userPoolAt,
  cognitoClient,
  type CognitoLocalOptions,
  type UserPool,
  type NewUser,
} from './cognito-local';
export { freePort } from './process';
export { startSecretsManager, type SecretsManagerEmulator } from './secrets-manager';
