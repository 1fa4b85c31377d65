import { errorKey } from "../copy";
import type { Translate } from "../host";

/** A failed load, in the shopper's language, with a retry (except when retrying cannot help). */
export function LoadError({ error, t, onRetry }: { error: string; t: Translate; onRetry: () => void }) {
  const retryable = error !== "order_not_found" && error !== "not_logged_in";
  return (
    <s-banner tone="critical">
      <s-stack gap="small-200">
        <s-text>{t(errorKey(error))}</s-text>
        {retryable && <s-button onClick={onRetry}>{t("errors.retry")}</s-button>}
      </s-stack>
    </s-banner>
  );
}
