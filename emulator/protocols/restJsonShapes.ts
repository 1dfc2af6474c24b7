// restJson1 shapes: each operation declares its input and output as small shapes that carry the
// model's wire bindings (where a member travels: URI label, query string or JSON body; its wire
// name, e.g. AmplifyBackend's camelCase `resourceConfig`) and its constraints. Member names stay
// the model's (PascalCase), so handlers read and write the documented names.

export interface RjStringShape { readonly kind: 'string'; readonly min?: number; readonly max?: number }
export interface RjEnumShape<V extends string = string> { readonly kind: 'enum'; readonly values: readonly V[] }
export interface RjIntegerShape { readonly kind: 'integer'; readonly min?: number; readonly max?: number }
export interface RjDoubleShape { readonly kind: 'double' }
export interface RjBooleanShape { readonly kind: 'boolean' }
/** Epoch seconds on the wire (restJson1's default in bodies), a Date in handlers. */
export interface RjTimestampShape { readonly kind: 'timestamp' }
export interface RjListShape<E extends RjShape = RjShape> { readonly kind: 'list'; readonly member: E }
export interface RjMapShape<V extends RjShape = RjShape> { readonly kind: 'map'; readonly value: V }
export interface RjStructureShape<M extends RjMembers = RjMembers> { readonly kind: 'structure'; readonly members: M }
export type RjShape =
  | RjStringShape
  | RjEnumShape
  | RjIntegerShape
  | RjDoubleShape
  | RjBooleanShape
  | RjTimestampShape
  | RjListShape
  | RjMapShape
  | RjStructureShape;

/** Where a top-level input member travels; nested members always travel in the body. */
export type RjLocation = 'uri' | 'query' | 'body';

export interface RjMember<S extends RjShape = RjShape, Required extends boolean = boolean> {
  readonly shape: S;
  readonly required: Required;
  /** The name on the wire (label, query key or JSON key); defaults to the member name. */
  readonly wire?: string;
  readonly location: RjLocation;
}
export type RjMembers = { readonly [name: string]: RjMember };

/** A scalar shape's TypeScript type; enums narrow to their values in input, not in output. */
type RjScalar<S, Enum> = [S] extends [RjBooleanShape]
  ? boolean
  : [S] extends [RjIntegerShape | RjDoubleShape]
    ? number
    : [S] extends [RjTimestampShape]
      ? Date
      : [S] extends [RjEnumShape<infer V>]
        ? Enum extends 'narrow' ? V : string
        : string;

/**
 * The decoded TypeScript type of an input shape. Containers first, and non-distributive ([S]),
 * so that the open union RjShape (a shape not yet inferred) types as a scalar, not an endless recursion.
 */
export type RjInfer<S> = [S] extends [RjStructureShape<infer M>]
  ? RjInferMembers<M>
  : [S] extends [RjListShape<infer E>]
    ? RjInfer<E>[]
    : [S] extends [RjMapShape<infer V>]
      ? Record<string, RjInfer<V>>
      : RjScalar<S, 'narrow'>;
export type RjInferMembers<M extends RjMembers> = {
  -readonly [K in keyof M as M[K]['required'] extends true ? K : never]: RjInfer<M[K]['shape']>;
} & {
  -readonly [K in keyof M as M[K]['required'] extends true ? never : K]?: RjInfer<M[K]['shape']>;
};

/**
 * What a handler may answer for an output shape: every member optional, and enums as plain
 * strings, because a fault may answer a value outside the enum (that is what it is for).
 */
export type RjOutput<S> = [S] extends [RjStructureShape<infer M>]
  ? { -readonly [K in keyof M]?: RjOutput<M[K]['shape']> }
  : [S] extends [RjListShape<infer E>]
    ? RjOutput<E>[]
    : [S] extends [RjMapShape<infer V>]
      ? Record<string, RjOutput<V>>
      : RjScalar<S, 'wide'>;

export const rj = {
  string: (constraints: { min?: number; max?: number } = {}): RjStringShape => ({ kind: 'string', ...constraints }),
  enum: <const V extends string>(values: readonly V[]): RjEnumShape<V> => ({ kind: 'enum', values }),
  integer: (constraints: { min?: number; max?: number } = {}): RjIntegerShape => ({ kind: 'integer', ...constraints }),
  double: (): RjDoubleShape => ({ kind: 'double' }),
  boolean: (): RjBooleanShape => ({ kind: 'boolean' }),
  timestamp: (): RjTimestampShape => ({ kind: 'timestamp' }),
  list: <E extends RjShape>(member: E): RjListShape<E> => ({ kind: 'list', member }),
  map: <V extends RjShape>(value: V): RjMapShape<V> => ({ kind: 'map', value }),
  structure: <M extends RjMembers>(members: M): RjStructureShape<M> => ({ kind: 'structure', members }),
};

export interface RjMemberOptions {
  wire?: string;
  /** Default 'body'. */
  in?: RjLocation;
}

export const required = <S extends RjShape>(shape: S, options: RjMemberOptions = {}): RjMember<S, true> => ({
  shape,
  required: true,
  wire: options.wire,
  location: options.in ?? 'body',
});
export const optional = <S extends RjShape>(shape: S, options: RjMemberOptions = {}): RjMember<S, false> => ({
  shape,
  required: false,
  wire: options.wire,
  location: options.in ?? 'body',
});

export function wireName(name: string, member: RjMember): string {
  return member.wire ?? name;
}
