// restJson1 members: the shapes are the shared ones (input-shapes.ts); a restJson1 member adds the
// model's wire bindings (where a top-level input member travels: URI label, query string or JSON
// body; its wire name, e.g. AmplifyBackend's camelCase `resourceConfig`). Member names stay the
// model's (PascalCase), so handlers read and write the documented names.
import type { Member, Shape, StructureShape } from './input-shapes.ts';

/** Where a top-level input member travels; nested members always travel in the body. */
type RestLocation = 'uri' | 'query' | 'body';

interface RestMember<S extends Shape = Shape, Required extends boolean = boolean> extends Member<S, Required> {
  /** The name on the wire (label, query key or JSON key); defaults to the member name. */
  readonly wire?: string;
  readonly location: RestLocation;
}
type RestMembers = { readonly [name: string]: RestMember };
/** An operation's input or output structure: its top-level members carry their locations. */
export type RestStructureShape = StructureShape<RestMembers>;

interface RestMemberOptions {
  wire?: string;
  /** Default 'body'. */
  in?: RestLocation;
}

export const required = <S extends Shape>(shape: S, options: RestMemberOptions = {}): RestMember<S, true> => ({
  shape,
  required: true,
  wire: options.wire,
  location: options.in ?? 'body',
});
export const optional = <S extends Shape>(shape: S, options: RestMemberOptions = {}): RestMember<S, false> => ({
  shape,
  required: false,
  wire: options.wire,
  location: options.in ?? 'body',
});

/** The member's name on the wire; a member built by the shared `required`/`optional` has none. */
export function wireName(name: string, member: Member | RestMember): string {
  return 'wire' in member && member.wire !== undefined ? member.wire : name;
}
