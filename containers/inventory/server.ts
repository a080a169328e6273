import { runService } from '../runtime/server';

runService('inventory');
