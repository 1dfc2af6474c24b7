// restJson1 codec: gathers an operation's input from URI labels, the query string and the JSON
// body by the shape's wire bindings, checks it (types, required members at every depth, enums,
// lengths and ranges), and writes output structures back with their wire names. Problems are
// collected and worded the way AWS words validation errors; the front door decides the code.
import { wireName, type RjShape, type RjStructureShape } from './restJsonShapes.ts';

export interface RequestParts {
  /** URI labels by wire name, already percent-decoded. */
  labels: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The parsed JSON body; only read when the shape has body members. */
  body: unknown;
}

/** The input by member names; the operation's handler is typed against its own shape. */
export type DecodeResult = { ok: true; input: Record<string, unknown> } | { ok: false; problems: string[] };

/** The AWS wording of a list of problems, e.g. "1 validation error detected: Value null at 'x' ...". */
export function validationMessage(problems: readonly string[]): string {
  const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
  return `${count}: ${problems.join('; ')}`;
}

export function hasBodyMembers(shape: RjStructureShape): boolean {
  return Object.values(shape.members).some((member) => member.location === 'body');
}

export function decodeRequest(shape: RjStructureShape, parts: RequestParts): DecodeResult {
  const problems: string[] = [];
  const body = isPlainObject(parts.body) ? parts.body : {};
  const decoded: Record<string, unknown> = {};
  for (const name in shape.members) {
    const member = shape.members[name]!;
    const wire = wireName(name, member);
    let value: unknown;
    if (member.location === 'uri') value = Object.hasOwn(parts.labels, wire) && parts.labels[wire] !== '' ? fromText(member.shape, parts.labels[wire]!, wire, problems) : undefined;
    else if (member.location === 'query') value = fromQuery(member.shape, parts.query, wire, problems);
    else value = Object.hasOwn(body, wire) && body[wire] !== null ? decodeJson(member.shape, body[wire], wire, problems) : undefined;
    if (value === undefined) {
      if (member.required) problems.push(missing(wire));
      continue;
    }
    decoded[name] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input: decoded };
}

/** Writes a handler's output with wire names; undefined members are left out, enums are not judged. */
export function encodeOutput(shape: RjShape, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  switch (shape.kind) {
    case 'timestamp':
      return value instanceof Date ? value.getTime() / 1000 : value;
    case 'list':
      return Array.isArray(value) ? value.map((item) => encodeOutput(shape.member, item)) : value;
    case 'map': {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = encodeOutput(shape.value, item);
      return out;
    }
    case 'structure': {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const name in shape.members) {
        const member = shape.members[name]!;
        const encoded = encodeOutput(member.shape, value[name]);
        if (encoded !== undefined) out[wireName(name, member)] = encoded;
      }
      return out;
    }
    default:
      return value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function missing(path: string): string {
  return `Value null at '${path}' failed to satisfy constraint: Member must not be null`;
}

/** Only a prefix of a value is quoted back: values may be secrets or very long. */
function quoted(value: string): string {
  return value.length > 32 ? `'${value.slice(0, 32)}...'` : `'${value}'`;
}

function wrongType(problems: string[], path: string, expected: string): undefined {
  problems.push(`Value at '${path}' failed to satisfy constraint: Member must be ${expected}`);
  return undefined;
}

/** Query members: a list takes every occurrence of its key, a scalar the first. */
function fromQuery(shape: RjShape, query: URLSearchParams, key: string, problems: string[]): unknown {
  if (!query.has(key)) return undefined;
  if (shape.kind === 'list') return query.getAll(key).map((text, i) => fromText(shape.member, text, `${key}.${i + 1}.member`, problems));
  return fromText(shape, query.get(key)!, key, problems);
}

/** Labels and query values arrive as text; scalars are converted, then checked like JSON values. */
function fromText(shape: RjShape, text: string, path: string, problems: string[]): unknown {
  switch (shape.kind) {
    case 'integer':
      return /^-?\d{1,10}$/.test(text) ? decodeJson(shape, Number(text), path, problems) : wrongType(problems, path, 'an integer');
    case 'double':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : wrongType(problems, path, 'a number');
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : wrongType(problems, path, 'a boolean');
    case 'timestamp': {
      // Outside a body, restJson1 writes timestamps as ISO 8601 date-times.
      const ms = Date.parse(text);
      return Number.isNaN(ms) ? wrongType(problems, path, 'a timestamp') : new Date(ms);
    }
    case 'string':
    case 'enum':
      return decodeJson(shape, text, path, problems);
    default:
      return wrongType(problems, path, `a ${shape.kind}`);
  }
}

function decodeJson(shape: RjShape, value: unknown, path: string, problems: string[]): unknown {
  switch (shape.kind) {
    case 'string': {
      if (typeof value !== 'string') return wrongType(problems, path, 'a string');
      const length = [...value].length;
      if (shape.min !== undefined && length < shape.min) {
        problems.push(`Value ${quoted(value)} at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`);
      } else if (shape.max !== undefined && length > shape.max) {
        problems.push(`Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
      }
      return value;
    }
    case 'enum':
      if (typeof value !== 'string') return wrongType(problems, path, 'a string');
      if (!shape.values.includes(value)) {
        problems.push(`Value ${quoted(value)} at '${path}' failed to satisfy constraint: Member must satisfy enum value set: [${shape.values.join(', ')}]`);
      }
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > 2 ** 31 - 1) return wrongType(problems, path, 'an integer');
      if (shape.min !== undefined && value < shape.min) {
        problems.push(`Value '${value}' at '${path}' failed to satisfy constraint: Member must have value greater than or equal to ${shape.min}`);
      } else if (shape.max !== undefined && value > shape.max) {
        problems.push(`Value '${value}' at '${path}' failed to satisfy constraint: Member must have value less than or equal to ${shape.max}`);
      }
      return value;
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? value : wrongType(problems, path, 'a number');
    case 'boolean':
      return typeof value === 'boolean' ? value : wrongType(problems, path, 'a boolean');
    case 'timestamp':
      return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000) : wrongType(problems, path, 'a timestamp in epoch seconds');
    case 'list':
      if (!Array.isArray(value)) return wrongType(problems, path, 'a list');
      return value.map((item, i) => (item === null ? wrongType(problems, `${path}.${i + 1}.member`, 'a value') : decodeJson(shape.member, item, `${path}.${i + 1}.member`, problems)));
    case 'map': {
      if (!isPlainObject(value)) return wrongType(problems, path, 'a map');
      const decoded: Record<string, unknown> = Object.create(null);
      for (const [key, item] of Object.entries(value)) decoded[key] = decodeJson(shape.value, item, `${path}.${key}`, problems);
      return decoded;
    }
    case 'structure': {
      if (!isPlainObject(value)) return wrongType(problems, path, 'a structure');
      const decoded: Record<string, unknown> = {};
      for (const name in shape.members) {
        const member = shape.members[name]!;
        const wire = wireName(name, member);
        const child = `${path}.${wire}`;
        // JSON null means absent, as the SDKs and AWS treat it; unknown members are ignored.
        const item = Object.hasOwn(value, wire) ? value[wire] : undefined;
        if (item === undefined || item === null) {
          if (member.required) problems.push(missing(child));
          continue;
        }
        decoded[name] = decodeJson(member.shape, item, child, problems);
      }
      return decoded;
    }
  }
}
