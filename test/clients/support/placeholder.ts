/** A context that only lets a call's request() be evaluated (to read its method and path) without a runtime. */
import type { CaseContext } from './catalogue';

const refuse = () => {
  throw new Error('placeholder context: no runtime');
};

export const placeholderContext: CaseContext = {
  state: new Proxy({}, { get: () => 'placeholder' }) as Record<string, string>,
  native: refuse,
  send: refuse,
};
