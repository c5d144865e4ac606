import { Algorithm, hash, verify } from "@node-rs/argon2";

/**
 * Passwords as Argon2id hashes (@node-rs/argon2: a maintained binding with its binary shipped as
 * an npm package), at OWASP's recommended minimum cost: 19 MiB of memory, two passes, one lane
 * (about 70 ms a hash here). The hash string carries its parameters, so a later, costlier setting
 * still verifies the hashes made before it.
 */

const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
/** Longer passwords are refused rather than hashed: an unbounded input is a denial of service. */
export const PASSWORD_MAX = 256;

/** Why a password cannot be used, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `a password has at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `a password has at most ${PASSWORD_MAX} characters`;
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash of nothing anyone can type, verified when the email is unknown so that sign-in takes as long either way. */
let decoy: Promise<string> | null = null;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX) return false;
  if (storedHash === null) {
    decoy ??= hashPassword(`decoy-${Math.random()}`);
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
