// Cognito user pools state. Pools are kept by id (ids are unique and carry their region), with
// the account and region that created them: IAM-signed admin calls only see their own pools,
// while token-authorised calls find the pool from the token's issuer.
import { randomBytes } from 'node:crypto';
import type { CallerScope } from '../caller-scope.ts';
import { resourceNotFound, userNotFound } from './errors.ts';

export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
}

/** Cognito's default password policy for a new pool. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

export interface AppClient {
  id: string;
  name: string;
  secret?: string;
  explicitAuthFlows: string[];
  accessTokenValidityMs: number;
  /** What CreateUserPoolClient echoes back about validity (only what was given). */
  accessTokenValidity?: number;
  tokenValidityUnits?: Record<string, string>;
  createdAt: number;
}

interface PendingCode {
  code: string;
  issuedAt: number;
  /** The attribute value the code was sent to: a code is void once the value changes. */
  destination: string;
}

export interface User {
  username: string;
  sub: string;
  /** Insertion order is the order GetUser lists them in; `sub` comes first. */
  attributes: Map<string, string>;
  password: string;
  status: 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED';
  createdAt: number;
  modifiedAt: number;
  /** The latest code per attribute: a new code supersedes the earlier one. */
  codes: Map<string, PendingCode>;
  /** jti of every access token issued; GlobalSignOut moves them all to `revokedTokens`. */
  issuedTokens: Set<string>;
  revokedTokens: Set<string>;
}

export interface UserPool {
  id: string;
  name: string;
  arn: string;
  account: string;
  region: string;
  createdAt: number;
  modifiedAt: number;
  passwordPolicy: PasswordPolicy;
  deletionProtection: 'ACTIVE' | 'INACTIVE';
  mfaConfiguration: string;
  autoVerifiedAttributes?: string[];
  usernameAttributes?: string[];
  tags?: Record<string, string>;
  clients: Map<string, AppClient>;
  users: Map<string, User>;
}

interface RefreshGrant {
  poolId: string;
  clientId: string;
  username: string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomString(length: number, alphabet = ALPHANUMERIC): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

export class CognitoStore {
  pools = new Map<string, UserPool>();
  refreshTokens = new Map<string, RefreshGrant>();
  /** Who signed in last: where the accepts-malformed-token fault sends a token it cannot read. */
  lastSignedIn?: { poolId: string; username: string };

  /** A pool as an IAM-signed caller sees it: only those of its own account and region. */
  poolFor(scope: Pick<CallerScope, 'account' | 'region'>, poolId: string): UserPool {
    const pool = this.pools.get(poolId);
    if (pool === undefined || pool.account !== scope.account || pool.region !== scope.region) {
      throw resourceNotFound(`User pool ${poolId} does not exist.`);
    }
    return pool;
  }

  /** The pool and client of a ClientId, whichever pool it belongs to. */
  clientById(clientId: string): { pool: UserPool; client: AppClient } {
    for (const pool of this.pools.values()) {
      const client = pool.clients.get(clientId);
      if (client !== undefined) return { pool, client };
    }
    throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  }

  userOf(pool: UserPool, username: string): User {
    const user = pool.users.get(username);
    if (user === undefined) throw userNotFound();
    return user;
  }

  clear(): void {
    this.pools = new Map();
    this.refreshTokens = new Map();
    this.lastSignedIn = undefined;
  }
}
