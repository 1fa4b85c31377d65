import { Banner } from "@shopify/polaris";

/** What the last save of a settings page said: field errors, or whether publishing to the storefront worked. */
export interface SettingsBannersProps {
  /** Field path → message; the form-wide message sits under `formErrorKey`. */
  errors: Record<string, string>;
  formErrorKey: string;
  publication: { published: true } | { published: false; reason: string } | null;
  publishing: boolean;
  onRetryPublish: () => void;
  /** "Rules" or "Settings": what was saved. */
  savedNoun: string;
  /** What the storefront shows once published, e.g. "the new return rules". */
  liveWhat: string;
}

export function SettingsBanners(props: SettingsBannersProps) {
  const { errors, publication } = props;
  const errorCount = Object.keys(errors).length;
  return (
    <>
      {errorCount > 0 && (
        <Banner tone="critical" title={errorCount === 1 ? "1 field needs attention" : `${errorCount} fields need attention`}>
          {errors[props.formErrorKey] ? (
            <p>{errors[props.formErrorKey]}</p>
          ) : (
            <p>Nothing was saved. Fix the highlighted fields and save again.</p>
          )}
        </Banner>
      )}
      {publication && !publication.published && (
        <Banner
          tone="warning"
          title={`${props.savedNoun} saved, but not yet live on your storefront`}
          action={{ content: "Retry publishing", loading: props.publishing, onAction: props.onRetryPublish }}
        >
          <p>Publishing to Shopify failed: {publication.reason}</p>
        </Banner>
      )}
      {publication?.published && (
        <Banner tone="success" title="Saved and published">
          <p>Your storefront shows {props.liveWhat} now.</p>
        </Banner>
      )}
    </>
  );
}
