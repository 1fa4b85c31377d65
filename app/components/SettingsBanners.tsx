import { Banner } from "@shopify/polaris";
import { useT } from "../i18n";

/** What the last save of a settings page said: field errors, or whether publishing to the storefront worked. */
export interface SettingsBannersProps {
  /** Field path → message; the form-wide message sits under `formErrorKey`. */
  errors: Record<string, string>;
  formErrorKey: string;
  publication: { published: true } | { published: false; reason: string } | null;
  publishing: boolean;
  onRetryPublish: () => void;
  /** "Rules" or "Settings" (in the admin language): what was saved. */
  savedNoun: string;
  /** What the storefront shows once published, e.g. "the new return rules" (in the admin language). */
  liveWhat: string;
}

export function SettingsBanners(props: SettingsBannersProps) {
  const t = useT();
  const { errors, publication } = props;
  const errorCount = Object.keys(errors).length;
  return (
    <>
      {errorCount > 0 && (
        <Banner tone="critical" title={t("settingsBanners.fieldsNeedAttention", { count: errorCount })}>
          {errors[props.formErrorKey] ? (
            <p>{errors[props.formErrorKey]}</p>
          ) : (
            <p>{t("settingsBanners.nothingSaved")}</p>
          )}
        </Banner>
      )}
      {publication && !publication.published && (
        <Banner
          tone="warning"
          title={t("settingsBanners.savedNotLive", { what: props.savedNoun })}
          action={{ content: t("settingsBanners.retryPublishing"), loading: props.publishing, onAction: props.onRetryPublish }}
        >
          <p>{t("settingsBanners.publishFailed", { reason: publication.reason })}</p>
        </Banner>
      )}
      {publication?.published && (
        <Banner tone="success" title={t("settingsBanners.savedAndPublished")}>
          <p>{t("settingsBanners.liveNow", { what: props.liveWhat })}</p>
        </Banner>
      )}
    </>
  );
}
