import { dirname, join, normalize } from "node:path/posix";
import ts from "typescript";

/**
 * Reads TypeScript sources for the problem codes they raise, without running them: the test of
 * the catalogue (problems.test.ts) runs it over src/ and over small sources that break each rule.
 *
 * A code is raised by a call that passes it where a parameter is declared `ProblemCode`: the
 * catalogue's `problem(code, message, position?)` itself, or a function of a decoder that takes a
 * code and calls it (read.ts's `fail`). Such a parameter is found by its declaration, in the file
 * or imported from another, so a new helper is seen without being named here. The rules that
 * keep every code visible to this reading:
 * - the code is a string literal at the call (or a choice between literals), or the helper's own
 *   `ProblemCode` parameter passed on;
 * - no problem is built by hand (an object literal with a `code` string beside a `message` or a
 *   `severity`, or a literal `severity: "error"` outside the catalogue);
 * - no message begins with a code written into it ("no-symbol: ..."): `describeProblem` does that.
 *   A string that opens with a catalogued code and a colon is one anywhere; in the stages where
 *   problems arise, so is one that opens with any code-like word and a colon, which would be a
 *   code outside the catalogue (elsewhere, "comma-separated: ..." describes an HTTP parameter).
 */

export interface SourceText {
  /** Path relative to the repository, with "/" separators: src/ingest/read.ts. */
  file: string;
  text: string;
}

export interface CodeUse {
  code: string;
  file: string;
  line: number;
}

export interface Violation {
  file: string;
  line: number;
  what: string;
}

export interface ProblemScan {
  files: number;
  /** Functions seen taking a `ProblemCode` (problem itself among them), as file:name. */
  raisers: string[];
  uses: CodeUse[];
  violations: Violation[];
}

export interface ScanOptions {
  /** The file holding the catalogue, whose entries spell severities out. */
  catalogueFile: string;
  /** The catalogue's codes, retired ones included. */
  codes: ReadonlySet<string>;
  /** Whether problems arise in a file (a decoder, the parser, the registry's checks ...). */
  raisesProblems: (file: string) => boolean;
}

interface Raiser {
  name: string;
  /** Index of the `ProblemCode` parameter. */
  index: number;
  exported: boolean;
}

/** Looks like a code followed by a message: "no-symbol: ...". */
const CODE_PREFIX = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)+): /;

const isCodeType = (type: ts.TypeNode | undefined) =>
  type !== undefined && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === "ProblemCode";

function functionName(node: ts.Node): string | null {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name && ts.isIdentifier(node.name)) return node.name.text;
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) {
    return node.parent.name.text;
  }
  return null;
}

function isExported(node: ts.Node): boolean {
  let at: ts.Node = node;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) at = node.parent.parent.parent; // declaration, list, statement
  return ts.canHaveModifiers(at) && (ts.getModifiers(at) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function raisersOf(source: ts.SourceFile): Raiser[] {
  const found: Raiser[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) {
      const name = functionName(node);
      const index = node.parameters.findIndex((p) => isCodeType(p.type));
      if (name && index >= 0) found.push({ name, index, exported: isExported(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The `ProblemCode` parameters of the functions enclosing a node: codes passed on unchanged. */
function codeParametersAround(node: ts.Node): Set<string> {
  const names = new Set<string>();
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (!ts.isFunctionLike(at)) continue;
    for (const p of at.parameters) if (isCodeType(p.type) && ts.isIdentifier(p.name)) names.add(p.name.text);
  }
  return names;
}

function calleeName(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

const propertyName = (p: ts.ObjectLiteralElementLike) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null);

export function scanProblemCodes(sources: readonly SourceText[], options: ScanOptions): ProblemScan {
  const parsed = sources.map(({ file, text }) => ({ file, source: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS) }));
  const raisersByFile = new Map(parsed.map(({ file, source }) => [file, raisersOf(source)]));
  const scan: ProblemScan = { files: sources.length, raisers: [], uses: [], violations: [] };
  for (const [file, raisers] of raisersByFile) for (const r of raisers) scan.raisers.push(`${file}:${r.name}`);

  for (const { file, source } of parsed) {
    const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const violation = (node: ts.Node, what: string) => scan.violations.push({ file, line: lineOf(node), what });
    // the raisers this file can call: its own, and those it imports by name
    const callable = new Map<string, number>();
    for (const r of raisersByFile.get(file) ?? []) callable.set(r.name, r.index);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const specifier = statement.moduleSpecifier.text;
      if (!specifier.startsWith(".")) continue;
      const target = normalize(join(dirname(file), specifier)).replace(/\.js$/, ".ts");
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        const raiser = raisersByFile.get(target)?.find((r) => r.exported && r.name === imported);
        if (raiser) callable.set(element.name.text, raiser.index);
      }
    }

    const codeArgument = (arg: ts.Expression, call: ts.Node): void => {
      if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) scan.uses.push({ code: arg.text, file, line: lineOf(arg) });
      else if (ts.isConditionalExpression(arg)) {
        codeArgument(arg.whenTrue, call);
        codeArgument(arg.whenFalse, call);
      } else if (ts.isParenthesizedExpression(arg)) codeArgument(arg.expression, call);
      else if (!(ts.isIdentifier(arg) && codeParametersAround(call).has(arg.text))) {
        violation(arg, `a problem code computed at the call (${arg.getText(source)}): write it as a literal where the problem is raised`);
      }
    };

    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        const index = name === null ? undefined : callable.get(name);
        if (index !== undefined) {
          const arg = node.arguments[index];
          if (arg) codeArgument(arg, node);
        }
      } else if (ts.isObjectLiteralExpression(node)) {
        const byName = new Map(node.properties.map((p) => [propertyName(p), p] as const));
        const code = byName.get("code");
        const literalCode = code && ts.isPropertyAssignment(code) && (ts.isStringLiteral(code.initializer) || ts.isNoSubstitutionTemplateLiteral(code.initializer));
        if (literalCode && (byName.has("message") || byName.has("severity"))) {
          const text = (code.initializer as ts.StringLiteral).text;
          scan.uses.push({ code: text, file, line: lineOf(code) });
          violation(code, `a problem built by hand ("${text}"): make it with problem()`);
        }
        const severity = byName.get("severity");
        if (file !== options.catalogueFile && severity && ts.isPropertyAssignment(severity) && ts.isStringLiteral(severity.initializer)) {
          violation(severity, `a severity written by hand ("${severity.initializer.text}"): problem() takes it from the catalogue`);
        }
      } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)) {
        const prefix = CODE_PREFIX.exec(node.text);
        if (prefix && (options.codes.has(prefix[1]!) || options.raisesProblems(file))) violation(node, `a code written into a message ("${prefix[1]}: ..."): raise the problem and describe it with describeProblem()`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return scan;
}
