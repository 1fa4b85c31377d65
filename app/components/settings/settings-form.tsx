import { Form } from "@remix-run/react";
import { Button } from "@shopify/polaris";
import { useRef, type ReactNode } from "react";
import { useT } from "~/i18n";
import { SettingsSaveBar, type SettingsSaveBarProps } from "../settings-save-bar";

export interface SettingsFormProps extends Omit<SettingsSaveBarProps, "id" | "onSave"> {
  /** Unique per page: the save bar element's id. */
  saveBarId: string;
  /** Posted as the form's `intent`, when the page's action has several. */
  intent?: string;
  onSubmit?: () => void;
  children: ReactNode;
}

/**
 * A settings form posted with Remix's <Form>, saved from App Bridge's save bar as Shopify's admin does.
 * Without JavaScript there is no save bar: the form then shows its own Save button and posts as usual.
 */
export function SettingsForm({ saveBarId, intent, onSubmit, children, ...saveBar }: SettingsFormProps) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  return (
    <>
      <SettingsSaveBar id={saveBarId} {...saveBar} onSave={() => form.current?.requestSubmit()} />
      <Form method="post" noValidate ref={form} onSubmit={onSubmit}>
        {intent && <input type="hidden" name="intent" value={intent} />}
        {children}
        <noscript>
          <Button submit variant="primary">
            {t("common.save")}
          </Button>
        </noscript>
      </Form>
    </>
  );
}
