import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum (m=19 MiB, t=2, p=1): ~20 ms a hash here.
export const PASSWORD_HASH_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
let options: { algorithm: 2; memoryCost: number; timeCost: number; parallelism: number } = PASSWORD_HASH_OPTIONS;

/** Tests only (tests/helpers/services.ts): argon2id at its smallest cost. Verifying reads the cost from the hash. */
export function useTestPasswordCost() {
  options = { algorithm: 2, memoryCost: 8, timeCost: 1, parallelism: 1 };
}

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// A hash of nothing anyone knows: verifying against it makes an unknown username cost as much as a known one.
let dummy: Promise<string> | null = null;
export const dummyHash = () => (dummy ??= hashPassword('not-a-real-password-' + Math.random()));
