import { describe, expect, it } from "vitest";
import {
  SurveyAnswerError,
  bucketAnswers,
  cesScore,
  classifyAnswer,
  csatScore,
  isValidAnswer,
  npsScore,
  summarizeAnswers,
} from "~/models/surveys/satisfaction";

describe("npsScore", () => {
  it("is 100 when everyone is a promoter and -100 when everyone is a detractor", () => {
    expect(npsScore([9, 10, 10, 9]).score).toBe(100);
    expect(npsScore([0, 3, 6, 6, 1]).score).toBe(-100);
  });

  it("is 0 with passives only, which count as responses but move nothing", () => {
    expect(npsScore([7, 8, 8, 7])).toEqual({ kind: "nps", responses: 4, score: 0, promoters: 0, passives: 4, detractors: 0 });
  });

  it("puts 6 with detractors and 9 with promoters", () => {
    expect(npsScore([6, 9])).toMatchObject({ promoters: 1, detractors: 1, passives: 0, score: 0 });
    expect(npsScore([6, 7, 8, 9])).toMatchObject({ promoters: 1, passives: 2, detractors: 1 });
  });

  it("scores a single answer", () => {
    expect(npsScore([10])).toEqual({ kind: "nps", responses: 1, score: 100, promoters: 1, passives: 0, detractors: 0 });
    expect(npsScore([8]).score).toBe(0);
    expect(npsScore([0]).score).toBe(-100);
  });

  it("rounds the exact difference, not the difference of rounded percentages", () => {
    // 66.67% promoters - 33.33% detractors = 33.33 -> 33 (rounding each first would give 67 - 33 = 34).
    expect(npsScore([10, 9, 2]).score).toBe(33);
  });

  it("rounds halves away from zero, so mirrored answers get mirrored scores", () => {
    // 3 promoters, 2 detractors, 3 passives out of 8: 12.5 -> 13; the mirror gives -13.
    expect(npsScore([10, 10, 9, 0, 5, 7, 7, 8]).score).toBe(13);
    expect(npsScore([10, 9, 0, 5, 6, 7, 7, 8]).score).toBe(-13);
  });

  it("never returns negative zero", () => {
    // 1 promoter, 1 detractor: exactly 0, and a tiny negative such as -0.1 rounds to a plain 0 too.
    expect(Object.is(npsScore([9, 6]).score, 0)).toBe(true);
    const manyPassives = [...Array.from({ length: 999 }, () => 8), 0];
    expect(Object.is(npsScore(manyPassives).score, 0)).toBe(true);
  });

  it("returns a null score and zero counts for no answers", () => {
    expect(npsScore([])).toEqual({ kind: "nps", responses: 0, score: null, promoters: 0, passives: 0, detractors: 0 });
  });

  it("rejects answers off the 0-10 scale, naming the position", () => {
    expect(() => npsScore([9, 11])).toThrow(SurveyAnswerError);
    expect(() => npsScore([9, 11])).toThrow("NPS answer at position 1 must be a whole number from 0 to 10, got 11");
    expect(() => npsScore([-1])).toThrow(SurveyAnswerError);
    expect(() => npsScore([7.5])).toThrow(SurveyAnswerError);
    expect(() => npsScore([Number.NaN])).toThrow(SurveyAnswerError);
  });

  it("exposes the offending answer on the error", () => {
    try {
      npsScore([10, 10, 42]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SurveyAnswerError);
      expect(error).toMatchObject({ kind: "nps", value: 42, index: 2 });
    }
  });
});

describe("csatScore", () => {
  it("is the share of 4 and 5 answers, as a whole percentage", () => {
    expect(csatScore([5, 4, 3, 2])).toEqual({ kind: "csat", responses: 4, score: 50, satisfied: 2 });
    expect(csatScore([5, 5, 5]).score).toBe(100);
    expect(csatScore([1, 2, 3]).score).toBe(0);
    expect(csatScore([5, 3, 3]).score).toBe(33);
    expect(csatScore([5, 5, 3]).score).toBe(67);
  });

  it("rounds halves up", () => {
    // 1 satisfied of 8 = 12.5%.
    expect(csatScore([5, 1, 1, 1, 1, 1, 1, 1]).score).toBe(13);
  });

  it("returns a null score for no answers and rejects 0 and 6", () => {
    expect(csatScore([])).toEqual({ kind: "csat", responses: 0, score: null, satisfied: 0 });
    expect(() => csatScore([0])).toThrow("CSAT answer at position 0 must be a whole number from 1 to 5, got 0");
    expect(() => csatScore([6])).toThrow(SurveyAnswerError);
  });
});

