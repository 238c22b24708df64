import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { shanghaiDate } from './time.ts';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L: read aloud over the phone

export const TRACKING_NO = /^[A-Z]{2,4}-\d{8}-\d{4,6}$/;

export function trackingNumber(prefix: string, at: Date, seq: number): string {
  return `${prefix}-${shanghaiDate(at).replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}

/** The reporter's secret follow code: 8 characters, ~40 bits, stored only as a hash. */
export function newFollowCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export const normalizeCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export const hmac = (secret: string, s: string) => createHmac('sha256', secret).update(s).digest('base64url').slice(0, 22);

export const randomName = () => randomBytes(16).toString('base64url');
