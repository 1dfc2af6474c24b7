// JSON input: a parsed JSON value is checked against an input shape (input-shapes.ts): types,
// required members at every depth, and the model's constraints. Every problem is collected and
// worded the way AWS words validation errors; the service decides which error code carries them
// (Lightsail: InvalidInputException, Cognito: InvalidParameterException, restJson1: BadRequestException).
// awsJson1_1 reads whole bodies with `decodeJsonInput`; restJson1 reads its body members with
// `decodeJsonValue` and its own member naming (wire names).
import { isPlainObject } from './json-body.ts';
import {
  checkEnum,
  checkInteger,
  checkListLength,
  checkString,
  memberPath,
  missingMember,
  wrongType,
  type Infer,
  type Member,
  type Shape,
  type StructureShape,
} from './input-shapes.ts';

/** How a JSON protocol names structure members in the body and in problems' paths. */
export interface JsonNaming {
  /** The member's key in the JSON object. */
  key(name: string, member: Member): string;
  /** The member's path below its parent's, as problems word it. */
  path(parent: string, name: string, member: Member): string;
  /** restJson1 words a null list item as such; awsJson1_1 as a value of the wrong type. */
  readonly nullListItems: boolean;
}

/** awsJson1_1: keys are the member names; paths camelCase them. */
const AWS_JSON_NAMING: JsonNaming = {
  key: (name) => name,
  path: (parent, name) => memberPath(parent, name),
  nullListItems: false,
};

/** Checks a parsed JSON body; returns the decoded input or the problems found. */
export function decodeJsonInput<S extends StructureShape>(shape: S, body: unknown): { ok: true; input: Infer<S> } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const decoded = decodeJsonValue(shape, body, '', problems, AWS_JSON_NAMING);
  // Without problems, every member was checked against the shape: the decoded value is what the shape types.
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input: decoded as Infer<S> };
}

/** Checks one JSON value against its shape at `path` ('' is the body itself); timestamps are epoch seconds. */
export function decodeJsonValue(shape: Shape, value: unknown, path: string, problems: string[], naming: JsonNaming): unknown {
  switch (shape.kind) {
    case 'string':
      if (typeof value !== 'string') return wrongType(problems, path, 'a string');
      checkString(shape, value, path, problems);
      return value;
    case 'enum':
      if (typeof value !== 'string') return wrongType(problems, path, 'a string');
      checkEnum(shape, value, path, problems);
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > 2 ** 31 - 1) return wrongType(problems, path, 'an integer');
      checkInteger(shape, value, path, problems);
      return value;
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? value : wrongType(problems, path, 'a number');
    case 'boolean':
      return typeof value === 'boolean' ? value : wrongType(problems, path, 'a boolean');
    case 'timestamp':
      return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000) : wrongType(problems, path, 'a timestamp in epoch seconds');
    case 'list': {
      if (!Array.isArray(value)) return wrongType(problems, path, 'a list');
      const items: readonly unknown[] = value;
      checkListLength(shape, items.length, path, problems);
      return items.map((item, i) =>
        item === null && naming.nullListItems
          ? wrongType(problems, `${path}.${i + 1}.member`, 'a value')
          : decodeJsonValue(shape.member, item, `${path}.${i + 1}.member`, problems, naming),
      );
    }
    case 'map': {
      if (!isPlainObject(value)) return wrongType(problems, path, 'a map');
      const decoded: Record<string, unknown> = Object.create(null);
      for (const [key, item] of Object.entries(value)) decoded[key] = decodeJsonValue(shape.value, item, `${path}.${key}`, problems, naming);
      return decoded;
    }
    case 'structure': {
      if (!isPlainObject(value)) return wrongType(problems, path, 'a structure');
      const decoded: Record<string, unknown> = {};
      for (const name in shape.members) {
        const member = shape.members[name]!;
        const key = naming.key(name, member);
        const child = naming.path(path, name, member);
        // JSON null means absent, as the SDKs and AWS treat it; unknown members are ignored.
        const item = Object.hasOwn(value, key) ? value[key] : undefined;
        if (item === undefined || item === null) {
          if (member.required) problems.push(missingMember(child));
          continue;
        }
        decoded[name] = decodeJsonValue(member.shape, item, child, problems, naming);
      }
      return decoded;
    }
  }
}
