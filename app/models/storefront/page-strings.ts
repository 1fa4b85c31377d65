/**
 * The words of the survey and review pages a shopper opens from an email, in every storefront language
 * Aftercare speaks (the Indonesian set must have every English key: typed). Limits are named in the
 * shopper's own number format. Pure: no I/O.
 */
import type { StorefrontLanguage } from "./language";

export interface StorefrontPageStrings {
  orderLabel: (orderName: string) => string;
  tooManyTitle: string;
  unreadableTitle: string;
  /** The body the app proxy sent was too large (413) or not a form we read (400, 415). */
  bodyTooLarge: string;
  bodyUnreadable: string;
  tryAgain: string;

  surveyExpiredTitle: string;
  surveyExpiredBody: string;
  surveyTooMany: string;
  surveyTooManyJson: string;
  surveyClosed: string;
  surveyChooseAnswer: (min: number, max: number) => string;
  surveyCommentMax: (max: number) => string;
  surveyCommentLabel: string;
  surveySend: string;
  surveyThanksTitle: string;
  surveyThanksBody: string;
  surveySorry: string;

  reviewExpiredTitle: string;
  reviewExpiredBody: string;
  reviewInvalidTitle: string;
  reviewInvalidBody: string;
  reviewNotFoundTitle: string;
  reviewNotFoundBody: string;
  reviewTooMany: string;
  reviewHeading: (productTitle: string) => string;
  reviewFromOrder: (orderName: string) => string;
  reviewHelpDoneTitle: string;
  reviewHelpDoneBody: (orderName: string) => string;
  reviewHelpStillReview: string;
  reviewArrivedQuestion: string;
  reviewArrivedBody: string;
  reviewHelpLabel: string;
  reviewHelpButton: string;
  reviewRatingLegend: string;
  reviewTitleLabel: string;
  reviewBodyLabel: string;
  reviewPhotoLabel: string;
  reviewPublish: string;
  reviewThanksTitle: string;
  reviewThanksBody: string;
  reviewLinkIncomplete: string;
  reviewChooseStars: (min: number, max: number) => string;
  reviewTitleMax: (max: number) => string;
  reviewBodyMax: (max: number) => string;
  reviewBodyRequired: string;
  reviewHelpMax: (max: number) => string;
  photoTooLarge: string;
  photoWrongType: string;
  photoUnreadable: string;
  photoEmpty: string;
  reviewFormTooLarge: string;
}

const number = (language: StorefrontLanguage) => (value: number) => value.toLocaleString(language === "id" ? "id-ID" : "en-US");
const en = number("en");
const id = number("id");

const EN: StorefrontPageStrings = {
  orderLabel: (order) => `Order ${order}`,
  tooManyTitle: "Please wait a moment",
  unreadableTitle: "We could not read your answer",
  bodyTooLarge: "The request is too large.",
  bodyUnreadable: "We could not read the form.",
  tryAgain: "Please go back and try again.",

  surveyExpiredTitle: "This survey link is no longer valid",
  surveyExpiredBody: "Survey links work for 30 days after we send them. Thank you for thinking of us!",
  surveyTooMany: "Too many answers came from here. Please try again in a few minutes.",
  surveyTooManyJson: "Too many answers. Please wait a few minutes.",
  surveyClosed: "This survey is no longer open.",
  surveyChooseAnswer: (min, max) => `Choose an answer from ${en(min)} to ${en(max)}.`,
  surveyCommentMax: (max) => `Keep the comment under ${en(max)} characters`,
  surveyCommentLabel: "Anything you would like to add? (optional)",
  surveySend: "Send my answer",
  surveyThanksTitle: "Thank you for your answer",
  surveyThanksBody: "Your answer helps us do better.",
  surveySorry: "We're sorry it was not better. Someone from our team will look at your answer.",

  reviewExpiredTitle: "This review link has expired",
  reviewExpiredBody: "Review links work for 60 days after we send them. Thank you for thinking of us!",
  reviewInvalidTitle: "This review link is not valid",
  reviewInvalidBody: "Please use the link from your email as it was sent.",
  reviewNotFoundTitle: "We could not find this order",
  reviewNotFoundBody: "The order may have been removed from the shop.",
  reviewTooMany: "Too many reviews came from here. Please try again in a few minutes.",
  reviewHeading: (product) => `Review ${product}`,
  reviewFromOrder: (order) => `From your order ${order}`,
  reviewHelpDoneTitle: "We're sorry, and we'll help",
  reviewHelpDoneBody: (order) => `We have let the team know about your order ${order}.`,
  reviewHelpStillReview: "You can still leave a review below, whenever you like.",
  reviewArrivedQuestion: "Did everything arrive as expected?",
  reviewArrivedBody: "If something is missing, damaged or not right, tell us and we'll sort it out. Your review below is welcome either way.",
  reviewHelpLabel: "What went wrong? (optional)",
  reviewHelpButton: "No, I need help",
  reviewRatingLegend: "Your rating",
  reviewTitleLabel: "Title (optional)",
  reviewBodyLabel: "Your review",
  reviewPhotoLabel: "A photo (optional: JPEG, PNG or WebP, up to 5 MB)",
  reviewPublish: "Publish my review",
  reviewThanksTitle: "Thank you for your review",
  reviewThanksBody: "It is now published.",
  reviewLinkIncomplete: "This link is incomplete",
  reviewChooseStars: (min, max) => `Choose from ${en(min)} to ${en(max)} stars`,
  reviewTitleMax: (max) => `Keep the title under ${en(max)} characters`,
  reviewBodyMax: (max) => `Keep the review under ${en(max)} characters`,
  reviewBodyRequired: "Tell other shoppers what you think",
  reviewHelpMax: (max) => `Keep the message under ${en(max)} characters`,
  photoTooLarge: "Your photo is larger than 5 MB. Please choose a smaller one.",
  photoWrongType: "Please add your photo as a JPEG, PNG or WebP image.",
  photoUnreadable: "We could not read this photo. Please choose another one.",
  photoEmpty: "The photo you chose is empty. Please choose it again.",
  reviewFormTooLarge: "Your review and photo are too large together. Please choose a photo under 5 MB.",
};

