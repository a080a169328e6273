import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

/**
 * The Neo4j connection secret (JSON `{uri, username, password}`): the named existing one, or a new one
 * whose uri/username ops fill in after the first deploy (the password is generated).
 */
export class Neo4jSecret extends Construct {
  readonly secret: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: { readonly secretName?: string }) {
    super(scope, id);
    if (props.secretName) {
      this.secret = secretsmanager.Secret.fromSecretNameV2(this, 'Secret', props.secretName);
      return;
    }
    const secret = new secretsmanager.Secret(this, 'Secret', {
      description: 'Neo4j connection for the Chariot graph: {"uri","username","password"}',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ uri: 'neo4j+s://replace-me.databases.neo4j.io', username: 'neo4j' }),
        generateStringKey: 'password',
        excludePunctuation: true,
      },
    });
    acknowledge(secret, {
      'AwsSolutions-SMG4': 'The Neo4j password is set in the (external) Neo4j server; there is no rotation Lambda for Neo4j, so it is rotated by hand.',
    });
    this.secret = secret;
  }
}
