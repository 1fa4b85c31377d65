import {
  Kind,
  getNamedType,
  isCompositeType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { isConnectionType } from "./validation";

/**
 * Shopify's calculated query cost (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits):
 * scalars and enums cost 0, objects 1, a connection 2 plus its page size times the cost of one item,
 * an interface or union the most expensive of its possible selections, and a mutation field 10.
 * The requested cost reads page sizes from `first`/`last`; the actual cost counts what came back.
 * Edge and PageInfo objects are part of their connection and cost nothing on their own. A plain list
 * of objects is sized by its `first` argument or its `ids`, else counted as one.
 */

export const MUTATION_FIELD_COST = 10;
const CONNECTION_COST = 2;

interface CostWalk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** A response object, or `undefined` before execution (then the requested cost is computed). */
type Data = Record<string, unknown> | undefined;

interface CollectedField {
  node: FieldNode;
  /** The type the field is looked up on (a fragment's type condition, or the parent). */
  scope: GraphQLCompositeType;
  field: GraphQLField<unknown, unknown> | null;
  /** Scalars and enums cost nothing: they are dropped from the walk up front. */
  leaf: boolean;
  key: string;
}

interface CollectedFields {
  always: CollectedField[];
  /** Fields behind a fragment on one concrete type of an abstract parent: only one group applies. */
  byType: Map<string, CollectedField[]>;
}

function argumentValue(walk: CostWalk, field: GraphQLField<unknown, unknown>, node: FieldNode, name: string): unknown {
  const argNode = node.arguments?.find((arg) => arg.name.value === name);
  const argDef = field.args.find((arg) => arg.name === name);
  if (!argNode || !argDef) return undefined;
  return valueFromAST(argNode.value, argDef.type, walk.variables);
}

function requestedSize(walk: CostWalk, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
  const first = argumentValue(walk, field, node, "first");
  const last = argumentValue(walk, field, node, "last");
  const size = Math.max(typeof first === "number" ? first : 0, typeof last === "number" ? last : 0);
  if (size > 0) return size;
  const ids = argumentValue(walk, field, node, "ids");
  return Array.isArray(ids) ? ids.length : 1;
}

/** Documents are cached and reused, so the field lists of a selection set are computed once. */
const collected = new WeakMap<SelectionSetNode, Map<GraphQLCompositeType, Map<string, CollectedFields>>>();

function collectFields(
  walk: CostWalk,
  parentType: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  runtimeType: string | undefined,
): CollectedFields {
  let byParent = collected.get(selectionSet);
  if (!byParent) {
    byParent = new Map();
    collected.set(selectionSet, byParent);
  }
  let byRuntime = byParent.get(parentType);
  if (!byRuntime) {
    byRuntime = new Map();
    byParent.set(parentType, byRuntime);
  }
  const cacheKey = runtimeType ?? "";
  let fields = byRuntime.get(cacheKey);
  if (!fields) {
    fields = gatherFields(walk, parentType, selectionSet, runtimeType);
    byRuntime.set(cacheKey, fields);
  }
  return fields;
}

function gatherFields(
  walk: CostWalk,
  parentType: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  runtimeType: string | undefined,
): CollectedFields {
  const out: CollectedFields = { always: [], byType: new Map() };
  const visit = (set: SelectionSetNode, scope: GraphQLCompositeType, condition: string | undefined) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldDefinition(scope, selection.name.value);
        const leaf = !field || isLeafType(getNamedType(field.type));
        const entry = { node: selection, scope, field, leaf, key: selection.alias?.value ?? selection.name.value };
        if (leaf) continue;
        if (condition) out.byType.set(condition, [...(out.byType.get(condition) ?? []), entry]);
        else out.always.push(entry);
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const fragmentType = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : scope;
      if (!fragmentType || !isCompositeType(fragmentType)) continue;
      const narrows = isObjectType(fragmentType) && fragmentType.name !== parentType.name;
      if (!narrows) {
        visit(fragment.selectionSet, fragmentType, condition);
      } else if (runtimeType !== undefined) {
        if (runtimeType === fragmentType.name) visit(fragment.selectionSet, fragmentType, undefined);
      } else if (!condition || condition === fragmentType.name) {
        visit(fragment.selectionSet, fragmentType, fragmentType.name);
      }
    }
  };
  visit(selectionSet, parentType, undefined);
  return out;
}

