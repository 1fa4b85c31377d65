/**
 * The admin language for React: app/routes/app.tsx resolves the locale and wraps every admin page in
 * <I18nProvider>; components read it with useT() / useFormat() / useLocale(). Outside a provider
 * (a component rendered on its own) everything is English.
 */
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { createFormat, type Format } from "./format";
import { DEFAULT_LANGUAGE, type AdminLocale } from "./locale";
import { createTranslator, type Translate } from "./messages";

interface I18nValue {
  locale: AdminLocale;
  t: Translate;
  format: Format;
}

function i18nFor(locale: AdminLocale): I18nValue {
  return { locale, t: createTranslator(locale), format: createFormat(locale) };
}

const I18nContext = createContext<I18nValue>(i18nFor({ language: DEFAULT_LANGUAGE, tag: DEFAULT_LANGUAGE }));

export function I18nProvider({ locale, children }: { locale: AdminLocale; children: ReactNode }) {
  const value = useMemo(() => i18nFor(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** `t("home.stats.orders")`, `t("surveys.responses", { count: 3 })`. */
export const useT = (): Translate => useContext(I18nContext).t;

/** `format.date(iso)`, `format.money(amount, "IDR")`, `format.percent(87.5)`. */
export const useFormat = (): Format => useContext(I18nContext).format;

export const useLocale = (): AdminLocale => useContext(I18nContext).locale;
