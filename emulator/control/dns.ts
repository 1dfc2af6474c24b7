// The emulator's DNS: records the harness publishes so that domain verification can find them.
// Names compare case-insensitively and without a trailing dot; a TXT value may be given quoted.
import type { DnsRecord } from '../types.ts';
import type { Clock } from './clock.ts';

interface PublishedRecord {
  /** The value as a resolver would hand it over (TXT quotes removed). */
  value: string;
  /** Virtual time of publication: a record only counts for windows it was published in. */
  publishedAt: number;
}

export interface Dns {
  publish(record: DnsRecord): void;
  remove(record: DnsRecord): void;
  list(): DnsRecord[];
  lookup(name: string, type: DnsRecord['type']): PublishedRecord[];
  /** Called after each publication that changed the zone, so services can react at once. */
  onPublish(listener: (record: DnsRecord) => void): void;
  clear(): void;
}

interface StoredRecord {
  record: DnsRecord;
  name: string;
  value: string;
  publishedAt: number;
}

export function normalizeDnsName(name: string): string {
  return name.trim().replace(/\.$/, '').toLowerCase();
}

function resolvedValue(record: DnsRecord): string {
  const value = record.value.trim();
  return record.type === 'TXT' && value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/** Throws TypeError for anything that is not a DnsRecord; the HTTP route turns that into a 400. */
export function assertDnsRecord(candidate: unknown): asserts candidate is DnsRecord {
  if (typeof candidate !== 'object' || candidate === null) throw new TypeError('a DNS record is an object {name, type, value}');
  const r: { [K in keyof DnsRecord]?: unknown } = candidate;
  if (typeof r.name !== 'string' || normalizeDnsName(r.name) === '') throw new TypeError('DNS record name must be a non-empty string');
  if (r.type !== 'TXT' && r.type !== 'CNAME') throw new TypeError("DNS record type must be 'TXT' or 'CNAME'");
  if (typeof r.value !== 'string') throw new TypeError('DNS record value must be a string');
}

export function createDns(clock: Clock): Dns {
  let records: StoredRecord[] = [];
  const listeners: Array<(record: DnsRecord) => void> = [];
  const indexOf = (name: string, type: string, value: string) => records.findIndex((r) => r.name === name && r.record.type === type && r.value === value);

  return {
    publish(record) {
      assertDnsRecord(record);
      const stored: StoredRecord = {
        record: { name: record.name, type: record.type, value: record.value },
        name: normalizeDnsName(record.name),
        value: resolvedValue(record),
        publishedAt: clock.now(),
      };
      // Publishing the same record twice keeps the first publication time.
      if (indexOf(stored.name, record.type, stored.value) !== -1) return;
      records.push(stored);
      for (const listener of listeners) listener({ ...stored.record });
    },
    remove(record) {
      assertDnsRecord(record);
      const at = indexOf(normalizeDnsName(record.name), record.type, resolvedValue(record));
      if (at !== -1) records.splice(at, 1);
    },
    list: () => records.map((r) => ({ ...r.record })),
    lookup(name, type) {
      const wanted = normalizeDnsName(name);
      return records.filter((r) => r.name === wanted && r.record.type === type).map((r) => ({ value: r.value, publishedAt: r.publishedAt }));
    },
    onPublish(listener) {
      listeners.push(listener);
    },
    clear() {
      records = [];
    },
  };
}
