import { describe, expect, it } from 'vitest';
import { quotaOf } from '../../spec/aws-rates.ts';
import { MessageBudget, QuotaRefusal } from './message-budget.ts';

describe('message budget', () => {
  it("refuses the message past a kind's daily quota, and counts only what AWS accepted", () => {
    const perDay = quotaOf('cognito-idp', 'email')!.perDay!;
    const budget = new MessageBudget(() => 0);
    for (let i = 0; i < perDay; i++) {
      const message = [{ channel: 'email' as const, to: `user${i}@sandbox.example.org` }];
      budget.admit('cognito-idp', 'UpdateUserAttributesCommand', message);
      budget.record('cognito-idp', message);
    }
    const next = [{ channel: 'email' as const, to: 'another@sandbox.example.org' }];
    expect(() => budget.admit('cognito-idp', 'UpdateUserAttributesCommand', next)).toThrow(QuotaRefusal);
    expect(() => budget.admit('cognito-idp', 'UpdateUserAttributesCommand', next)).toThrow(/allows a day \(50, https:\/\/docs\.aws\.amazon\.com\//);
    expect(budget.sent.get('cognito-idp email')).toBe(perDay);
    // One command's messages count together: two at one short of the quota are refused.
    const nearly = new MessageBudget(() => 0);
    nearly.record(
      'cognito-idp',
      Array.from({ length: perDay - 1 }, (_, i) => ({ channel: 'email' as const, to: `u${i}@sandbox.example.org` })),
    );
    const two = [
      { channel: 'email' as const, to: 'a@sandbox.example.org' },
      { channel: 'email' as const, to: 'b@sandbox.example.org' },
    ];
    expect(() => nearly.admit('cognito-idp', 'AdminUpdateUserAttributesCommand', two)).toThrow(QuotaRefusal);
    expect(() => nearly.admit('cognito-idp', 'AdminUpdateUserAttributesCommand', two.slice(1))).not.toThrow();
    // Another kind has its own quota; a kind AWS sets none for is only counted.
    expect(() => budget.admit('ses', 'VerifyEmailIdentityCommand', next)).not.toThrow();
    expect(() => budget.admit('lightsail', 'CreateContactMethodCommand', next)).not.toThrow();
  });

  it('refuses a message to one recipient past its per-destination quota until the window has passed', () => {
    const { count, windowMs } = quotaOf('cognito-idp', 'email')!.perDestination!;
    let now = 0;
    const budget = new MessageBudget(() => now);
    const toOne = [{ channel: 'email' as const, to: 'the user of access token T' }];
    for (let i = 0; i < count; i++) {
      budget.admit('cognito-idp', 'GetUserAttributeVerificationCodeCommand', toOne);
      budget.record('cognito-idp', toOne);
    }
    let refusal: unknown;
    try {
      budget.admit('cognito-idp', 'GetUserAttributeVerificationCodeCommand', toOne);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(QuotaRefusal);
    expect((refusal as QuotaRefusal).scope).toBe('destination');
    // Never the recipient in the words: an access token stands for it.
    expect((refusal as QuotaRefusal).message).not.toContain('token T');
    budget.admit('cognito-idp', 'GetUserAttributeVerificationCodeCommand', [{ channel: 'email', to: 'someone else' }]);
    now += windowMs + 1;
    expect(() => budget.admit('cognito-idp', 'GetUserAttributeVerificationCodeCommand', toOne)).not.toThrow();
  });
});
