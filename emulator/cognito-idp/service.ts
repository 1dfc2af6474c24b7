// Cognito user pools (API 2016-04-18) as an emulated service: its faults, its pools, its
// awsJson1_1 binding, and the access-token minting the control plane offers to tests.
import { AwsError } from '../errors.ts';
import type { EmulatedService, ServiceContext } from '../service.ts';
import type { MintTokenRequest } from '../types.ts';
import { ADMIN_SCOPE, AccessTokens } from './access-tokens.ts';
import { createAuthOperations } from './auth-operations.ts';
import { internalError } from './errors.ts';
import { registerCognitoFaults } from './faults.ts';
import { createPoolOperations } from './pool-operations.ts';
import { CognitoStore } from './store.ts';
import { createUserOperations } from './user-operations.ts';
import { VerificationCodes } from './verification-codes.ts';

interface CognitoService extends EmulatedService {
  /** An access token for an existing user, signed like real ones; throws for an unknown pool, client or user. */
  mintAccessToken(request: MintTokenRequest): string;
}

export function createCognitoService(ctx: ServiceContext): CognitoService {
  registerCognitoFaults(ctx.faults);
  const store = new CognitoStore();
  const tokens = new AccessTokens(ctx, store);
  const codes = new VerificationCodes(ctx);
  return {
    name: 'cognito-idp',
    bindings: [
      {
        protocol: 'awsJson1_1',
        targetPrefix: 'AWSCognitoIdentityProviderService',
        operations: { ...createPoolOperations(ctx, store), ...createAuthOperations(store, tokens), ...createUserOperations(ctx, tokens, codes) },
        inputError: (message) => new AwsError('InvalidParameterException', message, 400),
        internalError,
      },
    ],
    reset: () => store.clear(),
    mintAccessToken(request) {
      const pool = store.pools.get(request.userPoolId);
      if (pool === undefined) throw new Error(`tokens.mint: no user pool ${request.userPoolId}`);
      const user = pool.users.get(request.username);
      if (user === undefined) throw new Error(`tokens.mint: no user ${request.username} in user pool ${pool.id}`);
      const clientId = request.clientId ?? pool.clients.keys().next().value;
      if (clientId === undefined) throw new Error(`tokens.mint: user pool ${pool.id} has no app client; create one or pass clientId`);
      const client = pool.clients.get(clientId);
      if (client === undefined) throw new Error(`tokens.mint: no app client ${clientId} in user pool ${pool.id}`);
      const validityMs = request.expiresInSeconds === undefined ? client.accessTokenValidityMs : request.expiresInSeconds * 1000;
      return tokens.mintAccess(pool, client.id, user, { scopes: request.scopes ?? [ADMIN_SCOPE], validityMs });
    },
  };
}
