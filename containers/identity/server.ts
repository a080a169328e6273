import { startService } from '../runtime/server';

void startService('identity');
