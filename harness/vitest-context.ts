// The typed seam between the CLI, the vitest workers and the reporter: the CLI provides the run's
// configuration (vitest's provide/inject); each property test returns its verdicts in its meta,
// and each service's suite says in its meta which service it is.
import type { ServiceName } from '../services/index.ts';
import type { ConformanceConfig } from './config.ts';
import type { PropertyOutcome } from './report/outcome.ts';

declare module 'vitest' {
  interface TaskMeta {
    /** A property's verdicts, for the reporter. */
    conformance?: PropertyOutcome;
    /** On a service's suite: which service its tests (and their failures before any verdict) belong to. */
    conformanceService?: ServiceName;
  }
  interface ProvidedContext {
    /** The CLI's configuration of the run (absent when vitest is run directly). */
    conformanceConfig: ConformanceConfig | undefined;
  }
}
