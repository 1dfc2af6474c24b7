// Enum drift: values the installed SDK (the wire truth today) has that the documents do not, and
// the reverse. Drift is reported, never hidden: a difference nobody has explained fails a test.

export interface EnumPair {
  /** `<service>.<Enum>` */
  name: string;
  documented: readonly string[];
  sdk: Record<string, string>;
}

export interface Drift {
  name: string;
  /** In the SDK, not in the documents: AWS added them since the documents were written. */
  added: string[];
  /** In the documents, not in the SDK. */
  removed: string[];
}

export function enumDrift(pair: EnumPair): Drift {
  const sdkValues = Object.values(pair.sdk);
  return {
    name: pair.name,
    added: sdkValues.filter((v) => !pair.documented.includes(v)).sort(),
    removed: pair.documented.filter((v) => !sdkValues.includes(v)).sort(),
  };
}

export const hasDrift = (drift: Drift) => drift.added.length > 0 || drift.removed.length > 0;
