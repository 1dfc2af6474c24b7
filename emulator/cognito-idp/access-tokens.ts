// Cognito's JWTs, signed with an HMAC secret of this emulator (real Cognito signs with RS256;
// a client cannot tell without the JWKS, and the emulator only needs to recognise its own).
// Access tokens authorise the user-facing operations: signature, issuer, expiry (virtual clock),
// revocation (GlobalSignOut) and the aws.cognito.signin.user.admin scope are all checked.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ServiceContext } from '../service.ts';
import { notAuthorized } from './errors.ts';
import { CognitoFault } from './faults.ts';
import { randomString, type AppClient, type CognitoStore, type User, type UserPool } from './store.ts';

export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';
/** "Default validity 1 hour". */
export const DEFAULT_ACCESS_TOKEN_VALIDITY_MS = 60 * 60 * 1000;

interface AccessTokenClaims {
  sub: string;
  iss: string;
  client_id: string;
  origin_jti: string;
  event_id: string;
  token_use: 'access';
  scope?: string;
  auth_time: number;
  exp: number;
  iat: number;
  jti: string;
  username: string;
}

interface Principal {
  pool: UserPool;
  user: User;
  claims: AccessTokenClaims;
}

interface TokenSet {
  AccessToken: string;
  IdToken: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

const HEADER = { kid: 'emulator-hs256', alg: 'HS256' };

/** The claims `authorize` relies on; the signature vouches for the rest, since only this emulator signs. */
function isAccessTokenClaims(value: unknown): value is AccessTokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const c: { [K in keyof AccessTokenClaims]?: unknown } = value;
  if (c.token_use !== 'access') return false;
  return typeof c.iss === 'string' && typeof c.username === 'string' && typeof c.jti === 'string' && typeof c.exp === 'number' && typeof c.sub === 'string';
}

function issuerOf(pool: UserPool): string {
  return `https://cognito-idp.${pool.region}.amazonaws.com/${pool.id}`;
}

