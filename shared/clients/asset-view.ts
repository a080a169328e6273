/**
 * The `updated` field of assets. chariot-ui shows it as "Last Seen" (src/sections/Assets.tsx) and the 2024 store
 * had it; today's model keeps `created`, `visited` and `history[].updated` instead. It is derived, not stored:
 * the latest of the three, so a re-discovery (visit) and a user change (merge) both move it.
 */
interface AssetTimes {
  created: string;
  visited: string;
  history?: readonly { updated: string }[];
}

/** RFC3339 UTC strings of one precision compare correctly as strings. */
export function assetUpdated(asset: AssetTimes): string {
  let latest = asset.created > asset.visited ? asset.created : asset.visited;
  for (const record of asset.history ?? []) if (record.updated > latest) latest = record.updated;
  return latest;
}

/** An asset as every client reads it: the row plus `updated` (additive; no client rejects an extra field). */
export const clientAssetView = <T extends AssetTimes>(asset: T): T & { updated: string } => ({ ...asset, updated: assetUpdated(asset) });