describe("cesScore", () => {
  it("is the mean answer to one decimal (7 = very easy)", () => {
    expect(cesScore([7, 6, 5])).toEqual({ kind: "ces", responses: 3, score: 6 });
    expect(cesScore([7, 6]).score).toBe(6.5);
    expect(cesScore([1, 2, 2]).score).toBe(1.7);
    expect(cesScore([4]).score).toBe(4);
  });

  it("rounds a mean that falls on a half up", () => {
    expect(cesScore([5, 5, 5, 6]).score).toBe(5.3); // 5.25
    expect(cesScore([...Array.from({ length: 11 }, () => 2), ...Array.from({ length: 9 }, () => 3)]).score).toBe(2.5); // 2.45
    expect(cesScore([1, 1, 1, 2]).score).toBe(1.3); // 1.25
  });

  it("returns a null score for no answers and rejects 0 and 8", () => {
    expect(cesScore([])).toEqual({ kind: "ces", responses: 0, score: null });
    expect(() => cesScore([0])).toThrow(SurveyAnswerError);
    expect(() => cesScore([8])).toThrow(SurveyAnswerError);
  });
});

describe("summarizeAnswers", () => {
  it("picks the scorer for the survey kind", () => {
    expect(summarizeAnswers("nps", [10, 0]).score).toBe(0);
    expect(summarizeAnswers("csat", [5, 1]).score).toBe(50);
    expect(summarizeAnswers("ces", [5, 1]).score).toBe(3);
  });
});

describe("isValidAnswer", () => {
  it("accepts whole numbers on the scale only", () => {
    expect(isValidAnswer("nps", 0)).toBe(true);
    expect(isValidAnswer("nps", 10)).toBe(true);
    expect(isValidAnswer("csat", 0)).toBe(false);
    expect(isValidAnswer("ces", 7)).toBe(true);
    expect(isValidAnswer("ces", "7")).toBe(false);
    expect(isValidAnswer("ces", Number.POSITIVE_INFINITY)).toBe(false);
  });
});

describe("classifyAnswer", () => {
  it("flags NPS detractors (0-6) for follow-up", () => {
    const bands = Array.from({ length: 11 }, (_, value) => classifyAnswer("nps", value));
    expect(bands.map((answer) => answer.band)).toEqual([
      ...Array.from({ length: 7 }, () => "detractor"),
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);
    expect(bands.map((answer) => answer.followUp)).toEqual([...Array.from({ length: 7 }, () => true), false, false, false, false]);
  });

  it("flags CSAT 1-2 for follow-up", () => {
    expect([1, 2, 3, 4, 5].map((value) => classifyAnswer("csat", value))).toEqual([
      { band: "dissatisfied", followUp: true },
      { band: "dissatisfied", followUp: true },
      { band: "neutral", followUp: false },
      { band: "satisfied", followUp: false },
      { band: "satisfied", followUp: false },
    ]);
  });

  it("flags CES 1-3 as hard, since 7 means very easy", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((value) => classifyAnswer("ces", value).band)).toEqual([
      "hard",
      "hard",
      "hard",
      "neutral",
      "easy",
      "easy",
      "easy",
    ]);
    expect(classifyAnswer("ces", 3).followUp).toBe(true);
    expect(classifyAnswer("ces", 4).followUp).toBe(false);
  });

  it("rejects an answer off the scale", () => {
    expect(() => classifyAnswer("csat", 9)).toThrow("CSAT answer must be a whole number from 1 to 5, got 9");
  });
});

