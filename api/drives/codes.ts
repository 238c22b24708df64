import { randomInt } from 'node:crypto';
import { hmac, newFollowCode, normalizeCode } from '../shared/ids.ts';
import { shanghaiDate } from '../shared/time.ts';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L

const pick = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** The signup's confirmation code: 8 characters people can read aloud. */
export const confirmationCode = newFollowCode;
/** The code shown at the meeting point for self check-in. */
export const checkinCode = () => pick(6);
/** 服务记录证明编号: the issue date plus 6 random characters, so numbers cannot be enumerated. */
export const certificateNo = (at: Date) => `ZY-${shanghaiDate(at).replaceAll('-', '')}-${pick(6)}`;
export const CERTIFICATE_NO = /^ZY-\d{8}-[A-Z0-9]{6}$/;

export const sameCode = (a: string, b: string) => normalizeCode(a) === normalizeCode(b) && a.length > 0;

/** The secret manage link's token: the signup id plus an HMAC over id and code; nothing extra stored. */
export const manageToken = (secret: string, id: number, code: string) => `${id.toString(36)}-${hmac(secret, `drive-signup:${id}:${code}`)}`;

export function tokenId(token: string): number | null {
  const m = /^([0-9a-z]{1,10})-[A-Za-z0-9_-]{22}$/.exec(token);
  return m ? parseInt(m[1], 36) : null;
}
