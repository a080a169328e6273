import { startService } from '../runtime/server';

void startService('operations');
