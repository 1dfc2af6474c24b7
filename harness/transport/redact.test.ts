import { describe, expect, it } from 'vitest';
import { awsCliCall } from '../../properties/shared/aws-cli.ts';
import { isSecretName, REDACTED, redactBody, redactHeaders } from './redact.ts';

describe('redaction at the source', () => {
  it('drops the key id and signature of an Authorization header, keeping its scope', () => {
    const headers = redactHeaders({
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIAREALKEY/20261125/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=abc123',
      'x-amz-security-token': 'FwoGZXIvYXdzE',
      'content-type': 'application/json',
    });
    expect(headers.authorization).toBe(`AWS4-HMAC-SHA256 Credential=${REDACTED}/20261125/us-east-1/ses/aws4_request, Signature=${REDACTED}`);
    expect(headers['x-amz-security-token']).toBe(REDACTED);
    expect(headers['content-type']).toBe('application/json');
  });

  it('redacts tokens, secrets, passwords and private keys in JSON, form and XML bodies', () => {
    const json = redactBody(
      JSON.stringify({ AccessToken: 'eyJ.a.b', AttributeName: 'email', Nested: [{ ClientSecret: 's', PrivateKey: 'k', Password: 'p' }] }),
      'application/x-amz-json-1.1',
    );
    expect(json).not.toMatch(/eyJ|"s"|"k"|"p"/);
    expect(JSON.parse(json).AttributeName).toBe('email');
    const form = redactBody('Action=AssumeRole&Password=hunter2&Identities.member.1=a%40b.c', 'application/x-www-form-urlencoded');
    expect(form).toContain(`Password=${encodeURIComponent(REDACTED)}`);
    expect(form).toContain('Identities.member.1=a%40b.c');
    const xml = redactBody(
      '<Credentials><AccessKeyId>AKIA1</AccessKeyId><SecretAccessKey>wJal</SecretAccessKey><SessionToken>Fwo</SessionToken></Credentials>',
      'text/xml',
    );
    expect(xml).not.toMatch(/AKIA1|wJal|Fwo/);
  });

  it('redacts secret values, never whole structures whose name mentions a password', () => {
    const body = JSON.parse(
      redactBody(
        JSON.stringify({ passwordPolicy: { minimumLength: 8 }, forgotPassword: { deliveryMethod: 'SMS' }, Password: 'hunter2', TemporaryPassword: null }),
        'application/json',
      ),
    );
    expect(body).toEqual({ passwordPolicy: { minimumLength: 8 }, forgotPassword: { deliveryMethod: 'SMS' }, Password: REDACTED, TemporaryPassword: REDACTED });
    expect(
      awsCliCall('amplifybackend', 'CreateBackendAuth', { ResourceConfig: { PasswordPolicy: { MinimumLength: 8 }, Facebook: { ClientSecret: 's3cr3t' } } }),
    ).toBe(`aws amplifybackend create-backend-auth --resource-config '{"PasswordPolicy":{"MinimumLength":8},"Facebook":{"ClientSecret":"${REDACTED}"}}'`);
  });

  it('keeps what findings need: verification and paging tokens are not secrets', () => {
    for (const name of ['VerificationToken', 'NextToken', 'Identities', 'DkimTokens']) expect(isSecretName(name), name).toBe(false);
    for (const name of [
      'AccessToken',
      'ClientSecret',
      'SecretAccessKey',
      'AccessKeyId',
      'PrivateKey',
      'TemporaryPassword',
      'x-amz-security-token',
      'RefreshToken',
    ])
      expect(isSecretName(name), name).toBe(true);
  });

  it('prints AWS CLI calls with secrets redacted and values shell-quoted', () => {
    expect(awsCliCall('ses', 'GetIdentityVerificationAttributes', { Identities: ['a@example.com', "o'neil.example.com"] }, ' --region us-east-1')).toBe(
      "aws ses get-identity-verification-attributes --identities a@example.com 'o'\\''neil.example.com' --region us-east-1",
    );
    expect(awsCliCall('cognito-idp', 'GetUserAttributeVerificationCode', { AccessToken: 'eyJ.secret', AttributeName: 'email' })).toBe(
      `aws cognito-idp get-user-attribute-verification-code --access-token ${REDACTED} --attribute-name email`,
    );
  });
});
