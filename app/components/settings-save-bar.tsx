/**
 * App Bridge's contextual save bar for a settings form, as Shopify's own admin does it: while the
 * form differs from what is saved the admin shows "Unsaved changes" with Save and Discard, and asks
 * before the merchant leaves (the admin's navigation is App Bridge's; the app's own links ask through
 * `shopify.saveBar.leaveConfirmation()`). Errors stay on the page as banners and field errors.
 */
import { useBlocker, type Location } from "@remix-run/react";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useRef } from "react";
import { useT } from "~/i18n";

export interface SettingsSaveBarProps {
  /** Unique per page: the save bar element's id. */
  id: string;
  dirty: boolean;
  saving: boolean;
  /** False while the form cannot be saved as it is (Save shows disabled). */
  canSave?: boolean;
  onSave: () => void;
  onDiscard: () => void;
  /** Whether going from one location to the other leaves the form; by default, another page does. */
  leaves?: (current: Location, next: Location) => boolean;
}

const otherPage = (current: Location, next: Location) => current.pathname !== next.pathname;

export function SettingsSaveBar({ id, dirty, saving, canSave = true, onSave, onDiscard, leaves = otherPage }: SettingsSaveBarProps) {
  const t = useT();
  const shopify = useAppBridge();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && leaves(currentLocation, nextLocation));

  useEffect(() => {
    if (blocker.state !== "blocked") return;
    let cancelled = false;
    // Resolves once the merchant chooses to leave (or no save bar is showing); "Stay" leaves it pending.
    shopify.saveBar.leaveConfirmation().then(() => {
      if (!cancelled) blocker.proceed?.();
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [blocker.state, blocker.location]);

  return (
    <SaveBar id={id} open={dirty}>
      <button variant="primary" onClick={onSave} loading={saving ? "" : undefined} disabled={saving || !canSave}>
        {t("saveBar.save")}
      </button>
      <button onClick={onDiscard} disabled={saving}>
        {t("saveBar.discard")}
      </button>
    </SaveBar>
  );
}

/**
 * A translated toast when something was saved: `saved` is the action result of a successful save
 * (null otherwise); each new result shows the toast once.
 */
export function useSavedToast(saved: object | null | undefined, message: string) {
  const shopify = useAppBridge();
  const shown = useRef<object | null>(null);
  useEffect(() => {
    if (!saved || shown.current === saved) return;
    shown.current = saved;
    shopify.toast.show(message);
  }, [saved, message, shopify]);
}
