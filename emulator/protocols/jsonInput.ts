// awsJson input: each operation declares its input as a small shape carrying the model's
// constraints (lengths, patterns, ranges, enums), and the parsed JSON body is checked against it.
// Every problem is collected and worded the way AWS words validation errors; the service decides
// which error code carries them (Lightsail: InvalidInputException, Cognito: InvalidParameterException).

export interface JsonStringShape { readonly kind: 'string'; readonly min?: number; readonly max?: number; readonly pattern?: RegExp }
export interface JsonEnumShape<V extends string = string> { readonly kind: 'enum'; readonly values: readonly V[] }
export interface JsonIntegerShape { readonly kind: 'integer'; readonly min?: number; readonly max?: number }
export interface JsonBooleanShape { readonly kind: 'boolean' }
export interface JsonListShape<E extends JsonShape = JsonShape> { readonly kind: 'list'; readonly member: E; readonly max?: number }
export interface JsonMapShape<V extends JsonShape = JsonShape> { readonly kind: 'map'; readonly value: V }
export interface JsonStructureShape<M extends JsonMembers = JsonMembers> { readonly kind: 'structure'; readonly members: M }
export type JsonShape = JsonStringShape | JsonEnumShape | JsonIntegerShape | JsonBooleanShape | JsonListShape | JsonMapShape | JsonStructureShape;

export interface JsonMember<S extends JsonShape = JsonShape, Required extends boolean = boolean> {
  readonly shape: S;
  readonly required: Required;
}
export type JsonMembers = { readonly [name: string]: JsonMember };

/** The decoded TypeScript type of a shape. */
export type JsonInfer<S> = S extends JsonStringShape
  ? string
  : S extends JsonEnumShape<infer V>
    ? V
    : S extends JsonIntegerShape
      ? number
      : S extends JsonBooleanShape
        ? boolean
        : S extends JsonListShape<infer E>
          ? JsonInfer<E>[]
          : S extends JsonMapShape<infer V>
            ? Record<string, JsonInfer<V>>
            : S extends JsonStructureShape<infer M>
              ? JsonInferMembers<M>
              : never;
type JsonInferMembers<M extends JsonMembers> = {
  -readonly [K in keyof M as M[K]['required'] extends true ? K : never]: JsonInfer<M[K]['shape']>;
} & {
  -readonly [K in keyof M as M[K]['required'] extends true ? never : K]?: JsonInfer<M[K]['shape']>;
};

export const json = {
  string: (constraints: { min?: number; max?: number; pattern?: RegExp } = {}): JsonStringShape => ({ kind: 'string', ...constraints }),
  enum: <const V extends string>(values: readonly V[]): JsonEnumShape<V> => ({ kind: 'enum', values }),
  integer: (constraints: { min?: number; max?: number } = {}): JsonIntegerShape => ({ kind: 'integer', ...constraints }),
  boolean: (): JsonBooleanShape => ({ kind: 'boolean' }),
  list: <E extends JsonShape>(member: E, constraints: { max?: number } = {}): JsonListShape<E> => ({ kind: 'list', member, ...constraints }),
  map: <V extends JsonShape>(value: V): JsonMapShape<V> => ({ kind: 'map', value }),
  structure: <M extends JsonMembers>(members: M): JsonStructureShape<M> => ({ kind: 'structure', members }),
};
export const required = <S extends JsonShape>(shape: S): JsonMember<S, true> => ({ shape, required: true });
export const optional = <S extends JsonShape>(shape: S): JsonMember<S, false> => ({ shape, required: false });

/** The AWS wording of a list of problems, e.g. "1 validation error detected: Value ... at 'x' ...". */
export function validationMessage(problems: readonly string[]): string {
  const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
  return `${count}: ${problems.join('; ')}`;
}

/** Checks a parsed JSON body; returns the decoded input or the problems found. */
export function decodeJsonInput<M extends JsonMembers>(
  shape: JsonStructureShape<M>,
  body: unknown,
): { ok: true; input: JsonInferMembers<M> } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const decoded = decodeValue(shape, body, '', problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input: decoded as JsonInferMembers<M> };
}

function memberPath(parent: string, name: string): string {
  const camel = name.charAt(0).toLowerCase() + name.slice(1);
  return parent === '' ? camel : `${parent}.${camel}`;
}

/** Sensitive values (passwords, tokens) are never echoed: only a prefix of a value is quoted. */
function quoted(value: string): string {
  return value.length > 32 ? `'${value.slice(0, 32)}...'` : `'${value}'`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeValue(shape: JsonShape, value: unknown, path: string, problems: string[]): unknown {
  const at = path === '' ? 'the request body' : `'${path}'`;
  switch (shape.kind) {
    case 'string': {
      if (typeof value !== 'string') return wrongType(problems, at, 'a string');
      const length = [...value].length;
      if (shape.min !== undefined && length < shape.min) {
        problems.push(`Value ${quoted(value)} at ${at} failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`);
      } else if (shape.max !== undefined && length > shape.max) {
        problems.push(`Value at ${at} failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
      } else if (shape.pattern !== undefined && !shape.pattern.test(value)) {
        problems.push(`Value at ${at} failed to satisfy constraint: Member must satisfy regular expression pattern: ${shape.pattern.source}`);
      }
      return value;
    }
    case 'enum':
      if (typeof value !== 'string') return wrongType(problems, at, 'a string');
      if (!shape.values.includes(value)) {
        problems.push(`Value ${quoted(value)} at ${at} failed to satisfy constraint: Member must satisfy enum value set: [${shape.values.join(', ')}]`);
      }
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > 2 ** 31 - 1) return wrongType(problems, at, 'an integer');
      if (shape.min !== undefined && value < shape.min) {
        problems.push(`Value '${value}' at ${at} failed to satisfy constraint: Member must have value greater than or equal to ${shape.min}`);
      } else if (shape.max !== undefined && value > shape.max) {
        problems.push(`Value '${value}' at ${at} failed to satisfy constraint: Member must have value less than or equal to ${shape.max}`);
      }
      return value;
    case 'boolean':
      return typeof value === 'boolean' ? value : wrongType(problems, at, 'a boolean');
    case 'list':
      if (!Array.isArray(value)) return wrongType(problems, at, 'a list');
      if (shape.max !== undefined && value.length > shape.max) {
        problems.push(`Value at ${at} failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
      }
      return value.map((item, i) => decodeValue(shape.member, item, `${path}.${i + 1}.member`, problems));
    case 'map': {
      if (!isPlainObject(value)) return wrongType(problems, at, 'a map');
      const decoded: Record<string, unknown> = Object.create(null);
      for (const [key, item] of Object.entries(value)) decoded[key] = decodeValue(shape.value, item, `${path}.${key}`, problems);
      return decoded;
    }
    case 'structure': {
      if (!isPlainObject(value)) return wrongType(problems, at, 'a structure');
      const decoded: Record<string, unknown> = {};
      for (const name in shape.members) {
        const member = shape.members[name]!;
        const child = memberPath(path, name);
        // JSON null means absent, as the SDKs and AWS treat it; unknown members are ignored.
        const item = Object.hasOwn(value, name) ? value[name] : undefined;
        if (item === undefined || item === null) {
          if (member.required) problems.push(`Value null at '${child}' failed to satisfy constraint: Member must not be null`);
          continue;
        }
        decoded[name] = decodeValue(member.shape, item, child, problems);
      }
      return decoded;
    }
  }
}

function wrongType(problems: string[], at: string, expected: string): undefined {
  problems.push(`Value at ${at} failed to satisfy constraint: Member must be ${expected}`);
  return undefined;
}