function fieldDefinition(scope: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | null {
  if (name.startsWith("__") || !("getFields" in scope)) return null;
  return scope.getFields()[name] ?? null;
}

/** Fixed part plus the most expensive of the alternatives (Shopify's rule for interfaces and unions). */
function selectionSetCost(walk: CostWalk, parentType: GraphQLCompositeType, selectionSet: SelectionSetNode, data: Data): number {
  const runtimeType = isObjectType(parentType)
    ? parentType.name
    : typeof data?.__typename === "string"
      ? data.__typename
      : undefined;
  const fields = collectFields(walk, parentType, selectionSet, runtimeType);
  const sum = (entries: CollectedField[]) => {
    let total = 0;
    for (const entry of entries) total += fieldCost(walk, entry, data);
    return total;
  };
  let alternatives = 0;
  for (const entries of fields.byType.values()) alternatives = Math.max(alternatives, sum(entries));
  return sum(fields.always) + alternatives;
}

function objectCost(walk: CostWalk, type: GraphQLNamedType, node: FieldNode, data: Data | null): number {
  if (!isCompositeType(type) || !node.selectionSet) return 0;
  if (data === null) return 1;
  return 1 + selectionSetCost(walk, type, node.selectionSet, data);
}

/**
 * Requested: the cost of one item (under `edges { node }` and `nodes`).
 * Actual: the cost of all items that came back, and how many there were.
 */
function connectionItems(
  walk: CostWalk,
  connectionType: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  data: Data,
): number {
  let cost = 0;
  for (const { node, field, key } of collectFields(walk, connectionType, selectionSet, connectionType.name).always) {
    if (!field || !node.selectionSet) continue;
    const itemType = getNamedType(field.type);
    const items = data === undefined ? [undefined] : ((data[key] as Data[] | null | undefined) ?? []);
    if (node.name.value === "nodes") {
      for (const item of items) cost += objectCost(walk, itemType, node, item ?? (data === undefined ? undefined : null));
    } else if (node.name.value === "edges" && isCompositeType(itemType)) {
      const edgeFields = collectFields(walk, itemType, node.selectionSet, itemType.name).always;
      for (const edgeField of edgeFields.filter((entry) => entry.node.name.value === "node")) {
        for (const edge of items) cost += fieldCost(walk, edgeField, edge ?? undefined);
      }
    }
  }
  return cost;
}

function fieldCost(walk: CostWalk, entry: CollectedField, parentData: Data): number {
  const { field, node, key } = entry;
  if (!field || entry.leaf) return 0;
  const type = getNamedType(field.type);
  if (parentData !== undefined && !(key in parentData)) return 0;
  const data = parentData === undefined ? undefined : parentData[key];

  if (isConnectionType(type) && node.selectionSet) {
    if (parentData === undefined) {
      return CONNECTION_COST + requestedSize(walk, field, node) * connectionItems(walk, type as GraphQLCompositeType, node.selectionSet, undefined);
    }
    if (data === null || typeof data !== "object") return CONNECTION_COST;
    return CONNECTION_COST + connectionItems(walk, type as GraphQLCompositeType, node.selectionSet, data as Data);
  }

  const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (isListType(unwrapped)) {
    if (parentData === undefined) return requestedSize(walk, field, node) * objectCost(walk, type, node, undefined);
    if (!Array.isArray(data)) return 0;
    return data.reduce((total: number, item: unknown) => total + objectCost(walk, type, node, (item ?? null) as Data | null), 0);
  }
  return objectCost(walk, type, node, parentData === undefined ? undefined : ((data ?? null) as Data | null));
}

/**
 * Cost of the operation in `document` named `operationName` (or its only operation). Pass the
 * response `data` to get the actual cost; leave it out for the requested cost.
 */
export function calculateQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: { operationName?: string | null; variables?: Record<string, unknown>; data?: Record<string, unknown> | null } = {},
): number {
  const operations = document.definitions.filter((def): def is OperationDefinitionNode => def.kind === Kind.OPERATION_DEFINITION);
  const operation = options.operationName
    ? operations.find((op) => op.name?.value === options.operationName)
    : operations[0];
  if (!operation) return 0;
  const walk: CostWalk = {
    schema,
    fragments: new Map(
      document.definitions
        .filter((def): def is FragmentDefinitionNode => def.kind === Kind.FRAGMENT_DEFINITION)
        .map((def) => [def.name.value, def]),
    ),
    variables: options.variables ?? {},
  };
  const rootType = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!rootType) return 0;
  const data: Data = options.data === undefined ? undefined : (options.data ?? {});
  if (operation.operation === "mutation") {
    const fields = collectFields(walk, rootType, operation.selectionSet, rootType.name).always;
    return fields.filter((entry) => !entry.node.name.value.startsWith("__")).length * MUTATION_FIELD_COST;
  }
  return selectionSetCost(walk, rootType, operation.selectionSet, data);
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface ThrottleOptions {
  /** Bucket size; default 2000 (Standard plan). */
  maximumAvailable: number;
  /** Points restored per second; default 100. */
  restoreRate: number;
  /** A single query may not request more than this; default 1000. */
  maxQueryCost: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { maximumAvailable: 2000, restoreRate: 100, maxQueryCost: 1000 };

/** Shopify's leaky bucket: spends the requested cost up front, refunds the unused part afterwards. */
export interface CostBucket {
  status(): ThrottleStatus;
  /** Takes `cost` points if that many are available. */
  tryTake(cost: number): boolean;
  refund(points: number): void;
  /** Empties the bucket (for tests of throttling). */
  drain(): void;
}

export function createCostBucket(options: Pick<ThrottleOptions, "maximumAvailable" | "restoreRate">, clock: () => number): CostBucket {
  let available = options.maximumAvailable;
  let lastRefill = clock();
  const refill = () => {
    const now = clock();
    // A clock that steps back restores nothing (and takes nothing away).
    const elapsed = Math.max(0, now - lastRefill);
    available = Math.min(options.maximumAvailable, available + (elapsed / 1000) * options.restoreRate);
    lastRefill = now;
  };
  return {
    status() {
      refill();
      return {
        maximumAvailable: options.maximumAvailable,
        currentlyAvailable: Math.floor(available),
        restoreRate: options.restoreRate,
      };
    },
    tryTake(cost) {
      refill();
      if (cost > available) return false;
      available -= cost;
      return true;
    },
    refund(points) {
      refill();
      available = Math.min(options.maximumAvailable, available + Math.max(0, points));
    },
    drain() {
      refill();
      available = 0;
    },
  };
}
