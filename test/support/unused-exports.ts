// Exports nothing imports: each is either dead code or a name that should be local. Read with the
// TypeScript parser (no type checking, so it is fast): every named import, re-export and
// `(await import(...)).name` of the repository's own files marks a name used.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const DIRS = ['spec', 'models', 'services', 'properties', 'harness', 'emulator', 'test', 'bench', 'scripts', 'bin'];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourcesUnder(join(dir, entry.name)) : /\.(ts|mjs)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

const hasExport = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/**
 * The values a file exports by declaration (`export const x`, `export function f`, `export class C`,
 * `export { a }`). Types are left out: an exported signature's types are exported with it.
 */
function exportsOf(file: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement) && hasExport(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && hasExport(statement) && statement.name) {
      if (!(ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) names.push(statement.name.text);
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const e of statement.exportClause.elements) if (!e.isTypeOnly) names.push(e.name.text);
    }
  }
  return names;
}

/** `file:name` for every name the file imports from the repository's own files; `file:*` for a namespace or `export *`. */
function usesOf(path: string, file: ts.SourceFile, root: string): string[] {
  const uses: string[] = [];
  const target = (specifier: ts.Expression) => (ts.isStringLiteral(specifier) && specifier.text.startsWith('.') ? relative(root, resolve(dirname(path), specifier.text)) : undefined);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const from = target(node.moduleSpecifier);
      const bindings = node.importClause?.namedBindings;
      if (from && bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) uses.push(`${from}:${(e.propertyName ?? e.name).text}`);
      if (from && bindings && ts.isNamespaceImport(bindings)) uses.push(`${from}:*`);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const from = target(node.moduleSpecifier);
      if (from && node.exportClause && ts.isNamedExports(node.exportClause)) for (const e of node.exportClause.elements) uses.push(`${from}:${(e.propertyName ?? e.name).text}`);
      else if (from) uses.push(`${from}:*`);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      const from = target(node.arguments[0]);
      // `(await import('./x.ts')).name` or `const { a, b } = await import('./x.ts')`
      const awaited = ts.isAwaitExpression(node.parent) ? node.parent : undefined;
      const holder = awaited && ts.isParenthesizedExpression(awaited.parent) ? awaited.parent.parent : awaited?.parent;
      if (from && holder && ts.isPropertyAccessExpression(holder)) uses.push(`${from}:${holder.name.text}`);
      else if (from && holder && ts.isVariableDeclaration(holder) && ts.isObjectBindingPattern(holder.name)) {
        for (const e of holder.name.elements) uses.push(`${from}:${((e.propertyName as ts.Identifier | undefined) ?? (e.name as ts.Identifier)).text}`);
      } else if (from) uses.push(`${from}:*`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return uses;
}

/** `path: name` of every export no other file imports, except the entry points' (`keep`, paths relative to root). */
export function unusedExports(root: string, keep: readonly string[]): string[] {
  const files = DIRS.flatMap((dir) => sourcesUnder(join(root, dir))).concat(join(root, 'vitest.config.ts'));
  const parsed = files.map((path) => ({ path, rel: relative(root, path), file: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true) }));
  const used = new Set(parsed.flatMap(({ path, file }) => usesOf(path, file, root)));
  return parsed
    .filter(({ rel }) => !keep.includes(rel) && !rel.endsWith('.test.ts'))
    .flatMap(({ rel, file }) => exportsOf(file).filter((name) => !used.has(`${rel}:${name}`) && !used.has(`${rel}:*`)).map((name) => `${rel}: ${name}`));
}
