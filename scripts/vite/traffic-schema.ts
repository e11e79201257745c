/**
 * traffic.json's JSON Schema, derived from the engine's own description of the file: the
 * interfaces of src/engine/traffic/types.ts (TrafficFile and what it holds), read with the
 * TypeScript compiler. Each key's doc comment becomes its one-line description, string-literal
 * unions become enums (`pattern`, a request's `method`, an agent's `answer`), `?` decides what
 * is required, `Record<string, X>` a map. One source of truth: a key added to the types (and
 * to the validator, which tests/repo/traffic-schema.test.ts compares with) appears in the
 * editor's completion and hover without a list kept by hand.
 */
import ts from "typescript";

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  enum?: (string | number | boolean | null)[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
}

/** The doc comment of a node, as one line. */
function docOf(node: ts.Node): string {
  const parts = ts
    .getJSDocCommentsAndTags(node)
    .map((d) => ts.getTextOfJSDocComment(ts.isJSDoc(d) ? d.comment : undefined) ?? "");
  return parts.join(" ").replace(/\s+/g, " ").trim();
}

class Deriver {
  private readonly decls = new Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>();

  constructor(source: ts.SourceFile) {
    for (const s of source.statements) {
      if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) this.decls.set(s.name.text, s);
    }
  }

  root(name: string): JsonSchema {
    const decl = this.decls.get(name);
    if (!decl) throw new Error(`traffic schema: no declaration of ${name}`);
    return this.declaration(decl);
  }

  private declaration(decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): JsonSchema {
    if (ts.isTypeAliasDeclaration(decl)) return this.type(decl.type);
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const m of decl.members) {
      if (!ts.isPropertySignature(m) || !m.type || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) continue;
      const doc = docOf(m);
      properties[m.name.text] = { ...this.type(m.type), description: doc, markdownDescription: doc };
      if (!m.questionToken) required.push(m.name.text);
    }
    return { type: "object", properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
  }

  private type(t: ts.TypeNode): JsonSchema {
    switch (t.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { type: "string" };
      case ts.SyntaxKind.NumberKeyword:
        return { type: "number" };
      case ts.SyntaxKind.BooleanKeyword:
        return { type: "boolean" };
    }
    if (ts.isParenthesizedTypeNode(t)) return this.type(t.type);
    if (ts.isLiteralTypeNode(t)) {
      if (t.literal.kind === ts.SyntaxKind.NullKeyword) return { type: "null" };
      if (ts.isStringLiteral(t.literal)) return { type: "string", enum: [t.literal.text] };
      if (ts.isNumericLiteral(t.literal)) return { type: "number", enum: [Number(t.literal.text)] };
      return {};
    }
    if (ts.isArrayTypeNode(t)) return { type: "array", items: this.type(t.elementType) };
    if (ts.isUnionTypeNode(t)) return this.union(t.types.map((x) => this.type(x)));
    if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName)) {
      const name = t.typeName.text;
      const args = t.typeArguments ?? [];
      if (name === "Record" && args[1]) return { type: "object", additionalProperties: this.type(args[1]) };
      const decl = this.decls.get(name);
      if (decl) return this.declaration(decl);
    }
    return {};
  }

  /** Literals of one type merge into an enum; plain types into a type list; the rest stay alternatives. */
  private union(parts: JsonSchema[]): JsonSchema {
    const literals = parts.filter((p) => p.enum);
    const plain = parts.filter((p) => !p.enum && typeof p.type === "string" && Object.keys(p).length === 1);
    const rest = parts.filter((p) => !literals.includes(p) && !plain.includes(p));
    const out: JsonSchema[] = [];
    if (literals.length > 0) {
      const types = [...new Set(literals.map((l) => l.type as string))];
      out.push({ type: types.length === 1 ? types[0] : types, enum: literals.flatMap((l) => l.enum ?? []) });
    }
    if (plain.length > 0) {
      const types = plain.map((p) => p.type as string);
      out.push({ type: types.length === 1 ? types[0] : types });
    }
    out.push(...rest);
    return out.length === 1 ? (out[0] as JsonSchema) : { anyOf: out };
  }
}

/** The JSON Schema of a traffic file, from the text of src/engine/traffic/types.ts. */
export function trafficJsonSchema(typesSource: string): JsonSchema {
  const source = ts.createSourceFile("types.ts", typesSource, ts.ScriptTarget.Latest, true);
  return new Deriver(source).root("TrafficFile");
}
