// ESLint rule facet/no-sql-interpolation: SQL text may not be built from values. Interpolate
// only inside drizzle's `sql` tag (which binds values) or the `sqlText` tag of lib/db/sql-text.ts
// (which takes only SqlText pieces); everything else binds with `?`.

const SQL =
  /\b(SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|WHERE|JOIN|ORDER\s+BY|GROUP\s+BY|LIMIT|OFFSET|VALUES|HAVING|UNION|JSON_EXTRACT|JSON_VALUE|LOAD\s+DATA|REPLACE\s+INTO|DROP|ALTER\s+TABLE|CREATE\s+(TABLE|DATABASE|USER)|TRUNCATE|GRANT)\b/;
const SAFE_TAGS = new Set(["sql", "sqlText"]);

const textOf = (node) => {
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral") return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(" ");
  return null;
};
const isConstantString = (node) =>
  (node.type === "Literal" && typeof node.value === "string") ||
  (node.type === "TemplateLiteral" && node.expressions.length === 0);
const tagName = (node) =>
  node.type === "Identifier"
    ? node.name
    : node.type === "MemberExpression" && node.property.type === "Identifier"
      ? node.property.name
      : null;

/** @type {import('eslint').Rule.RuleModule} */
export const noSqlInterpolation = {
  meta: {
    type: "problem",
    docs: { description: "SQL text must not be built from values; bind them with ? or use the sqlText/sql tags." },
    schema: [
      {
        type: "object",
        properties: { allowFiles: { type: "array", items: { type: "string" } } },
        additionalProperties: false,
      },
    ],
    messages: {
      template:
        "SQL built with ${…}: bind values with ? (or compose SqlText pieces with the sqlText tag from lib/db/sql-text).",
      concat: "SQL built by concatenation: bind values with ? (or compose SqlText pieces with the sqlText tag).",
      raw: "sql.raw() takes only a string literal.",
      sqlTextCall: "sqlText is a template tag; call it as sqlText`…`.",
    },
  },
  create(context) {
    const allow = context.options[0]?.allowFiles ?? [];
    const file = context.filename.replace(/\\/g, "/");
    if (allow.some((suffix) => file.endsWith(suffix))) return {};
    return {
      TemplateLiteral(node) {
        if (!node.expressions.length) return;
        if (
          node.parent.type === "TaggedTemplateExpression" &&
          node.parent.quasi === node &&
          SAFE_TAGS.has(tagName(node.parent.tag))
        )
          return;
        if (SQL.test(textOf(node))) context.report({ node, messageId: "template" });
      },
      BinaryExpression(node) {
        if (node.operator !== "+") return;
        const sides = [node.left, node.right];
        if (sides.every(isConstantString)) return;
        if (
          sides.some((s) => {
            const t = textOf(s);
            return t !== null && SQL.test(t);
          })
        )
          context.report({ node, messageId: "concat" });
      },
      CallExpression(node) {
        const callee = node.callee;
        if (
          callee.type === "MemberExpression" &&
          callee.object.type === "Identifier" &&
          callee.object.name === "sql" &&
          callee.property.type === "Identifier" &&
          callee.property.name === "raw"
        ) {
          if (!node.arguments.length || !isConstantString(node.arguments[0]))
            context.report({ node, messageId: "raw" });
        }
        if (callee.type === "Identifier" && callee.name === "sqlText")
          context.report({ node, messageId: "sqlTextCall" });
      },
    };
  },
};

const plugin = { rules: { "no-sql-interpolation": noSqlInterpolation } };
export default plugin;
