// moto in server mode (pypi moto[server]; facts from moto 5.2.5's source, cited by path under
// site-packages/moto). What it offers out of band, and what it does not:
// - POST /moto-api/reset empties every backend (moto_api/_internal/responses.py:13-24) and
//   POST /moto-api/seed?a=N seeds the one random source its ids come from (responses.py:146-152;
//   SES message ids, Cognito pool, client and user ids, codes, request ids). Both are global to the
//   server, so the harness does them once, before a run, never between the runs of one service while
//   another service's run may be using the server.
// - No clock to move and no DNS: SES identities are created with status SUCCESS at once
//   (ses/models.py:306), nothing is Pending, no verification mail is sent (ses/models.py:415-427).
// - Its inbox: the mail its SES sent, in GET /moto-api/data.json as ses.Message records (id,
//   source, subject, body, destinations; ses/models.py:83-87), in the order sent, kept until a
//   reset (core/model_instances.py). A verification mail it sent would be there; it sends none.
//   It has no Cognito codes to read: GetUserAttributeVerificationCode is not implemented.
// - No registered state-manager model governs an SES or Cognito status (moto_api/__init__.py:12-77).
// - An action it lacks raises NotImplementedError, which its server answers with a bare HTTP 500
//   page; the words "The <action> action has not been implemented" reach only its log
//   (core/responses.py:483). When the harness started it, the log is in its working directory.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { manualReplay } from '../replay-lines.ts';
import { EMULATOR_LOG } from '../managed/process.ts';
import type { AdapterFactory } from './adapter.ts';
import { newestMailIn, recipientsOf } from './sent-mail.ts';

const Addresses = z.array(z.string()).nullish();
/** What GET /moto-api/data.json answers, as far as the adapter reads it: SES's sent messages (other services, other models ignored). */
const ModelData = z.object({
  ses: z
    .object({
      Message: z
        .array(
          z.object({
            subject: z.string().nullish(),
            body: z.string().nullish(),
            destinations: z.object({ ToAddresses: Addresses, CcAddresses: Addresses, BccAddresses: Addresses }).nullish(),
          }),
        )
        .optional(),
    })
    .optional(),
});

/** moto's name for an action (core/utils.py camelcase_to_underscores): GetUserAttributeVerificationCode → get_user_attribute_verification_code. */
const snakeCase = (operation: string) =>
  operation
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();

/** How long after its 500 answer moto's log may take to name the action: Werkzeug logs the exception after it has answered. */
const LOG_TOLERANCE_MS = 2_000;

/** moto's log line for an action it lacks (moto writes its log straight into the file: managed/process.ts). */
async function saidNotImplemented(logFile: string, operation: string): Promise<string | undefined> {
  const line = `NotImplementedError: The ${snakeCase(operation)} action has not been implemented`;
  for (const deadline = Date.now() + LOG_TOLERANCE_MS; ; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (existsSync(logFile) && readFileSync(logFile, 'utf8').includes(line)) return line;
    if (Date.now() > deadline) return undefined;
  }
}

export const motoAdapter: AdapterFactory = async (baseUrl, { timeoutMs, workDir, version, seed }) => {
  const api = (path: string) => `${baseUrl.replace(/\/$/, '')}/moto-api/${path}`;
  const post = async (path: string) => {
    const response = await fetch(api(path), { method: 'POST', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`POST /moto-api/${path} answered HTTP ${response.status}: is this moto?`);
  };
  const logFile = workDir && join(workDir, EMULATOR_LOG);
  return {
    name: 'moto',
    version,
    capabilities: ['inbox', 'throttle-probe'],
    now: () => Date.now(),
    oob: {
      latestMessage: async (to) => {
        return newestMailIn(api('data.json'), { schema: ModelData, emulator: 'moto', timeoutMs }, to, (data) =>
          (data.ses?.Message ?? []).map((mail) => ({
            recipients: recipientsOf({ to: mail.destinations?.ToAddresses, cc: mail.destinations?.CcAddresses, bcc: mail.destinations?.BccAddresses }),
            subject: mail.subject ?? '',
            body: mail.body ?? '',
          })),
        );
      },
      replay: { ...manualReplay, readInbox: (to) => `curl -s ${api('data.json')}  # ses.Message, mails to ${to}` },
      ...(logFile && { explainServerError: (operation: string) => saidNotImplemented(logFile, operation) }),
    },
    prepare: async () => {
      await post('reset');
      if (seed !== undefined) await post(`seed?a=${seed}`);
    },
  };
};
