import type { OffsetKeyRing } from '../../shared/db/offset';

/** The ring after a rotation: the new key signs, the old current one still verifies; the old previous is dropped. */
export const rotatedKeyRing = (ring: OffsetKeyRing, newKey: string): OffsetKeyRing => ({ current: newKey, previous: ring.current });
