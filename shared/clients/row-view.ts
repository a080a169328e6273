/**
 * Any stored row as a client reads it, by its kind: assets get `updated`, jobs the bare status code, account rows
 * `config`, risks (for browsers) chariot-ui's status vocabulary. Internal fields are dropped first. One place, so
 * `GET /my` and the entity routes answer the same row the same way.
 */
import { publicView } from '../model';
import { clientAccountView } from './account-view';
import { clientAssetView } from './asset-view';
import { clientJobView } from './job-status';
import { clientRiskView } from './risk-status';

type Row = { key: string } & Record<string, unknown>;

export function clientRowView(row: Row, options: { uiRiskVocabulary: boolean }): Row {
  const open = publicView(row);
  switch (row.key.split('#')[1]) {
    case 'asset':
      return clientAssetView(open as Row & { created: string; visited: string });
    case 'risk':
      return clientRiskView(open as Row & { status: string }, options.uiRiskVocabulary);
    case 'job':
      return clientJobView(open as Row & { status: string });
    case 'account':
      return clientAccountView(open as Row & { member: string; value: string });
    default:
      return open;
  }
}

/** praetorian-cli 1.6.5's seed rows: `#seed#<class>#<dns>` for a seed-sourced asset (docs/client-compat.md, conflict 3). */
export function seedClass(assetClass: string): string {
  if (assetClass === 'ipv4' || assetClass === 'ipv6') return 'ip';
  if (assetClass === 'cidr') return 'cidr';
  return 'domain';
}

export const seedView = (asset: { dns: string; class: string } & Row): Row => ({ ...asset, key: `#seed#${seedClass(asset.class)}#${asset.dns}`, asset: asset.key });
