/** Where the repository is on disk, for code that reads or builds files of it (CDK assets, emulators, tests). */
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');
