import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { FIXTURE_ZONES } from "~tests/support/domain-fixtures";
import { ZoneOffsets } from "./zone-offsets";

const ZONES = [...FIXTURE_ZONES, "UTC", "Africa/Casablanca"];

describe("zone offsets", () => {
  it("agree with luxon at any instant from 2015 to 2040", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, ms) => {
          expect(ZoneOffsets.for(zone).offsetAt(ms)).toBe(DateTime.fromMillis(ms, { zone }).offset);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("agree with luxon to the millisecond around each transition", () => {
    for (const zone of ZONES) {
      const offsets = ZoneOffsets.for(zone);
      const transition = offsets.transitionBetween(Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
      if (!transition) continue;
      for (const ms of [transition.at - 1, transition.at]) {
        expect(offsets.offsetAt(ms), `${zone} ${ms}`).toBe(DateTime.fromMillis(ms, { zone }).offset);
      }
      expect(offsets.offsetAt(transition.at - 1)).not.toBe(offsets.offsetAt(transition.at));
    }
  });
});
