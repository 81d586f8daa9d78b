// Safe to import from client components.
export const PasswordRules = { min: 8, max: 256 } as const;
