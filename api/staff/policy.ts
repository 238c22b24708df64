import { randomInt } from 'node:crypto';
import common from './common-passwords.json';

// Common passwords (lower-case): the usual top lists plus the Chinese favourites (woaini1314, qq123456, …).
const COMMON = new Set<string>(common);

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200; // argon2 takes anything; this only bounds the work an attacker can ask for

/** The password policy: an error code, or null when the password is acceptable. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN) return 'password_too_short';
  if (password.length > PASSWORD_MAX) return 'password_too_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'password_common';
  if (username && lower === username.toLowerCase()) return 'password_is_username';
  return null;
}

// No look-alikes (0/o, 1/l/i): generated passwords get read out over the phone.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A generated password: four groups of four, ~79 bits, e.g. "k7mp-qx3r-9wha-e2tn". */
export function generatePassword(): string {
  return Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');
}