describe("bucketAnswers", () => {
  it("groups by Monday-to-Sunday week on the shop's calendar", () => {
    // Sunday 10 March 2024, 23:30 in New York is already Monday 04:30 in UTC: it stays in the week of 4 March.
    const buckets = bucketAnswers(
      "nps",
      [
        { value: 10, answeredAt: "2024-03-04T15:00:00Z" },
        { value: 0, answeredAt: "2024-03-11T03:30:00Z" },
        { value: 9, answeredAt: "2024-03-11T14:00:00Z" },
      ],
      { period: "week", timeZone: "America/New_York" },
    );
    expect(buckets).toEqual([
      {
        period: "2024-03-04",
        startsOn: "2024-03-04",
        summary: { kind: "nps", responses: 2, score: 0, promoters: 1, passives: 0, detractors: 1 },
      },
      {
        period: "2024-03-11",
        startsOn: "2024-03-11",
        summary: { kind: "nps", responses: 1, score: 100, promoters: 1, passives: 0, detractors: 0 },
      },
    ]);
  });

  it("puts the same instant in a different week for a shop on the other side of the date line", () => {
    const answer = { value: 5, answeredAt: "2024-03-10T20:00:00Z" }; // Sunday in London, Monday in Auckland.
    expect(bucketAnswers("csat", [answer], { period: "week", timeZone: "Europe/London" })[0].startsOn).toBe("2024-03-04");
    expect(bucketAnswers("csat", [answer], { period: "week", timeZone: "Pacific/Auckland" })[0].startsOn).toBe("2024-03-11");
  });

  it("groups by calendar month and fills empty months with a null score", () => {
    const buckets = bucketAnswers(
      "ces",
      [
        { value: 6, answeredAt: new Date("2024-04-15T12:00:00Z") },
        { value: 2, answeredAt: "2024-01-31T23:30:00-05:00" }, // 1 February in UTC, still January in New York.
        { value: 7, answeredAt: "2024-04-01T10:00:00Z" },
      ],
      { period: "month", timeZone: "America/New_York" },
    );
    expect(buckets.map((bucket) => [bucket.period, bucket.startsOn, bucket.summary.responses, bucket.summary.score])).toEqual([
      ["2024-01", "2024-01-01", 1, 2],
      ["2024-02", "2024-02-01", 0, null],
      ["2024-03", "2024-03-01", 0, null],
      ["2024-04", "2024-04-01", 2, 6.5],
    ]);
  });

  it("crosses a year boundary and a daylight-saving change without skipping or doubling a week", () => {
    const weeks = bucketAnswers(
      "csat",
      [
        { value: 5, answeredAt: "2024-12-23T12:00:00Z" },
        { value: 4, answeredAt: "2025-01-13T12:00:00Z" },
      ],
      { period: "week", timeZone: "Europe/Berlin" },
    );
    expect(weeks.map((week) => week.startsOn)).toEqual(["2024-12-23", "2024-12-30", "2025-01-06", "2025-01-13"]);

    const aroundDst = bucketAnswers(
      "csat",
      [
        { value: 5, answeredAt: "2024-10-21T12:00:00Z" },
        { value: 5, answeredAt: "2024-11-04T12:00:00Z" },
      ],
      { period: "week", timeZone: "America/New_York" },
    );
    expect(aroundDst.map((week) => week.startsOn)).toEqual(["2024-10-21", "2024-10-28", "2024-11-04"]);
  });

  it("returns no buckets for no answers", () => {
    expect(bucketAnswers("nps", [], { period: "month", timeZone: "UTC" })).toEqual([]);
  });

  it("rejects a bad answer, a bad date or an unknown zone", () => {
    expect(() => bucketAnswers("nps", [{ value: 12, answeredAt: "2024-03-04T15:00:00Z" }], { period: "week", timeZone: "UTC" })).toThrow(
      SurveyAnswerError,
    );
    expect(() => bucketAnswers("nps", [{ value: 9, answeredAt: "last week" }], { period: "week", timeZone: "UTC" })).toThrow(
      /answeredAt is not a valid date/,
    );
    expect(() => bucketAnswers("nps", [], { period: "week", timeZone: "Nowhere/Special" })).toThrow(/Unknown time zone/);
  });
});
