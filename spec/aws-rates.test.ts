import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceName } from '../services/index.ts';
import { API_RATES, type ApiRate, intervalOf, MESSAGE_QUOTAS, type MessageChannel, quotaOf, rateOf } from './aws-rates.ts';

/** The SDK package of each service. */
const PACKAGES: Record<string, ServiceName | 'sts'> = {
  ses: 'ses',
  'pinpoint-email': 'pinpoint-email',
  lightsail: 'lightsail',
  'cognito-identity-provider': 'cognito-idp',
  amplifybackend: 'amplifybackend',
  sts: 'sts',
};

const ROOT = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => join(ROOT, dir, file));
}

/** Every `XCommand` the non-test code under properties/, harness/ and services/ imports, with its service. */
function importedCommands(): { service: ServiceName | 'sts'; operation: string; file: string }[] {
  const found: { service: ServiceName | 'sts'; operation: string; file: string }[] = [];
  for (const file of ['properties', 'harness', 'services'].flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*'@aws-sdk\/client-([a-z-]+)'/g)) {
      const service = PACKAGES[match[2]!];
      if (!service) continue;
      for (const name of match[1]!.split(',').map((part) => part.trim().replace(/^type\s+/, ''))) {
        if (name.endsWith('Command')) found.push({ service, operation: name.slice(0, -'Command'.length), file });
      }
    }
  }
  return found;
}

/** Whether a quote states the number n (1 may be written out, as SES's pages do). */
function states(quote: string, n: number): boolean {
  if (n === 1 && /once per second|one request per second/.test(quote)) return true;
  return new RegExp(`(^|[^\\d.])${String(n).replace('.', '\\.')}(?!\\d|\\.\\d)`).test(quote.replaceAll(/(?<=\d),(?=\d{3})/g, ''));
}

const OFFICIAL = /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\/\S+$/;

describe('API_RATES', () => {
  it('gives every command the harness code imports a rate', () => {
    const commands = importedCommands();
    expect(commands.length).toBeGreaterThan(20);
    for (const { service, operation, file } of commands) {
      expect(() => rateOf(service, operation), `${service}:${operation} (${file})`).not.toThrow();
      expect(rateOf(service, operation).service, `${service}:${operation}`).toBe(service);
    }
  });

  it('refuses an operation no row lists', () => {
    expect(() => rateOf('ses', 'SendEmail')).toThrow(/ses:SendEmail/);
    expect(() => rateOf('sts', 'AssumeRole')).toThrow(/sts:AssumeRole/);
  });

  it('has unique keys, each prefixed with its service', () => {
    const keys = API_RATES.map((rate) => rate.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rate of API_RATES) expect(rate.key.startsWith(`${rate.service}:`), rate.key).toBe(true);
  });

  it('lists no operation in two rows of one service', () => {
    const seen = new Map<string, string>();
    for (const rate of API_RATES) {
      expect(rate.operations.length, rate.key).toBeGreaterThan(0);
      for (const operation of rate.operations) {
        const id = `${rate.service}:${operation}`;
        expect(seen.get(id), `${id} in ${seen.get(id)} and ${rate.key}`).toBeUndefined();
        seen.set(id, rate.key);
      }
    }
  });

  it('keeps positive, finite rates', () => {
    for (const rate of API_RATES) expect(Number.isFinite(rate.perSecond) && rate.perSecond > 0, rate.key).toBe(true);
  });

  it('cites public AWS pages; documented rows quote the number they keep, assumptions say why', () => {
    for (const rate of API_RATES) {
      const { source } = rate;
      expect(source.url, rate.key).toMatch(OFFICIAL);
      if (source.basis === 'documented') {
        expect(source.quote.trim(), rate.key).not.toBe('');
        expect(states(source.quote, rate.perSecond), `${rate.key}: "${source.quote}" does not state ${rate.perSecond}`).toBe(true);
      } else {
        expect(source.why?.trim(), rate.key).toBeTruthy();
      }
    }
  });

  it('keeps the documented once-per-second of every SES v1 operation', () => {
    const ses = importedCommands().filter((command) => command.service === 'ses');
    expect(ses.length).toBeGreaterThanOrEqual(5);
    for (const { operation } of ses) expect(rateOf('ses', operation).perSecond, operation).toBe(1);
  });
});

