// Token minting for tests (capability `token-minting`): an access token for an existing Cognito
// user with chosen scopes and validity, in process (`control.tokens.mint`) and over HTTP
// (`POST /_emulator/tokens` → `{ "accessToken": "..." }`, 400 on bad input).
import { isPlainObject } from '../protocols/json-body.ts';
import { jsonResponse } from '../router.ts';
import type { EmulatorControl, MintTokenRequest } from '../types.ts';

/** Throws TypeError for anything that is not a MintTokenRequest. */
export function assertMintRequest(candidate: unknown): asserts candidate is MintTokenRequest {
  if (!isPlainObject(candidate)) throw new TypeError('a mint request is an object {userPoolId, username, clientId?, scopes?, expiresInSeconds?}');
  const r = candidate;
  if (typeof r.userPoolId !== 'string' || r.userPoolId === '') throw new TypeError('userPoolId must be a non-empty string');
  if (typeof r.username !== 'string' || r.username === '') throw new TypeError('username must be a non-empty string');
  if (r.clientId !== undefined && typeof r.clientId !== 'string') throw new TypeError('clientId must be a string');
  if (r.scopes !== undefined && !isScopeList(r.scopes)) {
    throw new TypeError('scopes must be an array of non-empty strings without spaces');
  }
  if (r.expiresInSeconds !== undefined && !(typeof r.expiresInSeconds === 'number' && Number.isFinite(r.expiresInSeconds))) {
    throw new TypeError('expiresInSeconds must be a finite number (0 or less mints an expired token)');
  }
}

function isScopeList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  const scopes: readonly unknown[] = value;
  return scopes.every((s) => typeof s === 'string' && !/\s/.test(s) && s !== '');
}

/** The POST /_emulator/tokens route: every refusal (bad JSON, unknown pool or user) is a 400. */
export async function mintTokenRoute(control: EmulatorControl, request: Request): Promise<Response> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return jsonResponse(400, { error: 'BadRequest', message: 'the body must be JSON' });
  }
  try {
    assertMintRequest(body); // mint checks it too; this gives the body its type here
    return jsonResponse(200, { accessToken: control.tokens.mint(body) });
  } catch (error) {
    return jsonResponse(400, { error: 'BadRequest', message: error instanceof Error ? error.message : String(error) });
  }
}
