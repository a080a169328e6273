import { startService } from '../runtime/server';

void startService('inventory');
