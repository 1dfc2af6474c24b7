// The input shape mini-language every protocol front door shares: an operation declares its input
// (and, for restJson1, its output) as small shapes carrying the model's constraints (lengths,
// patterns, ranges, enum values, list sizes). This file holds the shape kinds, their builders,
// the decoded TypeScript types, and the constraint checks worded the way AWS words validation
// errors. How a value travels (form parameters, a JSON body, URI labels and the query string) is
// each protocol's own decoder; which error code carries the problems is each service's choice.

interface StringShape {
  readonly kind: 'string';
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
}
interface EnumShape<V extends string = string> {
  readonly kind: 'enum';
  readonly values: readonly V[];
}
interface IntegerShape {
  readonly kind: 'integer';
  readonly min?: number;
  readonly max?: number;
}
interface DoubleShape {
  readonly kind: 'double';
}
interface BooleanShape {
  readonly kind: 'boolean';
}
/** A Date in handlers; on the wire as each protocol writes timestamps. */
interface TimestampShape {
  readonly kind: 'timestamp';
}
export interface ListShape<E extends Shape = Shape> {
  readonly kind: 'list';
  readonly member: E;
  readonly max?: number;
}
export interface MapShape<V extends Shape = Shape> {
  readonly kind: 'map';
  readonly value: V;
}
export interface StructureShape<M extends Members = Members> {
  readonly kind: 'structure';
  readonly members: M;
}
export type Shape = StringShape | EnumShape | IntegerShape | DoubleShape | BooleanShape | TimestampShape | ListShape | MapShape | StructureShape;

/** A structure member; a protocol may extend it with its own bindings (restJson1: wire name, location). */
export interface Member<S extends Shape = Shape, Required extends boolean = boolean> {
  readonly shape: S;
  readonly required: Required;
}
type Members = { readonly [name: string]: Member };

/** How a decoder hands over maps: awsQuery as a Map (its entries arrive numbered), the JSON protocols as a plain record. */
type MapForm = 'record' | 'map';

/** A scalar shape's TypeScript type; enums narrow to their values in input, not in output. */
type Scalar<S, Enum extends 'narrow' | 'wide'> = [S] extends [BooleanShape]
  ? boolean
  : [S] extends [IntegerShape | DoubleShape]
    ? number
    : [S] extends [TimestampShape]
      ? Date
      : [S] extends [EnumShape<infer V>]
        ? Enum extends 'narrow'
          ? V
          : string
        : string;

/**
 * The decoded TypeScript type of an input shape. Containers first, and non-distributive ([S]),
 * so that the open union Shape (a shape not yet inferred) types as a scalar, not an endless recursion.
 */
export type Infer<S, Maps extends MapForm = 'record'> = [S] extends [StructureShape<infer M>]
  ? InferMembers<M, Maps>
  : [S] extends [ListShape<infer E>]
    ? Infer<E, Maps>[]
    : [S] extends [MapShape<infer V>]
      ? Maps extends 'map'
        ? Map<string, Infer<V, Maps>>
        : Record<string, Infer<V, Maps>>
      : Scalar<S, 'narrow'>;
type InferMembers<M extends Members, Maps extends MapForm = 'record'> = {
  -readonly [K in keyof M as M[K]['required'] extends true ? K : never]: Infer<M[K]['shape'], Maps>;
} & {
  -readonly [K in keyof M as M[K]['required'] extends true ? never : K]?: Infer<M[K]['shape'], Maps>;
};

/**
 * What a handler may answer for an output shape: every member optional, and enums as plain
 * strings, because a fault may answer a value outside the enum (that is what it is for).
 */
export type Output<S> = [S] extends [StructureShape<infer M>]
  ? { -readonly [K in keyof M]?: Output<M[K]['shape']> }
  : [S] extends [ListShape<infer E>]
    ? Output<E>[]
    : [S] extends [MapShape<infer V>]
      ? Record<string, Output<V>>
      : Scalar<S, 'wide'>;

