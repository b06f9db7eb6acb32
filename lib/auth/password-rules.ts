/** Shown in forms; enforced by newPasswordSchema (lib/auth/password.ts). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
