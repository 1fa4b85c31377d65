import { useState } from "react";
import { Banner, BlockStack, Button, ButtonGroup, Card, Checkbox, Divider, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import { useFormat, useT } from "../../i18n";
import type { ReturnDetailView } from "../../models/returns/returns-queue.server";
import { DECLINE_REASONS, statusLabel } from "./return-words";

export type ReturnActionFields = Record<string, string>;

interface Props {
  view: ReturnDetailView;
  busy: boolean;
  /** Field errors of the last submission, by field name (`reason`, `amount`, `labelUrl`...). */
  errors: Record<string, string>;
  onSubmit: (fields: ReturnActionFields) => void;
}

type Confirming = "decline" | "process" | "close" | null;

/**
 * The actions valid for the return's state, and only those: approve or decline a requested return;
 * add a label, mark received and refund (with the exchange items, if the return has them), or close an open one. Declining, processing and closing ask
 * for a confirmation first.
 */
export function ReturnActionsCard({ view, busy, errors, onSubmit }: Props) {
  const t = useT();
  const status = view.status;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("returns.queue.actions.title")}
        </Text>
        {status === "REQUESTED" ? <RequestedActions busy={busy} errors={errors} onSubmit={onSubmit} /> : null}
        {status === "OPEN" ? <OpenActions view={view} busy={busy} errors={errors} onSubmit={onSubmit} /> : null}
        {status !== "REQUESTED" && status !== "OPEN" ? (
          <Text as="p" tone="subdued">
            {t("returns.queue.actions.nothing", { status: statusLabel(t, status.toLowerCase()).toLowerCase() })}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function Confirmation({ warning, confirmLabel, busy, onConfirm, onCancel }: { warning: string; confirmLabel: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  return (
    <Banner tone="warning">
      <BlockStack gap="200">
        <Text as="p">{warning}</Text>
        <ButtonGroup>
          <Button variant="primary" tone="critical" onClick={onConfirm} loading={busy}>
            {confirmLabel}
          </Button>
          <Button onClick={onCancel} disabled={busy}>
            {t("returns.queue.actions.keep")}
          </Button>
        </ButtonGroup>
      </BlockStack>
    </Banner>
  );
}

function RequestedActions({ busy, errors, onSubmit }: Omit<Props, "view">) {
  const t = useT();
  const [notify, setNotify] = useState(false);
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState<Confirming>(null);
  const notifyField: ReturnActionFields = notify ? { notifyCustomer: "on" } : {};
  return (
    <BlockStack gap="400">
      <Checkbox label={t("returns.queue.actions.notify")} checked={notify} onChange={setNotify} />
      <BlockStack gap="200">
        <Text as="p" tone="subdued">{t("returns.queue.actions.approveHelp")}</Text>
        <div>
          <Button variant="primary" loading={busy} onClick={() => onSubmit({ intent: "approve", ...notifyField })}>
            {t("returns.queue.actions.approve")}
          </Button>
        </div>
      </BlockStack>
      <Divider />
      <Text as="h3" variant="headingSm">{t("returns.queue.actions.decline")}</Text>
      <FormLayout>
        <Select
          label={t("returns.queue.actions.declineReason")}
          placeholder=" "
          options={DECLINE_REASONS.map((value) => ({ label: t(`returns.queue.declineReason.${value}`), value }))}
          value={reason}
          onChange={setReason}
          error={errors.reason}
        />
        <TextField label={t("returns.queue.actions.declineNote")} value={note} onChange={setNote} multiline={3} maxLength={500} showCharacterCount autoComplete="off" error={errors.note} />
      </FormLayout>
      {confirming === "decline" ? (
        <Confirmation
          warning={t("returns.queue.actions.declineWarning")}
          confirmLabel={t("returns.queue.actions.declineConfirm")}
          busy={busy}
          onConfirm={() => onSubmit({ intent: "decline", reason, note, ...notifyField })}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <div>
          <Button tone="critical" onClick={() => setConfirming("decline")} disabled={busy}>
            {t("returns.queue.actions.decline")}
          </Button>
        </div>
      )}
    </BlockStack>
  );
}

function OpenActions({ view, busy, errors, onSubmit }: Props) {
  const t = useT();
  const format = useFormat();
  const [notify, setNotify] = useState(false);
  const [labelUrl, setLabelUrl] = useState("");
  const [trackingNumber, setTrackingNumber] = useState("");
  const [trackingUrl, setTrackingUrl] = useState("");
  const open = view.lines.filter((line) => line.quantity > line.processedQuantity);
  const [quantities, setQuantities] = useState<Record<string, string>>(() => Object.fromEntries(open.map((line) => [line.id, String(line.quantity - line.processedQuantity)])));
  const openExchanges = view.exchanges.filter((exchange) => exchange.processableQuantity > 0);
  const [exchanges, setExchanges] = useState<Record<string, string>>(() => Object.fromEntries(openExchanges.map((exchange) => [exchange.id, String(exchange.processableQuantity)])));
  const [refund, setRefund] = useState("original_payment");
  const [amount, setAmount] = useState(view.refundable?.amount ?? "");
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState<Confirming>(null);
  const notifyField: ReturnActionFields = notify ? { notifyCustomer: "on" } : {};
  const quantityFields = Object.fromEntries([
    ...Object.entries(quantities).map(([id, quantity]) => [`quantity:${id}`, quantity]),
    ...Object.entries(exchanges).map(([id, quantity]) => [`exchange:${id}`, quantity]),
  ]);

  return (
    <BlockStack gap="400">
      <Checkbox label={t("returns.queue.actions.notify")} checked={notify} onChange={setNotify} />
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">{t("returns.queue.actions.label")}</Text>
        <Text as="p" tone="subdued">{t("returns.queue.actions.labelHelp")}</Text>
        <FormLayout>
          <TextField label={t("returns.queue.actions.labelUrl")} type="url" value={labelUrl} onChange={setLabelUrl} autoComplete="off" error={errors.labelUrl} />
          <FormLayout.Group>
            <TextField label={t("returns.queue.actions.trackingNumber")} value={trackingNumber} onChange={setTrackingNumber} autoComplete="off" error={errors.trackingNumber} />
            <TextField label={t("returns.queue.actions.trackingUrl")} type="url" value={trackingUrl} onChange={setTrackingUrl} autoComplete="off" error={errors.trackingUrl} />
          </FormLayout.Group>
        </FormLayout>
        <div>
          <Button loading={busy} onClick={() => onSubmit({ intent: "label", labelUrl, trackingNumber, trackingUrl, ...notifyField })}>
            {t("returns.queue.actions.labelSave")}
          </Button>
        </div>
      </BlockStack>
      {open.length > 0 || openExchanges.length > 0 ? (
        <>
          <Divider />
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">{t("returns.queue.actions.process")}</Text>
            <Text as="p" tone="subdued">{t("returns.queue.actions.processHelp")}</Text>
            <FormLayout>
              {open.map((line) => (
                <TextField
                  key={line.id}
                  label={t("returns.queue.actions.quantityOf", { title: line.title ?? t("returns.queue.detail.unknownItem") })}
                  type="number"
                  min={0}
                  max={line.quantity - line.processedQuantity}
                  value={quantities[line.id] ?? ""}
                  onChange={(value) => setQuantities((current) => ({ ...current, [line.id]: value }))}
                  autoComplete="off"
                  error={errors[`quantities.${line.id}`]}
                />
              ))}
              {openExchanges.map((exchange) => (
                <TextField
                  key={exchange.id}
                  label={t("returns.queue.actions.exchangeQuantityOf", {
                    title: [exchange.title ?? t("returns.queue.detail.unknownItem"), exchange.variantTitle].filter(Boolean).join(" – "),
                  })}
                  type="number"
                  min={0}
                  max={exchange.processableQuantity}
                  value={exchanges[exchange.id] ?? ""}
                  onChange={(value) => setExchanges((current) => ({ ...current, [exchange.id]: value }))}
                  autoComplete="off"
                  error={errors[`exchanges.${exchange.id}`]}
                />
              ))}
              <Select
                label={t("returns.queue.actions.refund")}
                options={[
                  { label: t("returns.queue.actions.refundOriginal"), value: "original_payment" },
                  { label: t("returns.queue.actions.refundCredit"), value: "store_credit" },
                  { label: t("returns.queue.actions.refundNone"), value: "none" },
                ]}
                value={refund}
                onChange={setRefund}
                error={errors.refund}
              />
              {refund !== "none" ? (
                <TextField
                  label={t("returns.queue.actions.amount")}
                  value={amount}
                  onChange={setAmount}
                  inputMode="decimal"
                  autoComplete="off"
                  suffix={view.refundable?.currencyCode}
                  helpText={view.refundable ? t("returns.queue.actions.amountHelp", { amount: format.money(view.refundable.amount, view.refundable.currencyCode) }) : undefined}
                  error={errors.amount}
                />
              ) : null}
              <TextField label={t("returns.queue.actions.processNote")} value={note} onChange={setNote} autoComplete="off" error={errors.note} />
            </FormLayout>
            {errors.quantities ? <Text as="p" tone="critical">{errors.quantities}</Text> : null}
            {openExchanges.length > 0 ? <Text as="p" tone="subdued">{t("returns.queue.actions.exchangeHelp")}</Text> : null}
            {confirming === "process" ? (
              <Confirmation
                warning={t(view.exchanges.length > 0 ? "returns.queue.actions.processWarningExchange" : "returns.queue.actions.processWarning")}
                confirmLabel={t("returns.queue.actions.processSubmit")}
                busy={busy}
                onConfirm={() => onSubmit({ intent: "process", refund, amount: refund === "none" ? "" : amount, note, ...notifyField, ...quantityFields })}
                onCancel={() => setConfirming(null)}
              />
            ) : (
              <div>
                <Button variant="primary" onClick={() => setConfirming("process")} disabled={busy}>
                  {t("returns.queue.actions.processSubmit")}
                </Button>
              </div>
            )}
          </BlockStack>
        </>
      ) : null}
      <Divider />
      {confirming === "close" ? (
        <Confirmation
          warning={t("returns.queue.actions.closeWarning")}
          confirmLabel={t("returns.queue.actions.close")}
          busy={busy}
          onConfirm={() => onSubmit({ intent: "close" })}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <div>
          <Button onClick={() => setConfirming("close")} disabled={busy}>
            {t("returns.queue.actions.close")}
          </Button>
        </div>
      )}
    </BlockStack>
  );
}
