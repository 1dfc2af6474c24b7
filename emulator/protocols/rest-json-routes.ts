// restJson1 routing: an operation's `requestUri` template (e.g. `/backend/{appId}/auth/{name}`)
// matched segment by segment against the request path. Labels take one whole segment; a label's
// value may hold an encoded '/' (%2F) because the path is split before it is decoded.

export interface RouteTemplate {
  method: string;
  segments: ReadonlyArray<{ literal: string } | { label: string }>;
  /** More literal segments win when two templates match the same path. */
  literals: number;
}

export function compileRoute(method: string, uri: string): RouteTemplate {
  const segments = uri
    .split('/')
    .slice(1)
    .map((segment) => {
      const label = /^\{([^}]+)\}$/.exec(segment)?.[1];
      return label === undefined ? { literal: segment } : { label };
    });
  return { method: method.toUpperCase(), segments, literals: segments.filter((s) => 'literal' in s).length };
}

/** The path's segments, percent-decoded; undefined when an escape is malformed. */
export function pathSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .slice(1)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/**
 * The labels when the path fits the template, else undefined. An empty segment still fills a
 * label, so that `GET /v1/email/identities/` is a call with a missing label (400), not a 404.
 */
export function matchRoute(route: RouteTemplate, segments: readonly string[]): Record<string, string> | undefined {
  if (segments.length !== route.segments.length) return undefined;
  const labels: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const part = route.segments[i]!;
    if ('literal' in part) {
      if (part.literal !== segments[i]) return undefined;
    } else {
      labels[part.label] = segments[i]!;
    }
  }
  return labels;
}