const ID: StorefrontPageStrings = {
  orderLabel: (order) => `Pesanan ${order}`,
  tooManyTitle: "Mohon tunggu sebentar",
  unreadableTitle: "Kami tidak dapat membaca jawaban Anda",
  bodyTooLarge: "Kiriman terlalu besar.",
  bodyUnreadable: "Kami tidak dapat membaca formulir.",
  tryAgain: "Silakan kembali dan coba lagi.",

  surveyExpiredTitle: "Tautan survei ini sudah tidak berlaku",
  surveyExpiredBody: "Tautan survei berlaku 30 hari setelah kami kirim. Terima kasih sudah mengingat kami!",
  surveyTooMany: "Terlalu banyak jawaban dari sini. Silakan coba lagi dalam beberapa menit.",
  surveyTooManyJson: "Terlalu banyak jawaban. Mohon tunggu beberapa menit.",
  surveyClosed: "Survei ini sudah ditutup.",
  surveyChooseAnswer: (min, max) => `Pilih jawaban dari ${id(min)} sampai ${id(max)}.`,
  surveyCommentMax: (max) => `Tulis komentar kurang dari ${id(max)} karakter`,
  surveyCommentLabel: "Ada yang ingin Anda tambahkan? (opsional)",
  surveySend: "Kirim jawaban saya",
  surveyThanksTitle: "Terima kasih atas jawaban Anda",
  surveyThanksBody: "Jawaban Anda membantu kami menjadi lebih baik.",
  surveySorry: "Mohon maaf pengalaman Anda kurang baik. Tim kami akan membaca jawaban Anda.",

  reviewExpiredTitle: "Tautan ulasan ini sudah kedaluwarsa",
  reviewExpiredBody: "Tautan ulasan berlaku 60 hari setelah kami kirim. Terima kasih sudah mengingat kami!",
  reviewInvalidTitle: "Tautan ulasan ini tidak valid",
  reviewInvalidBody: "Gunakan tautan dari email Anda persis seperti yang dikirim.",
  reviewNotFoundTitle: "Kami tidak menemukan pesanan ini",
  reviewNotFoundBody: "Pesanan ini mungkin sudah dihapus dari toko.",
  reviewTooMany: "Terlalu banyak ulasan dari sini. Silakan coba lagi dalam beberapa menit.",
  reviewHeading: (product) => `Ulas ${product}`,
  reviewFromOrder: (order) => `Dari pesanan Anda ${order}`,
  reviewHelpDoneTitle: "Mohon maaf, kami akan membantu",
  reviewHelpDoneBody: (order) => `Kami sudah memberi tahu tim tentang pesanan Anda ${order}.`,
  reviewHelpStillReview: "Anda tetap bisa menulis ulasan di bawah, kapan saja.",
  reviewArrivedQuestion: "Apakah semuanya tiba sesuai harapan?",
  reviewArrivedBody: "Jika ada yang kurang, rusak, atau tidak sesuai, beri tahu kami dan kami akan membereskannya. Ulasan Anda di bawah tetap kami sambut.",
  reviewHelpLabel: "Apa yang salah? (opsional)",
  reviewHelpButton: "Tidak, saya butuh bantuan",
  reviewRatingLegend: "Penilaian Anda",
  reviewTitleLabel: "Judul (opsional)",
  reviewBodyLabel: "Ulasan Anda",
  reviewPhotoLabel: "Foto (opsional: JPEG, PNG, atau WebP, maksimal 5 MB)",
  reviewPublish: "Terbitkan ulasan saya",
  reviewThanksTitle: "Terima kasih atas ulasan Anda",
  reviewThanksBody: "Ulasan Anda sudah terbit.",
  reviewLinkIncomplete: "Tautan ini tidak lengkap",
  reviewChooseStars: (min, max) => `Pilih ${id(min)} sampai ${id(max)} bintang`,
  reviewTitleMax: (max) => `Tulis judul kurang dari ${id(max)} karakter`,
  reviewBodyMax: (max) => `Tulis ulasan kurang dari ${id(max)} karakter`,
  reviewBodyRequired: "Ceritakan pendapat Anda kepada pembeli lain",
  reviewHelpMax: (max) => `Tulis pesan kurang dari ${id(max)} karakter`,
  photoTooLarge: "Foto Anda lebih dari 5 MB. Silakan pilih yang lebih kecil.",
  photoWrongType: "Tambahkan foto Anda sebagai gambar JPEG, PNG, atau WebP.",
  photoUnreadable: "Kami tidak dapat membaca foto ini. Silakan pilih foto lain.",
  photoEmpty: "Foto yang Anda pilih kosong. Silakan pilih lagi.",
  reviewFormTooLarge: "Ulasan dan foto Anda terlalu besar. Silakan pilih foto di bawah 5 MB.",
};

export const STOREFRONT_PAGE_STRINGS: Record<StorefrontLanguage, StorefrontPageStrings> = { en: EN, id: ID };

export const pageStrings = (language: StorefrontLanguage): StorefrontPageStrings => STOREFRONT_PAGE_STRINGS[language];

/** What to tell the shopper when the posted form was refused before it was read (413, 400, 415). */
export function unreadableBodyMessage(status: number, words: StorefrontPageStrings): string {
  return status === 413 ? words.bodyTooLarge : words.bodyUnreadable;
}
