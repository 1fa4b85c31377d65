import { useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useT } from "~/i18n";
import { useSavedToast, type SettingsSaveBarProps } from "../settings-save-bar";

export type Publication = { published: true } | { published: false; reason: string };

/** What a draft settings page's action answers (Shipping, Returns). */
export interface SettingsDraftActionData<D, P extends Publication = Publication> {
  ok: boolean;
  errors: Record<string, string>;
  /** The saved settings as the form shows them (normalised), after a save. */
  draft?: D;
  publication?: P;
}

/** What every draft settings page takes from the hook (spread into it: `<Page {...form.page} />`). */
export interface SettingsDraftPageProps<D, P extends Publication = Publication> {
  draft: D;
  onChange: (draft: D) => void;
  errors: Record<string, string>;
  /** The last save's or retry's outcome, else the stored publish error. */
  publication: P | { published: false; reason: string } | null;
  publishing: boolean;
  onRetryPublish: () => void;
}

export interface SettingsDraft<D, P extends Publication = Publication> {
  /** For <SettingsSaveBar>, apart from its id. */
  saveBar: Omit<SettingsSaveBarProps, "id">;
  page: SettingsDraftPageProps<D, P>;
}

/**
 * A settings page whose whole form is one draft, posted as JSON (`{ intent: "save", draft }`, or
 * `{ intent: "publish" }` to publish the saved settings again). Keeps the draft and the saved copy:
 * the save bar shows while they differ, Discard goes back to the saved copy, a save shows the settings
 * as stored and a toast; a refused save keeps what the merchant typed.
 */
export function useSettingsDraft<D, P extends Publication = Publication>(
  loaded: D,
  actionData: SettingsDraftActionData<D, P> | undefined,
  storedPublishError: string | null | undefined,
): SettingsDraft<D, P> {
  const t = useT();
  const navigation = useNavigation();
  const submit = useSubmit();
  const [draft, setDraft] = useState<D>(loaded);
  const [saved, setSaved] = useState<D>(loaded);

  useEffect(() => {
    if (actionData?.ok && actionData.draft) {
      setDraft(actionData.draft);
      setSaved(actionData.draft);
    }
  }, [actionData]);
  useSavedToast(actionData?.ok && actionData.draft ? actionData : null, t("toasts.settingsSaved"));

  const pendingIntent =
    navigation.state === "submitting" ? (navigation.json as { intent?: string } | undefined)?.intent : undefined;
  const send = (body: { intent: "save"; draft: D } | { intent: "publish" }) =>
    submit(JSON.parse(JSON.stringify(body)), { method: "post", encType: "application/json" });
  const saving = pendingIntent === "save";

  return {
    saveBar: {
      dirty: JSON.stringify(draft) !== JSON.stringify(saved),
      saving,
      onSave: () => send({ intent: "save", draft }),
      onDiscard: () => setDraft(saved),
    },
    page: {
      draft,
      onChange: setDraft,
      errors: actionData?.errors ?? {},
      publication: actionData?.publication ?? (storedPublishError ? { published: false, reason: storedPublishError } : null),
      publishing: pendingIntent === "publish",
      onRetryPublish: () => send({ intent: "publish" }),
    },
  };
}
