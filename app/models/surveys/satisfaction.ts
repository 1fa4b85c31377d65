import { addDays, isValidTimeZone, weekdayOf, zonedDateTime, type IsoDate } from "../shop/time";

/**
 * Survey arithmetic: NPS, CSAT and CES scores, follow-up triage of one answer, and trends by week or
 * month on the shop's calendar. Pure: no I/O.
 *
 * Scales
 * - NPS, 0-10 "How likely are you to recommend us?": promoters 9-10, passives 7-8, detractors 0-6.
 *   Score = % promoters - % detractors, a whole number from -100 to 100.
 * - CSAT, 1-5 "How satisfied are you?": score = % of answers that are 4 or 5, a whole number 0-100.
 * - CES, 1-7 "It was easy to ...", 1 = strongly disagree (very hard), 7 = strongly agree (very easy):
 *   score = mean answer to one decimal. Higher is better, as with the other two.
 *
 * Whole-number and one-decimal scores round half away from zero, computed on exact integers, so a
 * mirrored set of answers gets a mirrored score (12.5 -> 13, -12.5 -> -13). With no answers every score
 * is `null` (never NaN). An answer off its scale, or not a whole number, throws `SurveyAnswerError`.
 */

export const SURVEY_SCALES = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
} as const;
export type SurveyKind = keyof typeof SURVEY_SCALES;

/** The kinds a merchant can choose from, in the order the admin lists them. */
export const SURVEY_KINDS = ["csat", "nps", "ces"] as const satisfies readonly SurveyKind[];

/** An answer that is not a whole number on its survey's scale. */
export class SurveyAnswerError extends RangeError {
  constructor(
    readonly kind: SurveyKind,
    readonly value: unknown,
    /** Position of the answer in the list that was being scored, when there was one. */
    readonly index?: number,
  ) {
    const { min, max } = SURVEY_SCALES[kind];
    const where = index === undefined ? "" : ` at position ${index}`;
    super(`${kind.toUpperCase()} answer${where} must be a whole number from ${min} to ${max}, got ${String(value)}`);
    this.name = "SurveyAnswerError";
  }
}

