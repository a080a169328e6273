import type { OffsetKeyRing } from '../../shared/db/offset';

/**
 * The ring after a rotation. A ring without a staged `next` (the generated secret) first only stages one; after
 * that, `next` becomes `current`, `current` becomes `previous` (the old previous is dropped) and `newKey` is staged.
 * Every key signs only after a whole rotation period in which every process, old or new, already accepted it.
 */
export const rotatedKeyRing = (ring: OffsetKeyRing, newKey: string): OffsetKeyRing =>
  ring.next === undefined ? { ...ring, next: newKey } : { current: ring.next, previous: ring.current, next: newKey };
