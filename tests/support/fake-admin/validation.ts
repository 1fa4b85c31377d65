import {
  GraphQLError,
  Kind,
  getNamedType,
  isObjectType,
  specifiedRules,
  type ASTVisitor,
  type GraphQLNamedType,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

/** Shopify serves at most this many items per connection page. */
export const MAX_PAGE_SIZE = 250;

export function isConnectionType(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "pageInfo" in type.getFields();
}

/**
 * Shopify's runtime limits on connections, which plain GraphQL validation does not know:
 * every connection needs `first` or `last`, and a page holds at most 250 items.
 * A size passed through a variable cannot be checked here; the fake Admin API checks it when it runs.
 */
export const connectionLimitsRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  Field(node) {
    const fieldDef = context.getFieldDef();
    if (!fieldDef || !isConnectionType(getNamedType(fieldDef.type))) return;
    const fieldName = node.alias ? `${node.alias.value}: ${node.name.value}` : node.name.value;
    const sizeArgs = (node.arguments ?? []).filter((arg) => arg.name.value === "first" || arg.name.value === "last");
    if (sizeArgs.length === 0) {
      context.reportError(
        new GraphQLError(
          `Field "${fieldName}" returns ${getNamedType(fieldDef.type).name} and needs a "first" or "last" argument: ` +
            `Shopify rejects a connection without one.`,
          { nodes: node },
        ),
      );
      return;
    }
    for (const arg of sizeArgs) {
      if (arg.value.kind === Kind.INT && Number(arg.value.value) > MAX_PAGE_SIZE) {
        context.reportError(
          new GraphQLError(
            `Field "${fieldName}" asks for ${arg.name.value}: ${arg.value.value}; ` +
              `Shopify returns at most ${MAX_PAGE_SIZE} items per page.`,
            { nodes: arg },
          ),
        );
      }
    }
  },
});

/** The rules Shopify's Admin API effectively applies before running a document. */
export const adminValidationRules: readonly ValidationRule[] = [...specifiedRules, connectionLimitsRule];
