// The replay path a finding prints must be one the CLI accepts back, in each of its forms.
import { describe, expect, it } from 'vitest';
import { ConformanceConfig } from './config.ts';

const accepts = (path: string) => ConformanceConfig.safeParse({ path }).success;

describe('--path', () => {
  it('accepts every form a finding writes', () => {
    expect(accepts('4:3:0')).toBe(true);
    expect(accepts('4:3:0@AAB')).toBe(true);
    expect(accepts('4:3:0@AAB~GlobalSignOut,DeleteUserPool')).toBe(true);
    // A finding found while earlier failures were tolerated names them, with or without a commands path.
    expect(accepts('4:3:0^SES.GIVA.MAX_IDENTITIES')).toBe(true);
    expect(accepts('4:3:0@AAB~GlobalSignOut^COGNITO.AUTH.NO_IAM,COGNITO.ERRORS.DOCUMENTED')).toBe(true);
  });

  it('refuses what no finding writes', () => {
    expect(accepts('seed 4')).toBe(false);
    expect(accepts('4:3:0^')).toBe(false);
    expect(accepts('4:3:0@AAB x')).toBe(false);
  });
});
