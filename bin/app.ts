#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ConfigError } from '../tooling/deploy-config/load';
import { MigrationFlagError } from '../shared/routing/flags';
import { buildApp } from './build-app';

try {
  buildApp(new App());
} catch (error) {
  // A bad flag or config is an operator mistake: one line, no stack trace, non-zero exit stops synth.
  if (error instanceof ConfigError || error instanceof MigrationFlagError) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
