/** Jest globalTeardown: stops the emulators globalSetup started. */
import type { EmulatorHandle } from '../../local/emulators';

export default async function globalTeardown(): Promise<void> {
  const handles = (globalThis as { __chariotEmulators?: EmulatorHandle[] }).__chariotEmulators ?? [];
  await Promise.all(handles.map((handle) => handle.stop()));
}
