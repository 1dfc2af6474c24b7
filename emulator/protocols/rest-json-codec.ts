// restJson1 codec: gathers an operation's input from URI labels, the query string and the JSON
// body by the shape's wire bindings, checks it (types, required members at every depth, enums,
// lengths and ranges), and writes output structures back with their wire names. Problems are
// collected and worded the way AWS words validation errors (input-shapes.ts, with body values
// checked by json-input.ts under wire names); the front door decides the code.
import { missingMember, wrongType, type Infer, type Shape } from './input-shapes.ts';
import { isPlainObject } from './json-body.ts';
import { decodeJsonValue, type JsonNaming } from './json-input.ts';
import { wireName, type RestStructureShape } from './rest-json-shapes.ts';

export interface RequestParts {
  /** URI labels by wire name, already percent-decoded. */
  labels: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The parsed JSON body; only read when the shape has body members. */
  body: unknown;
}

/** The input by member names, typed by its shape; or every problem found. */
type DecodeResult<T> = { ok: true; input: T } | { ok: false; problems: string[] };

/** Body members by wire name, their paths by wire name too (`resourceConfig.userPoolConfigs`). */
const REST_JSON_NAMING: JsonNaming = {
  key: wireName,
  path: (parent, name, member) => `${parent}.${wireName(name, member)}`,
  nullListItems: true,
};

export function hasBodyMembers(shape: RestStructureShape): boolean {
  return Object.values(shape.members).some((member) => member.location === 'body');
}

export function decodeRequest<S extends RestStructureShape>(shape: S, parts: RequestParts): DecodeResult<Infer<S>> {
  const problems: string[] = [];
  const body = isPlainObject(parts.body) ? parts.body : {};
  const decoded: Record<string, unknown> = {};
  for (const name in shape.members) {
    const member = shape.members[name]!;
    const wire = wireName(name, member);
    let value: unknown;
    if (member.location === 'uri')
      value = Object.hasOwn(parts.labels, wire) && parts.labels[wire] !== '' ? fromText(member.shape, parts.labels[wire]!, wire, problems) : undefined;
    else if (member.location === 'query') value = fromQuery(member.shape, parts.query, wire, problems);
    else value = Object.hasOwn(body, wire) && body[wire] !== null ? decodeJson(member.shape, body[wire], wire, problems) : undefined;
    if (value === undefined) {
      if (member.required) problems.push(missingMember(wire));
      continue;
    }
    decoded[name] = value;
  }
  // Without problems, every member was checked against the shape: the decoded value is what the shape types.
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input: decoded as Infer<S> };
}

/** Writes a handler's output with wire names; undefined members are left out, enums are not judged. */
export function encodeOutput(shape: Shape, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  switch (shape.kind) {
    case 'timestamp':
      return value instanceof Date ? value.getTime() / 1000 : value;
    case 'list': {
      if (!Array.isArray(value)) return value;
      const items: readonly unknown[] = value;
      return items.map((item) => encodeOutput(shape.member, item));
    }
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

/** Query members: a list takes every occurrence of its key, a scalar the first. */
function fromQuery(shape: Shape, query: URLSearchParams, key: string, problems: string[]): unknown {
  if (!query.has(key)) return undefined;
  if (shape.kind === 'list') return query.getAll(key).map((text, i) => fromText(shape.member, text, `${key}.${i + 1}.member`, problems));
  return fromText(shape, query.get(key)!, key, problems);
}

/** Labels and query values arrive as text; scalars are converted, then checked like JSON values. */
function fromText(shape: Shape, text: string, path: string, problems: string[]): unknown {
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

function decodeJson(shape: Shape, value: unknown, path: string, problems: string[]): unknown {
  return decodeJsonValue(shape, value, path, problems, REST_JSON_NAMING);
}
