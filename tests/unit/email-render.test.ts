import { describe, expect, it } from "vitest";
import { renderEmail, unknownPlaceholders } from "../../app/email/render";

const template = {
  subject: "Your order {order_name} is running late",
  body: "Hi {first_name},\n\nYour parcel will arrive after {promised_date}.\nTrack it: {tracking_url}\n\nSorry! {shop_name}",
};

describe("renderEmail", () => {
  it("fills placeholders in the subject, text and HTML parts", () => {
    const email = renderEmail({
      template,
      values: { order_name: "#1001", first_name: "Ana", promised_date: "12 March", shop_name: "Kopi", tracking_url: { url: "https://track.example/1" } },
    });
    expect(email.subject).toBe("Your order #1001 is running late");
    expect(email.text).toContain("Hi Ana,\n\nYour parcel will arrive after 12 March.\nTrack it: https://track.example/1");
    expect(email.html).toContain('<p style="margin:0 0 16px">Hi Ana,</p>');
    expect(email.html).toContain('12 March.<br>Track it: <a href="https://track.example/1">https://track.example/1</a>');
  });

  it("escapes every value and the template's own text in the HTML part", () => {
    const email = renderEmail({
      template: { subject: "Hi {first_name}", body: "Hi {first_name} <b>& welcome</b>" },
      values: { first_name: '<img src=x onerror="alert(1)">' },
    });
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<b>");
    expect(email.html).toContain("Hi &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &lt;b&gt;&amp; welcome&lt;/b&gt;");
    expect(email.text).toContain('Hi <img src=x onerror="alert(1)"> <b>& welcome</b>');
  });

  it("never turns a non-web URL into a link", () => {
    const email = renderEmail({ template: { subject: "x", body: "{link}" }, values: { link: { url: "javascript:alert(1)", label: "Click" } } });
    expect(email.html).not.toContain("href");
    expect(email.html).toContain("Click (javascript:alert(1))");
  });

  it("keeps the subject on one line", () => {
    const email = renderEmail({ template: { subject: "Hello {name}", body: "x" }, values: { name: "A\r\nBcc: victim@example.com" } });
    expect(email.subject).toBe("Hello A Bcc: victim@example.com");
  });

  it("leaves a placeholder without a value as written, and names it for the settings form", () => {
    const email = renderEmail({ template: { subject: "x", body: "Hi {frist_name}" }, values: { first_name: "Ana" } });
    expect(email.text).toContain("Hi {frist_name}");
    expect(unknownPlaceholders({ subject: "{order_name}", body: "Hi {frist_name}" }, ["order_name", "first_name"])).toEqual(["frist_name"]);
  });

  it("renders rows of answer links after the body, in both parts", () => {
    const email = renderEmail({
      template: { subject: "Quick question", body: "How did we do?" },
      values: {},
      actions: [{ caption: "1 = very unhappy, 5 = very happy", links: [1, 2].map((n) => ({ label: String(n), url: `https://s.example/a?v=${n}&t=x` })) }],
      footer: "You ordered from Kopi.",
    });
    expect(email.text).toContain("1 = very unhappy, 5 = very happy\n1: https://s.example/a?v=1&t=x\n2: https://s.example/a?v=2&t=x");
    expect(email.html).toContain('href="https://s.example/a?v=2&amp;t=x"');
    expect(email.text.trimEnd().endsWith("--\nYou ordered from Kopi.")).toBe(true);
  });
});
