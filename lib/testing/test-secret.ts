// Used only when a test run was not given AUTH_SECRET (npm test always gives one).
export const TEST_AUTH_SECRET = "vitest-only-secret-0123456789abcdefghijklmnop";
