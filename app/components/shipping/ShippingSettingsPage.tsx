import { SettingsFormPage } from "../settings/settings-form-page";
import type { PublishOutcome } from "~/models/shipping/settings.server";
import type { CountryNames, CountryOption } from "./country-names.server";
import { BannerMessagesCard } from "./BannerMessagesCard";
import type { BannerLanguages } from "./banner-languages";
import { FreeShippingCard } from "./FreeShippingCard";
import { PreviewCard } from "./PreviewCard";
import { ProcessingCard } from "./ProcessingCard";
import { FORM_ERROR, type FieldErrors, type ShippingDraft } from "./shipping-form";
import { ZonesCard } from "./ZonesCard";

export interface ShippingSettingsPageProps {
  draft: ShippingDraft;
  onChange: (draft: ShippingDraft) => void;
  shop: { timeZone: string; currencyCode: string; currencies: string[] };
  now: Date;
  /** Country names, from the server only (see country-names.server.ts). */
  countries: readonly CountryOption[];
  countryNames: Readonly<Record<string, CountryNames>>;
  /** The languages a banner message can be written in, named on the server. */
  languages: BannerLanguages;
  errors: FieldErrors;
  publication: PublishOutcome | null;
  publishedAt: string | null;
  publishing: boolean;
  onRetryPublish: () => void;
}

/** The shipping rules' cards and preview; the route adds App Bridge's save bar. */
export function ShippingSettingsPage(props: ShippingSettingsPageProps) {
  const { draft, onChange, errors } = props;
  const update = (patch: Partial<ShippingDraft>) => onChange({ ...draft, ...patch });

  return (
    <SettingsFormPage
      settings="shipping"
      formErrorKey={FORM_ERROR}
      outcome={props}
      timeZone={draft.timeZone}
      aside={
        <PreviewCard
          draft={draft}
          now={props.now}
          defaultCurrency={props.shop.currencyCode}
          countries={props.countries}
          countryNames={props.countryNames}
        />
      }
    >
      <ZonesCard zones={draft.zones} errors={errors} onChange={(zones) => update({ zones })} />
      <ProcessingCard draft={draft} errors={errors} onChange={update} />
      <FreeShippingCard
        thresholds={draft.freeShipping}
        currencies={props.shop.currencies}
        errors={errors}
        onChange={(freeShipping) => update({ freeShipping })}
      />
      <BannerMessagesCard
        messages={draft.bannerMessages}
        languages={props.languages}
        errors={errors}
        onChange={(bannerMessages) => update({ bannerMessages })}
      />
    </SettingsFormPage>
  );
}
