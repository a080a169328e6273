import { runService } from '../runtime/server';

runService('operations');
