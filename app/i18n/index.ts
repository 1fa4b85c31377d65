/** The admin's i18n, in one import: see README.md in this folder. */
export { I18nProvider, useFormat, useLocale, useT } from "./context";
export { createFormat, type Format } from "./format";
export { adminHref } from "./admin-links";
export { useAdminHref } from "./use-admin-href";
export { localeFromRequest, resolveLocale, type AdminLocale, type Language } from "./locale";
export { createTranslator, type MessageKey, type MessageVars, type Translate } from "./messages";
export { polarisTranslations } from "./polaris";

import { localeFromRequest, type SessionWithLocale } from "./locale";
import { createTranslator, type Translate } from "./messages";

/** A translator for a loader or action: messages the server puts in its answer (banners, errors). */
export const translatorFor = (request: Request, session?: SessionWithLocale | null): Translate =>
  createTranslator(localeFromRequest(request, session));