export class AccessTokens {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly ctx: ServiceContext,
    private readonly store: CognitoStore,
  ) {}

  /** An access token and an ID token for one sign-in; the access token is recorded for revocation. */
  signIn(pool: UserPool, client: AppClient, user: User): TokenSet {
    const originJti = randomUUID();
    const validityMs = client.accessTokenValidityMs;
    const accessToken = this.mintAccess(pool, client.id, user, { scopes: [ADMIN_SCOPE], validityMs, originJti });
    const now = this.nowSeconds();
    const idToken = this.sign({
      sub: user.sub,
      email_verified: user.attributes.has('email_verified') ? user.attributes.get('email_verified') === 'true' : undefined,
      iss: issuerOf(pool),
      'cognito:username': user.username,
      origin_jti: originJti,
      aud: client.id,
      event_id: randomUUID(),
      token_use: 'id',
      auth_time: now,
      exp: now + Math.round(validityMs / 1000),
      iat: now,
      jti: randomUUID(),
      email: user.attributes.get('email'),
      phone_number: user.attributes.get('phone_number'),
    });
    this.store.lastSignedIn = { poolId: pool.id, username: user.username };
    return { AccessToken: accessToken, IdToken: idToken, ExpiresIn: Math.round(validityMs / 1000), TokenType: 'Bearer' };
  }

  /** An access token with the given scopes and validity (negative: already expired), signed like every other. */
  mintAccess(pool: UserPool, clientId: string, user: User, options: { scopes: readonly string[]; validityMs: number; originJti?: string }): string {
    const now = this.nowSeconds();
    const claims: AccessTokenClaims = {
      sub: user.sub,
      iss: issuerOf(pool),
      client_id: clientId,
      origin_jti: options.originJti ?? randomUUID(),
      event_id: randomUUID(),
      token_use: 'access',
      scope: options.scopes.length > 0 ? options.scopes.join(' ') : undefined,
      auth_time: now,
      exp: now + Math.round(options.validityMs / 1000),
      iat: now,
      jti: randomUUID(),
      username: user.username,
    };
    user.issuedTokens.add(claims.jti);
    return this.sign(claims);
  }

  /** An opaque refresh token (real ones are encrypted JWTs) remembered for REFRESH_TOKEN_AUTH. */
  refreshTokenFor(pool: UserPool, client: AppClient, user: User): string {
    const token = `${randomString(40)}.${randomString(200)}.${randomString(22)}`;
    this.store.refreshTokens.set(token, { poolId: pool.id, clientId: client.id, username: user.username });
    return token;
  }

  /** Whom an access token authorises; NotAuthorizedException for any token that does not hold. */
  authorize(token: string): Principal {
    const faults = this.ctx.faults;
    const claims = this.read(token);
    if (claims === undefined) {
      if (faults.on(CognitoFault.AcceptsMalformedToken)) {
        const fallback = this.lastSignedInPrincipal();
        if (fallback !== undefined) return fallback;
      }
      throw notAuthorized('Invalid Access Token');
    }
    const pool = this.store.pools.get(claims.iss.slice(claims.iss.lastIndexOf('/') + 1));
    const user = pool?.users.get(claims.username);
    if (pool === undefined || user === undefined || issuerOf(pool) !== claims.iss || user.sub !== claims.sub) {
      throw notAuthorized('Invalid Access Token');
    }
    if (user.revokedTokens.has(claims.jti) && !faults.on(CognitoFault.AcceptsRevokedToken)) {
      throw notAuthorized('Access Token has been revoked');
    }
    if (!user.issuedTokens.has(claims.jti) && !user.revokedTokens.has(claims.jti)) throw notAuthorized('Invalid Access Token');
    if (this.nowSeconds() >= claims.exp && !faults.on(CognitoFault.AcceptsExpiredToken)) {
      throw notAuthorized('Access Token has expired');
    }
    const scopes = (claims.scope ?? '').split(' ');
    if (!scopes.includes(ADMIN_SCOPE) && !faults.on(CognitoFault.IgnoresAdminScope)) {
      throw notAuthorized('Access Token does not have required scopes');
    }
    return { pool, user, claims };
  }

  /** GlobalSignOut: every access token and refresh token the user holds stops working. */
  revokeAll(pool: UserPool, user: User): void {
    for (const jti of user.issuedTokens) user.revokedTokens.add(jti);
    user.issuedTokens.clear();
    for (const [token, grant] of this.store.refreshTokens) {
      if (grant.poolId === pool.id && grant.username === user.username) this.store.refreshTokens.delete(token);
    }
  }

  private nowSeconds(): number {
    return Math.floor(this.ctx.clock.now() / 1000);
  }

  private sign(payload: object): string {
    const head = Buffer.from(JSON.stringify(HEADER)).toString('base64url');
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${head}.${body}.${this.signature(`${head}.${body}`).toString('base64url')}`;
  }

  private signature(signingInput: string): Buffer {
    return createHmac('sha256', this.secret).update(signingInput).digest();
  }

  /** The claims of a well-formed access token signed by this emulator, else undefined. */
  private read(token: string): AccessTokenClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) return undefined;
    const [head, body, signature] = parts;
    const expected = this.signature(`${head}.${body}`);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    return isAccessTokenClaims(claims) ? claims : undefined;
  }

  private lastSignedInPrincipal(): Principal | undefined {
    const last = this.store.lastSignedIn;
    const pool = last === undefined ? undefined : this.store.pools.get(last.poolId);
    const user = last === undefined ? undefined : pool?.users.get(last.username);
    if (pool === undefined || user === undefined) return undefined;
    const now = this.nowSeconds();
    // No token was read: these claims only describe whom the fault lets through.
    const claims: AccessTokenClaims = {
      sub: user.sub,
      iss: issuerOf(pool),
      client_id: '',
      origin_jti: '',
      event_id: '',
      token_use: 'access',
      scope: ADMIN_SCOPE,
      auth_time: now,
      exp: now,
      iat: now,
      jti: '',
      username: user.username,
    };
    return { pool, user, claims };
  }
}
