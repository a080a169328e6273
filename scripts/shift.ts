/** `npm run shift -- -c env=prod "GET /asset" 25` | `... rollback` | `--local`: see tooling/shift/run.ts. */
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { dataPaths, readState } from '../local/state';
import { runShift } from '../tooling/shift/run';

runShift(process.argv.slice(2), {
  print: (line) => console.log(line),
  elb: (region) => new ElasticLoadBalancingV2Client({ region }),
  localGatewayUrl: (dataDir) => readState(dataPaths(dataDir)).running?.gatewayUrl,
}).then((code) => process.exit(code));