/** True when `value` is a whole number on the scale of `kind`. */
export function isValidAnswer(kind: SurveyKind, value: unknown): value is number {
  const { min, max } = SURVEY_SCALES[kind];
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

export interface NpsSummary {
  kind: "nps";
  responses: number;
  /** -100..100, or null with no answers. */
  score: number | null;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface CsatSummary {
  kind: "csat";
  responses: number;
  /** Percentage of 4-5 answers, 0..100, or null with no answers. */
  score: number | null;
  satisfied: number;
}

export interface CesSummary {
  kind: "ces";
  responses: number;
  /** Mean answer to one decimal, 1..7 (7 = very easy), or null with no answers. */
  score: number | null;
}

export type SurveySummary = NpsSummary | CsatSummary | CesSummary;
type SummaryOf<K extends SurveyKind> = Extract<SurveySummary, { kind: K }>;

export function npsScore(answers: readonly number[]): NpsSummary {
  validateAll("nps", answers);
  const promoters = answers.filter((value) => value >= 9).length;
  const detractors = answers.filter((value) => value <= 6).length;
  const responses = answers.length;
  return {
    kind: "nps",
    responses,
    score: responses === 0 ? null : roundRatio((promoters - detractors) * 100, responses),
    promoters,
    passives: responses - promoters - detractors,
    detractors,
  };
}

export function csatScore(answers: readonly number[]): CsatSummary {
  validateAll("csat", answers);
  const satisfied = answers.filter((value) => value >= 4).length;
  const responses = answers.length;
  return { kind: "csat", responses, score: responses === 0 ? null : roundRatio(satisfied * 100, responses), satisfied };
}

export function cesScore(answers: readonly number[]): CesSummary {
  validateAll("ces", answers);
  const responses = answers.length;
  const total = answers.reduce((sum, value) => sum + value, 0);
  return { kind: "ces", responses, score: responses === 0 ? null : roundRatio(total * 10, responses) / 10 };
}

/** The score of `answers` for any survey kind. */
export function summarizeAnswers<K extends SurveyKind>(kind: K, answers: readonly number[]): SummaryOf<K>;
export function summarizeAnswers(kind: SurveyKind, answers: readonly number[]): SurveySummary {
  switch (kind) {
    case "nps":
      return npsScore(answers);
    case "csat":
      return csatScore(answers);
    case "ces":
      return cesScore(answers);
  }
}

/** Where one answer sits on its scale, as a code the admin and emails translate. */
export type AnswerBand =
  | "detractor" // NPS 0-6
  | "passive" // NPS 7-8
  | "promoter" // NPS 9-10
  | "dissatisfied" // CSAT 1-2
  | "neutral" // CSAT 3, CES 4
  | "satisfied" // CSAT 4-5
  | "hard" // CES 1-3
  | "easy"; // CES 5-7

export interface AnswerClassification {
  band: AnswerBand;
  /** True when someone should reach out: NPS detractor, CSAT 1-2, CES 1-3. */
  followUp: boolean;
}

/** Triage of a single answer, e.g. to open a follow-up task when it arrives. */
export function classifyAnswer(kind: SurveyKind, value: number): AnswerClassification {
  if (!isValidAnswer(kind, value)) throw new SurveyAnswerError(kind, value);
  const band = bandOf(kind, value);
  return { band, followUp: band === "detractor" || band === "dissatisfied" || band === "hard" };
}

function bandOf(kind: SurveyKind, value: number): AnswerBand {
  switch (kind) {
    case "nps":
      return value >= 9 ? "promoter" : value >= 7 ? "passive" : "detractor";
    case "csat":
      return value >= 4 ? "satisfied" : value === 3 ? "neutral" : "dissatisfied";
    case "ces":
      return value >= 5 ? "easy" : value === 4 ? "neutral" : "hard";
  }
}

// ---- Trends ----

export type TrendPeriod = "week" | "month";

export interface TimedAnswer {
  value: number;
  /** When the answer was given: a Date or an ISO 8601 string. */
  answeredAt: Date | string;
}

export interface TrendBucket<S extends SurveySummary = SurveySummary> {
  /** "2025-03" for a month; for a week, the date of its Monday, "2025-03-03". */
  period: string;
  /** First day of the bucket, YYYY-MM-DD in the shop's time zone. */
  startsOn: string;
  summary: S;
}

export interface TrendOptions {
  period: TrendPeriod;
  /** The shop's IANA time zone: an answer late on Sunday evening belongs to that shop's week. */
  timeZone: string;
}

/**
 * Groups answers into weeks (Monday to Sunday) or calendar months on the shop's calendar and scores
 * each. Buckets run without gaps from the first answer's to the last answer's, oldest first; a bucket
 * with no answers has a null score, so a chart shows the gap instead of joining across it.
 */
export function bucketAnswers<K extends SurveyKind>(
  kind: K,
  answers: readonly TimedAnswer[],
  options: TrendOptions,
): TrendBucket<SummaryOf<K>>[] {
  if (!isValidTimeZone(options.timeZone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(options.timeZone)}`);
  const grouped = new Map<IsoDate, number[]>();
  answers.forEach((answer, index) => {
    if (!isValidAnswer(kind, answer.value)) throw new SurveyAnswerError(kind, answer.value, index);
    const start = bucketStart(zonedDateTime(instantOf(answer.answeredAt), options.timeZone).date, options.period);
    const values = grouped.get(start);
    if (values) values.push(answer.value);
    else grouped.set(start, [answer.value]);
  });
  if (grouped.size === 0) return [];

  const starts = [...grouped.keys()].sort();
  const last = starts[starts.length - 1];
  const buckets: TrendBucket<SummaryOf<K>>[] = [];
  for (let start = starts[0]; start <= last; start = nextBucketStart(start, options.period)) {
    buckets.push({
      period: options.period === "month" ? start.slice(0, 7) : start,
      startsOn: start,
      summary: summarizeAnswers(kind, grouped.get(start) ?? []),
    });
  }
  return buckets;
}

function validateAll(kind: SurveyKind, answers: readonly number[]): void {
  answers.forEach((value, index) => {
    if (!isValidAnswer(kind, value)) throw new SurveyAnswerError(kind, value, index);
  });
}

/** numerator / denominator rounded half away from zero; exact on integers (denominator > 0). */
function roundRatio(numerator: number, denominator: number): number {
  const magnitude = Math.floor((2 * Math.abs(numerator) + denominator) / (2 * denominator));
  return Math.sign(numerator) * magnitude + 0; // + 0 turns -0 into 0
}

function instantOf(value: Date | string): Date {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`answeredAt is not a valid date: ${String(value)}`);
  return new Date(time);
}

/** Monday of the week, or the first of the month, holding `day`. */
function bucketStart(day: IsoDate, period: TrendPeriod): IsoDate {
  if (period === "month") return `${day.slice(0, 7)}-01`;
  const daysSinceMonday = (weekdayOf(day) + 6) % 7;
  return addDays(day, -daysSinceMonday);
}

function nextBucketStart(start: IsoDate, period: TrendPeriod): IsoDate {
  if (period === "week") return addDays(start, 7);
  const [year, month] = start.split("-").map(Number);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}
