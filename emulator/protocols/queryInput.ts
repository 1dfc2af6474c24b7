// awsQuery input: a service declares each operation's input as a small shape, and the form
// parameters (`Name.member.N` lists, `Name.entry.N.key/value` maps, `A.B` nested structures)
// are decoded against it. Type errors and missing required members become one ValidationError
// worded the way AWS words it.
import { AwsError } from '../errors.ts';

export interface StringShape { readonly kind: 'string' }
export interface EnumShape<V extends string = string> { readonly kind: 'enum'; readonly values: readonly V[] }
export interface IntegerShape { readonly kind: 'integer' }
export interface BooleanShape { readonly kind: 'boolean' }
export interface ListShape<E extends Shape = Shape> { readonly kind: 'list'; readonly member: E }
export interface MapShape<V extends Shape = Shape> { readonly kind: 'map'; readonly value: V }
export interface StructureShape<M extends Members = Members> { readonly kind: 'structure'; readonly members: M }
export type Shape = StringShape | EnumShape | IntegerShape | BooleanShape | ListShape | MapShape | StructureShape;

export interface Member<S extends Shape = Shape, Required extends boolean = boolean> {
  readonly shape: S;
  readonly required: Required;
}
export type Members = { readonly [name: string]: Member };

/** The decoded TypeScript type of a shape. */
export type Infer<S> = S extends StringShape
  ? string
  : S extends EnumShape<infer V>
    ? V
    : S extends IntegerShape
      ? number
      : S extends BooleanShape
        ? boolean
        : S extends ListShape<infer E>
          ? Infer<E>[]
          : S extends MapShape<infer V>
            ? Map<string, Infer<V>>
            : S extends StructureShape<infer M>
              ? InferMembers<M>
              : never;
type InferMembers<M extends Members> = {
  -readonly [K in keyof M as M[K]['required'] extends true ? K : never]: Infer<M[K]['shape']>;
} & {
  -readonly [K in keyof M as M[K]['required'] extends true ? never : K]?: Infer<M[K]['shape']>;
};

export const shapes = {
  string: (): StringShape => ({ kind: 'string' }),
  enum: <const V extends string>(values: readonly V[]): EnumShape<V> => ({ kind: 'enum', values }),
  integer: (): IntegerShape => ({ kind: 'integer' }),
  boolean: (): BooleanShape => ({ kind: 'boolean' }),
  list: <E extends Shape>(member: E): ListShape<E> => ({ kind: 'list', member }),
  map: <V extends Shape>(value: V): MapShape<V> => ({ kind: 'map', value }),
  structure: <M extends Members>(members: M): StructureShape<M> => ({ kind: 'structure', members }),
};
export const required = <S extends Shape>(shape: S): Member<S, true> => ({ shape, required: true });
export const optional = <S extends Shape>(shape: S): Member<S, false> => ({ shape, required: false });

/** The form as a tree: `Identities.member.1=a` becomes Identities → member → 1 → value 'a'. */
export interface FormNode {
  value?: string;
  children?: Map<string, FormNode>;
}

export function buildFormTree(params: URLSearchParams): FormNode {
  const root: FormNode = {};
  for (const [key, value] of params) {
    let node = root;
    for (const segment of key.split('.')) {
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (child === undefined) {
        child = {};
        node.children.set(segment, child);
      }
      node = child;
    }
    node.value = value; // a repeated key: the last one wins
  }
  return root;
}

/** AWS's wording for a missing required member; exported for handlers that check it themselves. */
export function missingMemberError(path: string): AwsError {
  return validationError([`Value null at '${path}' failed to satisfy constraint: Member must not be null`]);
}

export function validationError(problems: string[]): AwsError {
  const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
  return new AwsError('ValidationError', `${count}: ${problems.join('; ')}`);
}

/** Decodes the form against the operation's input structure; throws a ValidationError. */
export function decodeInput<M extends Members>(shape: StructureShape<M>, form: FormNode): InferMembers<M> {
  const problems: string[] = [];
  const decoded = decodeStructure(shape, form, '', problems);
  if (problems.length > 0) throw validationError(problems);
  return decoded as InferMembers<M>;
}

const INDEX = /^[1-9]\d*$/;
const INTEGER = /^[+-]?\d+$/;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function memberPath(parent: string, name: string): string {
  const camel = name.charAt(0).toLowerCase() + name.slice(1);
  return parent === '' ? camel : `${parent}.${camel}`;
}

