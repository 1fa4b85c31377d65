/** The parts of the `shopify` global every target of this extension uses, so shared code takes them as a parameter. */
export interface Host {
  i18n: {
    translate: (key: string, options?: Record<string, string | number>) => unknown;
    formatDate: (date: Date, options?: Intl.DateTimeFormatOptions) => string;
  };
  sessionToken: { get(): Promise<string> };
}

export type Translate = (key: string, options?: Record<string, string | number>) => string;

export const translator = (host: Host): Translate => (key, options) => String(host.i18n.translate(key, options));
