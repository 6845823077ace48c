import { describe, expect, it } from "@jest/globals";
import { FIELD_IDS, type VisitFormValues, fieldForServerError, validateVisit, visitInput } from "../../client/src/features/visits/visit-form.js";

// The visit form: problems named by field in form order, the API input, and
// server errors mapped back to the field they name.

const valid: VisitFormValues = {
  title: "  Mission to Japan ",
  direction: "OUTBOUND",
  status: "PLANNED",
  startsOn: "2027-01-18",
  endsOn: "2027-01-22",
  leadMemberId: "m1",
  participatingMemberIds: ["m1", "m2", "m1"],
  destinations: [
    { id: "p1", label: "Tokyo, Japan" },
    { id: "p2", label: "Nagoya, Japan" },
  ],
  objectives: "  ",
  visibility: "NETWORK",
};

describe("visit form", () => {
  it("accepts a complete visit and builds the API input", () => {
    expect(validateVisit(valid)).toEqual([]);
    expect(visitInput(valid)).toEqual({
      title: "Mission to Japan",
      direction: "OUTBOUND",
      status: "PLANNED",
      startsOn: "2027-01-18",
      endsOn: "2027-01-22",
      leadMemberId: "m1",
      participatingMemberIds: ["m1", "m2"],
      destinationIds: ["p1", "p2"],
      objectives: null,
      visibility: "NETWORK",
    });
  });

  it("names each missing field, in the order of the form", () => {
    const problems = validateVisit({ ...valid, title: " ", direction: "", startsOn: "", endsOn: "" });
    expect(problems.map((p) => p.field)).toEqual([FIELD_IDS.title, FIELD_IDS.direction, FIELD_IDS.startsOn, FIELD_IDS.endsOn]);
    expect(problems[0]?.message).toBe("Enter a title for the visit.");
  });

  it("refuses an end before the start, and impossible dates", () => {
    expect(validateVisit({ ...valid, endsOn: "2027-01-17" })).toEqual([{ field: FIELD_IDS.endsOn, message: "End date must be the same as or after the start date." }]);
    expect(validateVisit({ ...valid, endsOn: "2027-01-18" })).toEqual([]);
    expect(validateVisit({ ...valid, startsOn: "2027-02-30" }).map((p) => p.message)).toEqual(["Start date must be a real date."]);
  });

  it("maps the server's field names, list entries included, to the form's fields", () => {
    expect(fieldForServerError("input.endsOn")).toEqual({ id: FIELD_IDS.endsOn, label: "End date" });
    expect(fieldForServerError("input.destinationIds.2")).toEqual({ id: FIELD_IDS.destinationIds, label: "Destinations" });
    expect(fieldForServerError("input.participatingMemberIds.0")?.id).toBe(FIELD_IDS.participatingMemberIds);
    expect(fieldForServerError("version")).toBeNull();
    expect(fieldForServerError("input.unknownThing")).toBeNull();
    expect(fieldForServerError(null)).toBeNull();
  });
});