function quoted(value: string): string {
  return value.length > 64 ? `'${value.slice(0, 64)}...'` : `'${value}'`;
}

function decodeValue(shape: Shape, node: FormNode, path: string, problems: string[]): unknown {
  switch (shape.kind) {
    case 'string':
      return scalar(node, path, problems);
    case 'enum': {
      const text = scalar(node, path, problems);
      if (text === undefined) return undefined;
      if (!shape.values.includes(text)) {
        problems.push(`Value ${quoted(text)} at '${path}' failed to satisfy constraint: Member must satisfy enum value set: [${shape.values.join(', ')}]`);
        return undefined;
      }
      return text;
    }
    case 'integer': {
      const text = scalar(node, path, problems);
      if (text === undefined) return undefined;
      const number = INTEGER.test(text) ? Number(text) : NaN;
      if (!(number >= INT32_MIN && number <= INT32_MAX)) {
        problems.push(`Value ${quoted(text)} at '${path}' failed to satisfy constraint: Member must be an integer`);
        return undefined;
      }
      return number;
    }
    case 'boolean': {
      const text = scalar(node, path, problems);
      if (text === undefined) return undefined;
      if (text !== 'true' && text !== 'false') {
        problems.push(`Value ${quoted(text)} at '${path}' failed to satisfy constraint: Member must be true or false`);
        return undefined;
      }
      return text === 'true';
    }
    case 'list':
      return decodeList(shape, node, path, problems);
    case 'map':
      return decodeMap(shape, node, path, problems);
    case 'structure':
      return decodeStructure(shape, node, path, problems);
  }
}

function scalar(node: FormNode, path: string, problems: string[]): string | undefined {
  if (node.value === undefined) {
    problems.push(`Value at '${path}' failed to satisfy constraint: Member must be a single value`);
    return undefined;
  }
  return node.value;
}

/** `Name=` with an empty value is how SDKs send an empty list or map. */
function isEmptyCollection(node: FormNode): boolean {
  return node.value === '' && node.children === undefined;
}

/** The `.N` children of a list or map node, in index order; gaps are closed up. */
function indexed(node: FormNode | undefined, path: string, problems: string[]): FormNode[] {
  if (node?.children === undefined) return [];
  const items: Array<[number, FormNode]> = [];
  for (const [index, child] of node.children) {
    if (!INDEX.test(index)) {
      problems.push(`Value at '${path}' failed to satisfy constraint: ${quoted(index)} is not a valid index (1, 2, ...)`);
      continue;
    }
    items.push([Number(index), child]);
  }
  return items.sort((a, b) => a[0] - b[0]).map(([, child]) => child);
}

function decodeList(shape: ListShape, node: FormNode, path: string, problems: string[]): unknown[] | undefined {
  if (isEmptyCollection(node)) return [];
  const members = node.children?.get('member');
  if (node.value !== undefined || members === undefined || node.children!.size !== 1) {
    problems.push(`Value at '${path}' failed to satisfy constraint: Member must be a list (${path}.member.N)`);
    return undefined;
  }
  return indexed(members, path, problems).map((item, i) => decodeValue(shape.member, item, `${path}.${i + 1}.member`, problems));
}

function decodeMap(shape: MapShape, node: FormNode, path: string, problems: string[]): Map<string, unknown> | undefined {
  if (isEmptyCollection(node)) return new Map();
  const entries = node.children?.get('entry');
  if (node.value !== undefined || entries === undefined || node.children!.size !== 1) {
    problems.push(`Value at '${path}' failed to satisfy constraint: Member must be a map (${path}.entry.N.key/value)`);
    return undefined;
  }
  const map = new Map<string, unknown>();
  for (const entry of indexed(entries, path, problems)) {
    const key = entry.children?.get('key')?.value;
    const value = entry.children?.get('value');
    if (key === undefined || value === undefined) {
      problems.push(`Value at '${path}' failed to satisfy constraint: every map entry needs a key and a value`);
      continue;
    }
    map.set(key, decodeValue(shape.value, value, `${path}.${key}`, problems));
  }
  return map;
}

function decodeStructure(shape: StructureShape, node: FormNode, path: string, problems: string[]): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const name in shape.members) {
    const member = shape.members[name]!;
    const child = node.children?.get(name);
    const childPath = memberPath(path, name);
    if (child === undefined) {
      if (member.required) problems.push(`Value null at '${childPath}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    const value = decodeValue(member.shape, child, childPath, problems);
    if (value !== undefined) decoded[name] = value;
  }
  return decoded;
}
