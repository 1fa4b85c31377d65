import { useCallback, useEffect, useState } from "preact/hooks";
import { fetchCustomerOrder, type CustomerOrder } from "./backend";
import type { Host } from "./host";

export type OrderState = { kind: "loading" } | { kind: "error"; error: string } | { kind: "ready"; data: CustomerOrder };

/** Loads the order from the app once, again on `reload()` (the retry after a failure). */
export function useCustomerOrder(host: Host, orderId: string | null) {
  const [state, setState] = useState<OrderState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!orderId) {
      setState({ kind: "error", error: "order_not_found" });
      return;
    }
    let current = true;
    setState({ kind: "loading" });
    fetchCustomerOrder(host, orderId).then((answer) => {
      if (!current) return;
      setState(answer.ok ? { kind: "ready", data: answer.data } : { kind: "error", error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [host, orderId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