export const shapes = {
  string: (constraints: { min?: number; max?: number; pattern?: RegExp } = {}): StringShape => ({ kind: 'string', ...constraints }),
  enum: <const V extends string>(values: readonly V[]): EnumShape<V> => ({ kind: 'enum', values }),
  integer: (constraints: { min?: number; max?: number } = {}): IntegerShape => ({ kind: 'integer', ...constraints }),
  double: (): DoubleShape => ({ kind: 'double' }),
  boolean: (): BooleanShape => ({ kind: 'boolean' }),
  timestamp: (): TimestampShape => ({ kind: 'timestamp' }),
  list: <E extends Shape>(member: E, constraints: { max?: number } = {}): ListShape<E> => ({ kind: 'list', member, ...constraints }),
  map: <V extends Shape>(value: V): MapShape<V> => ({ kind: 'map', value }),
  structure: <M extends Members>(members: M): StructureShape<M> => ({ kind: 'structure', members }),
};
export const required = <S extends Shape>(shape: S): Member<S, true> => ({ shape, required: true });
export const optional = <S extends Shape>(shape: S): Member<S, false> => ({ shape, required: false });

// ---- AWS wording -------------------------------------------------------------------------------

/** The AWS wording of a list of problems, e.g. "1 validation error detected: Value null at 'x' ...". */
export function validationMessage(problems: readonly string[]): string {
  const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
  return `${count}: ${problems.join('; ')}`;
}

/** A member's place in a problem's path as awsQuery and awsJson word it: `parent.camelCasedName`. */
export function memberPath(parent: string, name: string): string {
  const camel = name.charAt(0).toLowerCase() + name.slice(1);
  return parent === '' ? camel : `${parent}.${camel}`;
}

/** Where a problem is: the quoted path, or the request body itself at the root. */
function at(path: string): string {
  return path === '' ? 'the request body' : `'${path}'`;
}

/**
 * How much of a value a problem quotes back. The JSON protocols quote a short prefix, because
 * values may be secrets (passwords, tokens) or very long; awsQuery quotes a longer one.
 */
const JSON_QUOTE_LIMIT = 32;

export function quoted(value: string, limit: number = JSON_QUOTE_LIMIT): string {
  return value.length > limit ? `'${value.slice(0, limit)}...'` : `'${value}'`;
}

export function missingMember(path: string): string {
  return `Value null at '${path}' failed to satisfy constraint: Member must not be null`;
}

/** Records a value of the wrong type; answers undefined, for the decoders to return. */
export function wrongType(problems: string[], path: string, expected: string): undefined {
  problems.push(`Value at ${at(path)} failed to satisfy constraint: Member must be ${expected}`);
  return undefined;
}

// ---- model constraints -------------------------------------------------------------------------

/** Length (in code points), then pattern; at most one problem. */
export function checkString(shape: StringShape, value: string, path: string, problems: string[], quoteLimit: number = JSON_QUOTE_LIMIT): void {
  if (shape.min !== undefined || shape.max !== undefined) {
    const length = [...value].length;
    if (shape.min !== undefined && length < shape.min) {
      problems.push(
        `Value ${quoted(value, quoteLimit)} at ${at(path)} failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`,
      );
      return;
    }
    if (shape.max !== undefined && length > shape.max) {
      problems.push(`Value at ${at(path)} failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
      return;
    }
  }
  if (shape.pattern !== undefined && !shape.pattern.test(value)) {
    problems.push(`Value at ${at(path)} failed to satisfy constraint: Member must satisfy regular expression pattern: ${shape.pattern.source}`);
  }
}

/** Whether the value is one of the enum's; records the problem if not. */
export function checkEnum(shape: EnumShape, value: string, path: string, problems: string[], quoteLimit: number = JSON_QUOTE_LIMIT): boolean {
  if (shape.values.includes(value)) return true;
  problems.push(
    `Value ${quoted(value, quoteLimit)} at ${at(path)} failed to satisfy constraint: Member must satisfy enum value set: [${shape.values.join(', ')}]`,
  );
  return false;
}

export function checkInteger(shape: IntegerShape, value: number, path: string, problems: string[]): void {
  if (shape.min !== undefined && value < shape.min) {
    problems.push(`Value '${value}' at ${at(path)} failed to satisfy constraint: Member must have value greater than or equal to ${shape.min}`);
  } else if (shape.max !== undefined && value > shape.max) {
    problems.push(`Value '${value}' at ${at(path)} failed to satisfy constraint: Member must have value less than or equal to ${shape.max}`);
  }
}

export function checkListLength(shape: ListShape, length: number, path: string, problems: string[]): void {
  if (shape.max !== undefined && length > shape.max) {
    problems.push(`Value at ${at(path)} failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
  }
}
