import { runService } from '../runtime/server';

runService('identity');
