import { useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

/**
 * A form's field values against the saved ones: `dirty` while any differs, `discard` goes back to the
 * saved values. After each successful save (a new `savedResult`) the fields show the saved values again,
 * even when the save changed nothing the page reloads (a typed password, text saved as it was); only
 * once the page has reloaded them (the answer comes before the reloaded values).
 */
export function useFieldValues<V extends Record<string, unknown>>(saved: V, savedResult?: object | null) {
  const [values, setValues] = useState<V>(saved);
  const idle = useNavigation().state === "idle";
  const reset = useRef<object | null>(null);
  useEffect(() => {
    if (!savedResult || !idle || reset.current === savedResult) return;
    reset.current = savedResult;
    setValues(saved);
    // Only a new save resets the fields; `saved` changes along with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedResult, idle]);
  const set =
    <K extends keyof V>(name: K) =>
    (value: V[K]) =>
      setValues((current) => ({ ...current, [name]: value }));
  const dirty = (Object.keys({ ...saved, ...values }) as (keyof V)[]).some((name) => values[name] !== saved[name]);
  return { values, set, setValues, dirty, discard: () => setValues(saved) };
}
