// The raw HTTP exchanges of a run, kept in a ring buffer so a finding can show the exact
// request and answer of its failing step. Recorded redacted, decoded once.
import { redactBody, redactHeaders } from './redact.ts';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}
export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}
export interface Exchange {
  at: string;
  durationMs: number;
  request: RecordedRequest;
  response?: RecordedResponse;
  /** Set when no answer came: a timeout, a refused or dropped connection. */
  error?: string;
}

const decoder = new TextDecoder();
const MAX_BODY = 64 * 1024;

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  const text = typeof body === 'string' ? body : body instanceof Uint8Array ? decoder.decode(body) : String(body);
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}… [${text.length - MAX_BODY} more characters]` : text;
}

export function recordRequest(method: string, url: string, headers: Record<string, string>, body: unknown): RecordedRequest {
  const contentType = headers['content-type'] ?? headers['Content-Type'] ?? '';
  return { method, url, headers: redactHeaders(headers), body: redactBody(bodyText(body), contentType) };
}

export function recordResponse(status: number, headers: Record<string, string>, body: unknown): RecordedResponse {
  return { status, headers: redactHeaders(headers), body: redactBody(bodyText(body), headers['content-type'] ?? '') };
}

export class ExchangeRecorder {
  private readonly ring: Exchange[] = [];
  private total = 0;

  constructor(private readonly capacity = 64) {}

  record(exchange: Exchange): void {
    this.ring[this.total % this.capacity] = exchange;
    this.total += 1;
  }

  /** A position to read from later with `since`. */
  mark(): number {
    return this.total;
  }

  /** The exchanges recorded after `mark` (the oldest may have left the ring). */
  since(mark: number): Exchange[] {
    const from = Math.max(mark, this.total - this.capacity);
    const out: Exchange[] = [];
    for (let i = from; i < this.total; i++) out.push(this.ring[i % this.capacity]);
    return out;
  }
}