describe('intervalOf', () => {
  const at = (perSecond: number): ApiRate => ({ ...API_RATES[0]!, perSecond });

  it('is ceil(1000 / perSecond)', () => {
    expect(intervalOf(at(1))).toBe(1000);
    expect(intervalOf(at(15))).toBe(67);
    expect(intervalOf(at(3))).toBe(334);
    expect(intervalOf(at(0.5))).toBe(2000);
    for (const rate of API_RATES) expect(intervalOf(rate), rate.key).toBe(Math.ceil(1000 / rate.perSecond));
  });
});

describe('MESSAGE_QUOTAS', () => {
  const expected: [ServiceName, MessageChannel][] = [
    ['ses', 'email'],
    ['pinpoint-email', 'email'],
    ['cognito-idp', 'email'],
    ['cognito-idp', 'sms'],
  ];

  it('has one quota for each service and channel whose messages AWS limits', () => {
    for (const [service, channel] of expected) expect(quotaOf(service, channel), `${service} ${channel}`).toBeDefined();
    const pairs = MESSAGE_QUOTAS.map((quota) => `${quota.service} ${quota.channel}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(quotaOf('amplifybackend', 'email')).toBeUndefined();
    // Lightsail documents no limit: its messages are counted in a run's budget, not refused.
    expect(quotaOf('lightsail', 'email')).toBeUndefined();
  });

  it('bounds each with a positive whole count', () => {
    for (const quota of MESSAGE_QUOTAS) {
      const name = `${quota.service} ${quota.channel}`;
      expect(quota.perDay !== undefined || quota.perDestination !== undefined, name).toBe(true);
      if (quota.perDay !== undefined) expect(Number.isInteger(quota.perDay) && quota.perDay > 0, name).toBe(true);
      if (quota.perDestination) {
        expect(Number.isInteger(quota.perDestination.count) && quota.perDestination.count > 0, name).toBe(true);
        expect(quota.perDestination.windowMs > 0, name).toBe(true);
      }
    }
  });

  it('cites public AWS pages; documented quotas quote their numbers, assumptions say why', () => {
    for (const quota of MESSAGE_QUOTAS) {
      const name = `${quota.service} ${quota.channel}`;
      expect(quota.source.url, name).toMatch(OFFICIAL);
      if (quota.source.basis === 'documented') {
        if (quota.perDay !== undefined) expect(states(quota.source.quote, quota.perDay), `${name}: perDay ${quota.perDay}`).toBe(true);
        if (quota.perDestination) expect(states(quota.source.quote, quota.perDestination.count), `${name}: per destination`).toBe(true);
      } else {
        expect(quota.source.why?.trim(), name).toBeTruthy();
      }
    }
  });

  it("keeps Cognito's documented 50 default-sender mails a day", () => {
    expect(quotaOf('cognito-idp', 'email')?.perDay).toBe(50);
  });

  it("keeps the SES and Pinpoint Email mail together within SES's sandbox quota of 200 a day", () => {
    expect((quotaOf('ses', 'email')?.perDay ?? Infinity) + (quotaOf('pinpoint-email', 'email')?.perDay ?? Infinity)).toBeLessThanOrEqual(200);
  });
});

describe('states', () => {
  it('finds a number only as a whole number', () => {
    expect(states('a combined quota of 50 RPS', 50)).toBe(true);
    expect(states('a combined quota of 150 RPS', 50)).toBe(false);
    expect(states('up to 10 read operations', 1)).toBe(false);
    expect(states('You can execute this operation no more than once per second.', 1)).toBe(true);
    expect(states('Users per user pool | 40,000,000', 40_000_000)).toBe(true);
    expect(states('up to 50, combined', 50)).toBe(true);
    expect(states('about 1.5 per second', 1)).toBe(false);
  });
});
