import { EmbeddedGraphStore } from '../../shared/graph/embedded-store';
import { describeGraphStoreBehaviour } from './graph-behaviour';

describeGraphStoreBehaviour('embedded', async () => new EmbeddedGraphStore());
