import { GraphQLError, getNamedType, type GraphQLField, type GraphQLObjectType } from "graphql";
import type { ProtectedField } from "../admin-schema";

/**
 * Shopify's protected customer data rules, as seen by an app:
 * - without level 1 approval (`false`), the Customer object and the addresses on orders and customers
 *   are refused, and so is every field the schema marks as protected (Order.email, MailingAddress.zip...);
 * - with level 1 (`{ fields: [...] }`), only the protected fields whose kind of data (name, email, phone,
 *   address) is listed are served;
 * - `true` serves everything.
 * A refused field resolves to null with an ACCESS_DENIED error, as Shopify answers.
 */
export type ProtectedContent = "name" | "email" | "phone" | "address";
export type ProtectedCustomerDataAccess = boolean | { readonly fields: readonly ProtectedContent[] };

export const PROTECTED_DATA_DOCS = "https://shopify.dev/docs/apps/launch/protected-customer-data";

const OBJECT_MESSAGE = (type: string) =>
  `This app is not approved to access the ${type} object. See ${PROTECTED_DATA_DOCS} for more details.`;
const FIELD_MESSAGE = (field: string) =>
  `This app is not approved to use the ${field} field. See ${PROTECTED_DATA_DOCS} for more details.`;

/** Types holding personal data as a whole, refused without level 1 approval when reached from these parents. */
const PERSONAL_OBJECTS: Record<string, readonly string[]> = {
  Customer: ["*"],
  CustomerConnection: ["*"],
  MailingAddress: ["Order", "Customer"],
  MailingAddressConnection: ["Customer"],
};

export interface ProtectedDataPolicy {
  /** The message of the error this field resolves to, or null when it may be served. */
  denial(parentType: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string | null;
  /** For `node`/`nodes`: the message when an object of this type may not be served at all. */
  objectDenial(typeName: string): string | null;
}

export function accessDenied(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "ACCESS_DENIED" } });
}

export function createProtectedDataPolicy(
  access: ProtectedCustomerDataAccess,
  protectedFields: ReadonlyMap<string, ProtectedField>,
): ProtectedDataPolicy {
  if (access === true) return { denial: () => null, objectDenial: () => null };
  const allowed = new Set<string>(access === false ? [] : access.fields);
  const levelOne = access !== false;
  const decisions = new Map<string, string | null>();

  const decide = (parentType: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string | null => {
    if (!levelOne) {
      const returned = getNamedType(field.type).name;
      const parents = PERSONAL_OBJECTS[returned];
      if (parents && (parents.includes("*") || parents.includes(parentType.name))) {
        return OBJECT_MESSAGE(returned.replace(/Connection$/, ""));
      }
    }
    const mark = protectedFields.get(`${parentType.name}.${field.name}`);
    return mark && !allowed.has(mark.content) ? FIELD_MESSAGE(field.name) : null;
  };

  return {
    denial(parentType, field) {
      const key = `${parentType.name}.${field.name}`;
      let decision = decisions.get(key);
      if (decision === undefined) {
        decision = decide(parentType, field);
        decisions.set(key, decision);
      }
      return decision;
    },
    objectDenial: (typeName) => (!levelOne && typeName === "Customer" ? OBJECT_MESSAGE(typeName) : null),
  };
}
