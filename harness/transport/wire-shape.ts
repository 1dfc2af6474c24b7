// Whether a successful answer is recognisably the protocol's at all. The SDK parses leniently (an
// HTML page "parses" as XML with no fields), so without this a target answering garbage would be
// judged as breaking shape rules, when in truth it never gave an AWS answer to judge.
import type { RecordedResponse } from './exchange.ts';

export type WireProtocol = 'awsQuery' | 'awsJson1_1' | 'restJson1';

export function isProtocolAnswer(protocol: WireProtocol, operation: string, response: RecordedResponse): boolean {
  const body = response.body.trimStart();
  switch (protocol) {
    case 'awsQuery':
      return new RegExp(`^(<\\?xml[^>]*\\?>\\s*)?<${operation}Response[\\s>/]`).test(body);
    case 'awsJson1_1':
    case 'restJson1':
      if (body === '') return protocol === 'restJson1';
      try {
        const parsed = JSON.parse(body);
        return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
      } catch {
        return false;
      }
  }
}
