// Kept apart from the account schemas: the sign-up and account pages show it
// in the browser, and must not bring zod and the zone rules with it.

/** Long enough to resist guessing, short enough to paste from a password manager. */
export const MIN_PASSWORD_LENGTH = 10;
