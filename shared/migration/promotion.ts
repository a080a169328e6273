/**
 * The shadow → canary gate (`migrationPolicy.minShadowMatches`): a shadowed route may take live traffic only after
 * that many matched comparisons. Mismatches do not close it by themselves (a diff may be an accepted difference);
 * they are shown beside it for a person to judge. One rule for the local gateway's `shift` and the AWS report.
 */
export interface ShadowCounts {
  readonly matches: number;
  readonly mismatches: number;
}

export function shadowGate(counts: ShadowCounts, minShadowMatches: number): { readonly open: boolean; readonly summary: string } {
  const open = counts.matches >= minShadowMatches;
  const seen = `${counts.matches} matched, ${counts.mismatches} mismatched`;
  return { open, summary: open ? `open (${seen})` : `closed: ${counts.matches} of ${minShadowMatches} matches (${counts.mismatches} mismatched)` };
}
