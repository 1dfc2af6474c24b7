// The replay path a finding prints must be one the CLI accepts back, in each of its forms, and
// one the run then reads back into the same parts (parsePath, which also knows the rule ids).
import { describe, expect, it } from 'vitest';
import { parsePath } from '../properties/shared/run-property.ts';
import { ConformanceConfig } from './config.ts';

const accepts = (path: string) => ConformanceConfig.safeParse({ path }).success;

describe('--path', () => {
  it('accepts every form a finding writes, and the run reads each back into its parts', () => {
    const forms: [string, ReturnType<typeof parsePath>][] = [
      ['4:3:0', { fcPath: '4:3:0', replayPath: undefined, without: [], tolerated: [] }],
      ['4:3:0@AAB', { fcPath: '4:3:0', replayPath: 'AAB', without: [], tolerated: [] }],
      ['4:3:0@AAB~GlobalSignOut,DeleteUserPool', { fcPath: '4:3:0', replayPath: 'AAB', without: ['GlobalSignOut', 'DeleteUserPool'], tolerated: [] }],
      // A finding found while earlier failures were tolerated names them, with or without a commands path.
      ['4:3:0^SES.GIVA.MAX_IDENTITIES', { fcPath: '4:3:0', replayPath: undefined, without: [], tolerated: ['SES.GIVA.MAX_IDENTITIES'] }],
      [
        '4:3:0@AAB~GlobalSignOut^COGNITO.AUTH.NO_IAM,COGNITO.ERRORS.DOCUMENTED',
        { fcPath: '4:3:0', replayPath: 'AAB', without: ['GlobalSignOut'], tolerated: ['COGNITO.AUTH.NO_IAM', 'COGNITO.ERRORS.DOCUMENTED'] },
      ],
    ];
    for (const [path, parts] of forms) {
      expect(accepts(path), path).toBe(true);
      expect(parsePath(path), path).toEqual(parts);
    }
  });

  it('refuses what no finding writes', () => {
    expect(accepts('seed 4')).toBe(false);
    expect(accepts('4:3:0^')).toBe(false);
    expect(accepts('4:3:0@AAB x')).toBe(false);
  });

  it('refuses, when the run reads it, a path naming a rule the catalog lacks', () => {
    // The flag's pattern cannot know the catalog: the run does, before anything is sent.
    expect(accepts('4:3:0^SES.NO_SUCH_RULE')).toBe(true);
    expect(() => parsePath('4:3:0^SES.NO_SUCH_RULE')).toThrow(/names SES\.NO_SUCH_RULE, which is no rule of the catalog/);
  });
});
