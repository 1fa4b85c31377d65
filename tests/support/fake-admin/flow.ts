/**
 * Shopify Flow for the fake Admin API: `flowTriggerReceive(handle:, payload:)` (2026-07 schema), which
 * answers `{ userErrors { field message } }` as Shopify does. The triggers it knows are the app's
 * flow_trigger extensions (extensions/flow-*), as if they were deployed; an unknown handle, a payload
 * whose keys are not the trigger's fields, a value of the wrong type or a payload over 50 KB is refused
 * with a userError and starts nothing. Tests read every accepted call with `fakeFlow(fake.state).calls`.
 */
import { payloadKeyOf, readFlowExtensions, type FlowExtension } from "../flow-extensions";
import type { ResolverContext } from "./resolvers";
import type { FakeAdminState } from "./state";

type Args = Record<string, unknown>;

export interface FlowTriggerCall {
  handle: string;
  payload: Record<string, unknown>;
}

export interface FakeFlow {
  /** Accepted trigger calls, oldest first (refused ones are not here). */
  readonly calls: readonly FlowTriggerCall[];
  /** Every call, refused ones included, with the userErrors answered. */
  readonly attempts: ReadonlyArray<FlowTriggerCall & { userErrors: UserError[] }>;
  callsFor(handle: string): FlowTriggerCall[];
}

interface UserError {
  field: string[] | null;
  message: string;
}

const MAX_PAYLOAD_BYTES = 50_000;
const stores = new WeakMap<FakeAdminState, { calls: FlowTriggerCall[]; attempts: Array<FlowTriggerCall & { userErrors: UserError[] }>; triggers: Map<string, FlowExtension> }>();

function storeOf(state: FakeAdminState) {
  let store = stores.get(state);
  if (!store) {
    const triggers = new Map(readFlowExtensions().filter((extension) => extension.type === "flow_trigger").map((extension) => [extension.handle, extension]));
    store = { calls: [], attempts: [], triggers };
    stores.set(state, store);
  }
  return store;
}

export function fakeFlow(state: FakeAdminState): FakeFlow {
  const store = storeOf(state);
  return {
    calls: store.calls,
    attempts: store.attempts,
    callsFor: (handle) => store.calls.filter((call) => call.handle === handle),
  };
}

function valueProblem(type: string, value: unknown): string | null {
  switch (type) {
    case "customer_reference":
    case "order_reference":
    case "product_reference":
    case "number_integer":
      return typeof value === "number" && Number.isInteger(value) ? null : "must be an integer";
    case "boolean":
      return typeof value === "boolean" ? null : "must be a boolean";
    case "single_line_text_field":
      return typeof value === "string" && !value.includes("\n") ? null : "must be a single line of text";
    default:
      return `has a type the fake does not know (${type})`;
  }
}

function validate(trigger: FlowExtension, payload: Record<string, unknown>): UserError[] {
  const errors: UserError[] = [];
  const declared = new Map(trigger.fields.map((field) => [payloadKeyOf(field), field]));
  for (const [key, field] of declared) {
    if (!(key in payload)) errors.push({ field: ["payload", key], message: `Missing field: ${key}` });
    else {
      const problem = valueProblem(field.type, payload[key]);
      if (problem) errors.push({ field: ["payload", key], message: `${key} ${problem}` });
    }
  }
  for (const key of Object.keys(payload)) {
    if (!declared.has(key)) errors.push({ field: ["payload", key], message: `Unknown field: ${key}` });
  }
  return errors;
}

export function resolveFlowTriggerReceive(_: never, args: Args, context: ResolverContext) {
  const store = storeOf(context.state);
  const handle = typeof args.handle === "string" ? args.handle : "";
  const payload = (args.payload ?? {}) as Record<string, unknown>;
  let userErrors: UserError[];
  const trigger = store.triggers.get(handle);
  if (!handle) userErrors = [{ field: ["handle"], message: "Handle can't be blank" }];
  else if (!trigger) userErrors = [{ field: ["handle"], message: `Invalid handle: no trigger with handle '${handle}' exists for this app` }];
  else if (typeof payload !== "object" || payload === null || Array.isArray(payload)) userErrors = [{ field: ["payload"], message: "Payload must be a JSON object" }];
  else if (Buffer.byteLength(JSON.stringify(payload)) > MAX_PAYLOAD_BYTES) userErrors = [{ field: ["payload"], message: "Payload exceeds 50 KB" }];
  else userErrors = validate(trigger, payload);
  store.attempts.push({ handle, payload, userErrors });
  if (userErrors.length === 0) store.calls.push({ handle, payload });
  return { userErrors };
}
