/**
 * The words Aftercare adds around a shopper's email (greeting fallback, star labels, captions, footers),
 * in every language of EMAIL_LANGUAGES. The Indonesian set must have every English key (typed).
 * Pure: no I/O.
 */
import type { EmailLanguage } from "./language";

export interface EmailStrings {
  /** Stands in for a first name we do not know ("Hi there,"). */
  firstNameFallback: string;
  /** Shown when no promised range is known ("taking longer than the delivery time we promised"). */
  deliveryTimeFallback: string;
  starLabel: (rating: number) => string;
  reviewCaption: string;
  reviewFooter: (productTitle: string, shopName: string) => string;
  delayFooter: (orderName: string, shopName: string) => string;
  surveyFooter: (orderName: string, shopName: string) => string;
  anniversaryFooter: (shopName: string) => string;
  contactLine: (channels: string, hours: string | null) => string;
  anniversaryDiscountLine: (percent: number, code: string, validUntil: string) => string;
}

const stars = (rating: number) => `${"★".repeat(rating)}${"☆".repeat(5 - rating)}`;

const EN: EmailStrings = {
  firstNameFallback: "there",
  deliveryTimeFallback: "delivery time",
  starLabel: (rating) => `${stars(rating)} ${rating} star${rating === 1 ? "" : "s"}`,
  reviewCaption: "Rate it from 1 to 5 stars (you can add a photo on the next page):",
  reviewFooter: (product, shop) => `You receive this email because you ordered ${product} from ${shop}. We ask once per item, with at most one reminder.`,
  delayFooter: (order, shop) => `You receive this email because you ordered ${order} from ${shop}.`,
  surveyFooter: (order, shop) => `You receive this email because you ordered ${order} from ${shop}. We ask once per order.`,
  anniversaryFooter: (shop) => `You receive this email because you are a customer of ${shop}. We send it once.`,
  contactLine: (channels, hours) => `Questions? Reach us at ${channels}${hours ? ` (${hours})` : ""}.`,
  anniversaryDiscountLine: (percent, code, until) => `As a thank-you, here is ${percent}% off your next order with the code ${code}, valid until ${until}.`,
};

const ID: EmailStrings = {
  firstNameFallback: "Kak",
  deliveryTimeFallback: "waktu pengiriman",
  starLabel: (rating) => `${stars(rating)} ${rating} bintang`,
  reviewCaption: "Beri nilai 1 sampai 5 bintang (Anda bisa menambahkan foto di halaman berikutnya):",
  reviewFooter: (product, shop) =>
    `Anda menerima email ini karena memesan ${product} dari ${shop}. Kami hanya bertanya sekali untuk setiap produk, dengan paling banyak satu pengingat.`,
  delayFooter: (order, shop) => `Anda menerima email ini karena memesan ${order} dari ${shop}.`,
  surveyFooter: (order, shop) => `Anda menerima email ini karena memesan ${order} dari ${shop}. Kami hanya bertanya sekali untuk setiap pesanan.`,
  anniversaryFooter: (shop) => `Anda menerima email ini karena Anda pelanggan ${shop}. Kami hanya mengirimnya sekali.`,
  contactLine: (channels, hours) => `Ada pertanyaan? Hubungi kami di ${channels}${hours ? ` (${hours})` : ""}.`,
  anniversaryDiscountLine: (percent, code, until) =>
    `Sebagai ucapan terima kasih, nikmati potongan ${percent}% untuk pesanan berikutnya dengan kode ${code}, berlaku hingga ${until}.`,
};

export const EMAIL_STRINGS: Record<EmailLanguage, EmailStrings> = { en: EN, id: ID };
