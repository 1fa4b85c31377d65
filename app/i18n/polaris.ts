/**
 * Polaris's own strings (buttons, banners' dismiss labels, pagination...) for the admin language.
 * Polaris ships no Indonesian: polaris/id.json is ours and covers every key of its en.json (tested).
 */
import en from "@shopify/polaris/locales/en.json";
import id from "./polaris/id.json";
import type { Language } from "./locale";

export type PolarisTranslations = typeof en;

const POLARIS: Record<Language, PolarisTranslations> = { en, id };

export const polarisTranslations = (language: Language): PolarisTranslations => POLARIS[language];
