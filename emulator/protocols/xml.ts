// A small XML writer for AWS responses: no library, because it is on the hot path of every
// call and AWS responses only need elements and text. JS values map to XML as the awsQuery
// protocol lays them out: objects are structures, arrays are <member> lists, Maps are
// <entry><key/><value/></entry> maps, Dates are ISO 8601 timestamps.

type XmlValue = string | number | boolean | Date | null | undefined | readonly XmlValue[] | ReadonlyMap<string, XmlValue> | XmlStructure;

export interface XmlStructure {
  readonly [member: string]: XmlValue;
}

// Text content only (values never go into attributes), so quotes stay as they are. Characters
// XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD;
// \r is escaped because parsers would otherwise normalise it away.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the control characters XML 1.0 forbids, to be replaced
const NEEDS_ESCAPE = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same XML 1.0 forbidden characters as NEEDS_ESCAPE
const ESCAPABLE = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPABLE, (c) => ENTITIES[c] ?? '\uFFFD');
}

/** Appends `<name>value</name>` to `out`; undefined and null members are left out, as AWS does. */
export function appendElement(out: string[], name: string, value: XmlValue): void {
  if (value === undefined || value === null) return;
  switch (typeof value) {
    case 'string':
      out.push(`<${name}>${escapeXml(value)}</${name}>`);
      return;
    case 'number':
      out.push(`<${name}>${String(value)}</${name}>`); // NaN, Infinity, -Infinity as awsQuery spells them
      return;
    case 'boolean':
      out.push(`<${name}>${value ? 'true' : 'false'}</${name}>`);
      return;
  }
  out.push(`<${name}>`);
  appendContent(out, value);
  out.push(`</${name}>`);
}

type XmlContainer = Date | readonly XmlValue[] | ReadonlyMap<string, XmlValue> | XmlStructure;

// Array.isArray and instanceof Map would lose the element types; these guards keep them.
function isList(value: XmlContainer): value is readonly XmlValue[] {
  return Array.isArray(value);
}

function isMap(value: XmlContainer): value is ReadonlyMap<string, XmlValue> {
  return value instanceof Map;
}

/** Appends the children of a structure, list or map (or a timestamp's text) without a wrapper. */
export function appendContent(out: string[], value: XmlContainer): void {
  if (value instanceof Date) {
    out.push(value.toISOString());
  } else if (isList(value)) {
    for (const item of value) appendElement(out, 'member', item);
  } else if (isMap(value)) {
    for (const [key, item] of value) {
      out.push(`<entry><key>${escapeXml(key)}</key>`);
      appendElement(out, 'value', item);
      out.push('</entry>');
    }
  } else {
    for (const member in value) appendElement(out, member, value[member]);
  }
}
