import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ChariotStack } from '../lib/chariot-stack';
import { loadDeploymentConfig, type DeploymentConfig } from '../tooling/deploy-config/load';

/**
 * Builds the app for the environment selected by context (`-c env=NAME`): the config is read from
 * the app's context and validated here, once; constructs only get typed props.
 */
export function buildApp(app: App): { stack: ChariotStack; config: DeploymentConfig } {
  const config = loadDeploymentConfig({ context: app.node.getAllContext() });
  const stack = new ChariotStack(app, `Chariot-${config.envName}`, {
    envName: config.envName,
    environment: config.environment,
    routes: config.routes,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stack, config };
}
