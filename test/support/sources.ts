// The repository's own source files, parsed with the TypeScript parser (no type checking, so it
// is fast), for the checks that read the code itself: unused exports, the layers' imports.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const DIRS = ['spec', 'models', 'services', 'properties', 'harness', 'emulator', 'test', 'bench', 'scripts', 'bin'];

export interface Source {
  path: string;
  /** Relative to the repository root, with forward slashes. */
  rel: string;
  file: ts.SourceFile;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourcesUnder(join(dir, entry.name)) : /\.(ts|mjs)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

export function repositorySources(root: string): Source[] {
  const paths = DIRS.flatMap((dir) => sourcesUnder(join(root, dir))).concat(join(root, 'vitest.config.ts'));
  return paths.map((path) => ({ path, rel: relative(root, path), file: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true) }));
}

/** A relative specifier as a path from the repository root; a package's specifier as it is written. */
export function resolveSpecifier(source: Source, root: string, specifier: string): string {
  return specifier.startsWith('.') ? relative(root, resolve(dirname(source.path), specifier)) : specifier;
}

/** Every module a file imports or re-exports, statically or with import(), and whether only its types. */
export function importsOf(source: Source, root: string): { from: string; typeOnly: boolean }[] {
  const found: { from: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(node) ? Boolean(node.importClause?.isTypeOnly) : node.isTypeOnly;
      found.push({ from: resolveSpecifier(source, root, node.moduleSpecifier.text), typeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ from: resolveSpecifier(source, root, node.arguments[0].text), typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source.file);
  return found;
}
