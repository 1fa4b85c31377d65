import { SettingsFormPage } from "../settings/settings-form-page";
import type { RefundPolicy, ReturnPublishOutcome } from "~/models/returns/settings.server";
import { PolicyCard } from "./PolicyCard";
import { PreviewCard } from "./PreviewCard";
import { FORM_ERROR, type FieldErrors, type ReturnDraft } from "./return-form";
import { ConditionsCard, FinalSaleCard, HolidayCard, WindowCard } from "./RulesCards";

export interface ReturnSettingsPageProps {
  draft: ReturnDraft;
  onChange: (draft: ReturnDraft) => void;
  timeZone: string;
  now: Date;
  policy: RefundPolicy;
  errors: FieldErrors;
  publication: ReturnPublishOutcome | null;
  publishedAt: string | null;
  publishing: boolean;
  reloadingPolicy: boolean;
  onRetryPublish: () => void;
  onReloadPolicy: () => void;
  /** The title's back arrow: to the Returns queue. */
  backAction?: { content: string; url: string };
}

/** The return rules' cards, preview and refund policy check; the route adds App Bridge's save bar. */
export function ReturnSettingsPage(props: ReturnSettingsPageProps) {
  const { draft, onChange, errors } = props;
  const update = (patch: Partial<ReturnDraft>) => onChange({ ...draft, ...patch });

  return (
    <SettingsFormPage
      settings="returns"
      backAction={props.backAction}
      formErrorKey={FORM_ERROR}
      outcome={props}
      timeZone={props.timeZone}
      aside={
        <>
          <PreviewCard draft={draft} timeZone={props.timeZone} now={props.now} />
          <PolicyCard
            policy={props.policy}
            draft={draft}
            onChange={onChange}
            reloading={props.reloadingPolicy}
            onReload={props.onReloadPolicy}
          />
        </>
      }
    >
      <WindowCard draft={draft} errors={errors} onChange={update} />
      <FinalSaleCard draft={draft} errors={errors} onChange={update} />
      <ConditionsCard draft={draft} errors={errors} onChange={update} />
      <HolidayCard draft={draft} errors={errors} onChange={update} />
    </SettingsFormPage>
  );
}
