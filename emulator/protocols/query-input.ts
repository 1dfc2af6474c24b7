// awsQuery input: a service declares each operation's input as a small shape, and the form
// parameters (`Name.member.N` lists, `Name.entry.N.key/value` maps, `A.B` nested structures)
// are decoded against it. Type errors and missing required members become one ValidationError
// worded the way AWS words it.
import { AwsError } from '../errors.ts';
import {
  checkEnum,
  checkInteger,
  checkListLength,
  checkString,
  memberPath,
  missingMember,
  quoted,
  validationMessage,
  wrongType,
  type Infer,
  type ListShape,
  type MapShape,
  type Shape,
  type StructureShape,
} from './input-shapes.ts';

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
  return validationError([missingMember(path)]);
}

export function validationError(problems: string[]): AwsError {
  return new AwsError('ValidationError', validationMessage(problems));
}

/** Decodes the form against the operation's input structure; throws a ValidationError. */
export function decodeInput<S extends StructureShape>(shape: S, form: FormNode): Infer<S, 'map'> {
  const problems: string[] = [];
  const decoded = decodeStructure(shape, form, '', problems);
  if (problems.length > 0) throw validationError(problems);
  // Without problems, every member was checked against the shape: the decoded value is what the shape types.
  return decoded as Infer<S, 'map'>;
}

const INDEX = /^[1-9]\d*$/;
const INTEGER = /^[+-]?\d+$/;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** awsQuery quotes a longer prefix of a value than the JSON protocols. */
const QUOTE_LIMIT = 64;

/** A scalar whose text does not read as its type; the text is quoted back. */
function badText(problems: string[], text: string, path: string, expected: string): undefined {
  problems.push(`Value ${quoted(text, QUOTE_LIMIT)} at '${path}' failed to satisfy constraint: Member must be ${expected}`);
  return undefined;
}

function decodeValue(shape: Shape, node: FormNode, path: string, problems: string[]): unknown {
  switch (shape.kind) {
    case 'string': {
      const text = scalar(node, path, problems);
      if (text !== undefined) checkString(shape, text, path, problems, QUOTE_LIMIT);
      return text;
    }
    case 'enum': {
      const text = scalar(node, path, problems);
      if (text === undefined) return undefined;
      return checkEnum(shape, text, path, problems, QUOTE_LIMIT) ? text : undefined;
    }
    case 'integer': {
      const text = scalar(node, path, problems);
      if (text === undefined) return undefined;
      const number = INTEGER.test(text) ? Number(text) : NaN;
      if (!(number >= INT32_MIN && number <= INT32_MAX)) return badText(problems, text, path, 'an integer');
      checkInteger(shape, number, path, problems);
      return number;
    }
    case 'double': {
      const text = scalar(node, path, problems);
      if (text === undefined) return undefined;
      const number = text.trim() === '' ? NaN : Number(text);
      if (!Number.isFinite(number)) return badText(problems, text, path, 'a number');
      return number;
    }
    case 'timestamp': {
      // awsQuery writes timestamps as ISO 8601 date-times.
      const text = scalar(node, path, problems);
      if (text === undefined) return undefined;
      const ms = Date.parse(text);
      if (Number.isNaN(ms)) return badText(problems, text, path, 'a timestamp');
      return new Date(ms);
    }
    case 'boolean': {
      const text = scalar(node, path, problems);
      if (text === undefined) return undefined;
      if (text !== 'true' && text !== 'false') return badText(problems, text, path, 'true or false');
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
  return node.value === undefined ? wrongType(problems, path, 'a single value') : node.value;
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
      problems.push(`Value at '${path}' failed to satisfy constraint: ${quoted(index, QUOTE_LIMIT)} is not a valid index (1, 2, ...)`);
      continue;
    }
    items.push([Number(index), child]);
  }
  return items.sort((a, b) => a[0] - b[0]).map(([, child]) => child);
}

function decodeList(shape: ListShape, node: FormNode, path: string, problems: string[]): unknown[] | undefined {
  if (isEmptyCollection(node)) return [];
  const members = node.children?.get('member');
  if (node.value !== undefined || members === undefined || node.children!.size !== 1) return wrongType(problems, path, `a list (${path}.member.N)`);
  const items = indexed(members, path, problems);
  checkListLength(shape, items.length, path, problems);
  return items.map((item, i) => decodeValue(shape.member, item, `${path}.${i + 1}.member`, problems));
}

function decodeMap(shape: MapShape, node: FormNode, path: string, problems: string[]): Map<string, unknown> | undefined {
  if (isEmptyCollection(node)) return new Map();
  const entries = node.children?.get('entry');
  if (node.value !== undefined || entries === undefined || node.children!.size !== 1) return wrongType(problems, path, `a map (${path}.entry.N.key/value)`);
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
      if (member.required) problems.push(missingMember(childPath));
      continue;
    }
    const value = decodeValue(member.shape, child, childPath, problems);
    if (value !== undefined) decoded[name] = value;
  }
  return decoded;
}
