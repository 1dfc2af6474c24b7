// Exports nothing imports: each is either dead code or a name that should be local. Read with the
// TypeScript parser (no type checking, so it is fast): every named import, re-export and
// `(await import(...)).name` of the repository's own files marks a name used.
import ts from 'typescript';
import { repositorySources, resolveSpecifier, type Source } from './sources.ts';

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
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      hasExport(statement) &&
      statement.name
    ) {
      if (!(ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) names.push(statement.name.text);
    } else if (
      ts.isExportDeclaration(statement) &&
      !statement.isTypeOnly &&
      !statement.moduleSpecifier &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const e of statement.exportClause.elements) if (!e.isTypeOnly) names.push(e.name.text);
    }
  }
  return names;
}

/** `file:name` for every name the file imports from the repository's own files; `file:*` for a namespace or `export *`. */
function usesOf(source: Source, root: string): string[] {
  const uses: string[] = [];
  // Only the repository's own files: a package's names are not this check's business.
  const target = (specifier: ts.Expression) =>
    ts.isStringLiteral(specifier) && specifier.text.startsWith('.') ? resolveSpecifier(source, root, specifier.text) : undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const from = target(node.moduleSpecifier);
      const bindings = node.importClause?.namedBindings;
      if (from && bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) uses.push(`${from}:${(e.propertyName ?? e.name).text}`);
      if (from && bindings && ts.isNamespaceImport(bindings)) uses.push(`${from}:*`);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const from = target(node.moduleSpecifier);
      if (from && node.exportClause && ts.isNamedExports(node.exportClause))
        for (const e of node.exportClause.elements) uses.push(`${from}:${(e.propertyName ?? e.name).text}`);
      else if (from) uses.push(`${from}:*`);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      const from = target(node.arguments[0]);
      // `(await import('./x.ts')).name` or `const { a, b } = await import('./x.ts')`
      const awaited = ts.isAwaitExpression(node.parent) ? node.parent : undefined;
      const holder = awaited && ts.isParenthesizedExpression(awaited.parent) ? awaited.parent.parent : awaited?.parent;
      if (from && holder && ts.isPropertyAccessExpression(holder)) uses.push(`${from}:${holder.name.text}`);
      else if (from && holder && ts.isVariableDeclaration(holder) && ts.isObjectBindingPattern(holder.name)) {
        for (const e of holder.name.elements) {
          // `{ a }` or `{ a: b }` names `a`; a computed key or a nested pattern names nothing here.
          const key = e.propertyName ?? e.name;
          if (ts.isIdentifier(key) || ts.isStringLiteral(key)) uses.push(`${from}:${key.text}`);
        }
      } else if (from) uses.push(`${from}:*`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source.file);
  return uses;
}

/** `path: name` of every export no other file imports, except the entry points' (`keep`, paths relative to root). */
export function unusedExports(root: string, keep: readonly string[]): string[] {
  const parsed = repositorySources(root);
  const used = new Set(parsed.flatMap((source) => usesOf(source, root)));
  return parsed
    .filter(({ rel }) => !keep.includes(rel) && !rel.endsWith('.test.ts'))
    .flatMap(({ rel, file }) =>
      exportsOf(file)
        .filter((name) => !used.has(`${rel}:${name}`) && !used.has(`${rel}:*`))
        .map((name) => `${rel}: ${name}`),
    );
}
