import { Secret, TOTP } from 'otpauth';

// RFC 6238 as every authenticator app expects it: SHA1, 30 s, 6 digits. The issuer is ASCII on purpose:
// some older authenticator apps garble non-ASCII issuers.
export const TOTP_ISSUER = 'CityLoop';
const PERIOD = 30;

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

const totp = (secret: string, username: string) =>
  new TOTP({ issuer: TOTP_ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

/** The otpauth:// URI an authenticator app imports (what a QR code would hold). */
export const totpUri = (secret: string, username: string) => totp(secret, username).toString();

/** The code for an instant (tests and the CLI use it). */
export const totpCode = (secret: string, at: Date) => totp(secret, '-').generate({ timestamp: at.getTime() });

/** The 30-second step a code belongs to, accepting one step of clock drift either way; null if wrong. */
export function totpStep(secret: string, code: string, at: Date): number | null {
  const delta = totp(secret, '-').validate({ token: code, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : Math.floor(at.getTime() / 1000 / PERIOD) + delta;
}

/** The secret in groups of four, easier to type into a phone. */
export const groupSecret = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();
