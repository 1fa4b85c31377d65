import type { ContactChannel } from "../backend";
import type { Translate } from "../host";

function channelText(channel: ContactChannel, t: Translate): string {
  switch (channel.kind) {
    case "email":
    case "phone":
    case "whatsapp":
      return t(`contact.${channel.kind}`, { value: channel.label });
    case "chat":
      return t("contact.chat");
    case "social":
      return t(`contact.networks.${channel.network ?? ""}`);
  }
}

/** The shop's help channels, the same ones every storefront block offers; nothing when it has none. */
export function ContactOptions({ channels, t }: { channels: readonly ContactChannel[]; t: Translate }) {
  if (channels.length === 0) return null;
  return (
    <s-stack gap="small-200">
      <s-heading>{t("contact.heading")}</s-heading>
      <s-unordered-list>
        {channels.map((channel) => (
          <s-list-item key={channel.href}>
            <s-link href={channel.href} target="_blank">
              {channelText(channel, t)}
            </s-link>
          </s-list-item>
        ))}
      </s-unordered-list>
    </s-stack>
  );
}
