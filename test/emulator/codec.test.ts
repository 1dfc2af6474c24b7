// The shared pieces under the services: the awsQuery form decoder (lists, maps, nested
// structures), the XML writer, the credential scope reader and the token bucket.
import { describe, expect, it } from 'vitest';
import { readCallerScope } from '../../emulator/caller-scope.ts';
import { AwsError } from '../../emulator/errors.ts';
import { optional, required, shapes } from '../../emulator/protocols/input-shapes.ts';
import { buildFormTree, decodeInput } from '../../emulator/protocols/query-input.ts';
import { appendElement, escapeXml } from '../../emulator/protocols/xml.ts';
import { TokenBucket } from '../../emulator/token-bucket.ts';

const form = (body: string) => buildFormTree(new URLSearchParams(body));

function decodeError(run: () => unknown): AwsError {
  try {
    run();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('awsQuery form decoding', () => {
  const input = shapes.structure({
    Names: required(shapes.list(shapes.string())),
    Tags: optional(shapes.map(shapes.string())),
    Limit: optional(shapes.integer()),
    Enabled: optional(shapes.boolean()),
    Kind: optional(shapes.enum(['A', 'B'])),
    Nested: optional(
      shapes.structure({ Inner: required(shapes.list(shapes.structure({ Key: required(shapes.string()), Value: optional(shapes.string()) }))) }),
    ),
  });

  it('decodes .member.N lists in index order, .entry.N maps, scalars and nested structures', () => {
    const decoded = decodeInput(
      input,
      form(
        'Names.member.2=b&Names.member.1=a&Names.member.10=j&Tags.entry.1.key=k1&Tags.entry.1.value=v1&Tags.entry.2.key=k2&Tags.entry.2.value=' +
          '&Limit=-7&Enabled=true&Kind=B&Nested.Inner.member.1.Key=x&Nested.Inner.member.1.Value=y&Nested.Inner.member.2.Key=z&Ignored=1',
      ),
    );
    expect(decoded).toEqual({
      Names: ['a', 'b', 'j'],
      Tags: new Map([
        ['k1', 'v1'],
        ['k2', ''],
      ]),
      Limit: -7,
      Enabled: true,
      Kind: 'B',
      Nested: { Inner: [{ Key: 'x', Value: 'y' }, { Key: 'z' }] },
    });
  });

  it('reads `Name=` as an empty list or map, the way SDKs send them', () => {
    expect(decodeInput(input, form('Names=&Tags='))).toEqual({ Names: [], Tags: new Map() });
  });

  it('collects every problem into one ValidationError worded like AWS', () => {
    const error = decodeError(() => decodeInput(input, form('Limit=x&Enabled=yes&Kind=C&Tags.entry.1.key=k&Nested.Inner.member.1.Value=v')));
    expect(error.code).toBe('ValidationError');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^6 validation errors detected: /);
    expect(error.message).toContain("Value null at 'names' failed to satisfy constraint: Member must not be null");
    expect(error.message).toContain("Value 'x' at 'limit' failed to satisfy constraint: Member must be an integer");
    expect(error.message).toContain("Value 'C' at 'kind' failed to satisfy constraint: Member must satisfy enum value set: [A, B]");
    expect(error.message).toContain("at 'enabled'");
    expect(error.message).toContain('every map entry needs a key and a value');
    expect(error.message).toContain("Value null at 'nested.inner.1.member.key'");
  });

  it('keeps inherited property names inert', () => {
    expect(decodeInput(input, form('Names.member.1=a&__proto__.x=1&constructor=2'))).toEqual({ Names: ['a'] });
  });
});

describe('XML writer', () => {
  it('escapes text and replaces characters XML cannot carry', () => {
    expect(escapeXml('plain text, "quotes" and \'apostrophes\'')).toBe('plain text, "quotes" and \'apostrophes\'');
    expect(escapeXml('a<b>&c\r\u0000\u001f\uFFFE\uD800 😀')).toBe('a&lt;b&gt;&amp;c&#xD;\uFFFD\uFFFD\uFFFD\uFFFD 😀');
  });

  it('writes structures, lists, maps, numbers, booleans and timestamps; leaves out absent members', () => {
    const out: string[] = [];
    appendElement(out, 'Result', {
      Name: 'x&y',
      Count: 3,
      Ratio: 0.5,
      Flag: false,
      Missing: undefined,
      Nothing: null,
      At: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
      Items: ['a', 'b'],
      Empty: [],
      Attrs: new Map([['k<', { Status: 'Success' }]]),
    });
    expect(out.join('')).toBe(
      '<Result><Name>x&amp;y</Name><Count>3</Count><Ratio>0.5</Ratio><Flag>false</Flag><At>2024-01-02T03:04:05.000Z</At>' +
        '<Items><member>a</member><member>b</member></Items><Empty></Empty>' +
        '<Attrs><entry><key>k&lt;</key><value><Status>Success</Status></value></entry></Attrs></Result>',
    );
  });
});

describe('caller scope', () => {
  const url = new URL('http://localhost/');
  const withAuth = (authorization?: string) => new Request(url, { headers: authorization ? { authorization } : {} });

  it('reads account and region from the SigV4 credential scope', () => {
    expect(
      readCallerScope(withAuth('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/ap-south-1/ses/aws4_request, SignedHeaders=host, Signature=x'), url),
    ).toEqual({
      accessKeyId: 'AKIDEXAMPLE',
      account: '000000000000',
      region: 'ap-south-1',
      service: 'ses',
    });
    expect(readCallerScope(withAuth('AWS4-HMAC-SHA256 Credential=123456789012/20240101/us-west-2/email/aws4_request'), url)?.account).toBe('123456789012');
  });

  it('is undefined without credentials and defaults when they cannot be read', () => {
    expect(readCallerScope(withAuth(), url)).toBeUndefined();
    expect(readCallerScope(withAuth('Bearer nonsense'), url)).toEqual({ accessKeyId: '', account: '000000000000', region: 'us-east-1' });
  });

  it('reads a presigned URL credential', () => {
    const presigned = new URL('http://localhost/?X-Amz-Credential=AKID%2F20240101%2Feu-north-1%2Fses%2Faws4_request');
    expect(readCallerScope(new Request(presigned), presigned)?.region).toBe('eu-north-1');
  });
});

describe('token bucket', () => {
  it('admits one call per second at capacity 1, without banking more', () => {
    const bucket = new TokenBucket(1, 1, 0);
    expect(bucket.tryTake(0)).toBe(true);
    expect(bucket.tryTake(999)).toBe(false);
    expect(bucket.tryTake(1000)).toBe(true);
    expect(bucket.tryTake(1000)).toBe(false);
    expect(bucket.tryTake(100_000)).toBe(true);
    expect(bucket.tryTake(100_000)).toBe(false);
    expect(bucket.tryTake(99_000)).toBe(false); // time going backwards refills nothing
  });
});
