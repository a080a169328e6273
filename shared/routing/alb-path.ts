/** `/account/{member}` → `/account/*`: a route's ALB path condition (ALB patterns have no named parameters). Used by the stack's listener rules and by `npm run shift` to find them. */
export const albPathPattern = (path: string) => path.replace(/\{[^}]+\}/g, '*');
