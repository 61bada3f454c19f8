#!/usr/bin/env python3
"""Writes a fictional assessment in the import format (docs/import-format.md) with SCENARIOS scenarios scored by
ASSESSORS assessors in one revealed round, plus OTHER other national risks: the register-size benchmark's input.
With RESPONSES and REVIEWER, also that many approved policy responses (each addressing four scenarios with two declared
effects, every mandatory check answered Met by REVIEWER, who must be a reviewer of the state): the register then carries
residual risk.
Usage: scripts/make-register-file.py SCENARIOS ASSESSORS OTHER EMAIL_PATTERN [RESPONSES REVIEWER] > file.json
EMAIL_PATTERN contains {n} for the assessor number, e.g. bench{n}@demo.cttech.example."""
import json
import random
import sys

scenarios, assessors, others, pattern = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(2024)
technologies = ["T%02d" % i for i in range(1, 18)]
purposes = ["P%d" % i for i in range(1, 11)]
dims = ["fatalities", "economic", "essential-services", "societal", "public-confidence", "international", "human-rights"]
clamp = lambda x: max(1, min(5, x))
doc = {
    "format": "cttech.assessment/1",
    "assessment": {"title": "Benchmark: %d risks (fictional)" % (scenarios + others), "period": "2026", "horizonYears": 2, "tlp": "AMBER"},
    "scenarios": [], "rounds": [{"number": 1, "status": "revealed", "scores": []}], "otherRisks": [],
}
for s in range(scenarios):
    doc["scenarios"].append({"id": "s%d" % s, "title": "Fictional scenario %d" % s, "narrative": "Generated for the benchmark.",
                             "actorType": "A%d" % rng.randint(1, 4), "technologies": [rng.choice(technologies)],
                             "purposes": [rng.choice(purposes)], "targetSector": "Sector %d" % (s % 9)})
    base_l, base_i = 10 ** rng.uniform(-3, -0.2), rng.randint(1, 5)
    for a in range(1, assessors + 1):
        best = min(1.0, base_l * rng.uniform(0.6, 1.6))
        doc["rounds"][0]["scores"].append({
            "scenario": "s%d" % s, "assessor": pattern.replace("{n}", str(a)), "intent": rng.randint(1, 5), "actorCapability": rng.randint(1, 5),
            "technologyAccessibility": rng.randint(1, 5), "opportunity": rng.randint(1, 5),
            "likelihood": {"low": round(best / 3, 6), "best": round(best, 6), "high": round(min(1.0, best * 2), 6)},
            "impact": {d: clamp(base_i + rng.randint(-1, 1)) for d in dims}, "confidence": rng.choice(["low", "moderate", "high"]),
            "rationale": "Generated."})
for o in range(others):
    best = 10 ** rng.uniform(-3, -0.1)
    impact = rng.uniform(1, 5)
    doc["otherRisks"].append({"id": "o%d" % o, "title": "Other national risk %d" % o, "family": "generated",
                              "likelihood": {"low": round(best / 2, 6), "best": round(best, 6), "high": round(min(1.0, best * 1.5), 6)},
                              "impact": {"low": round(max(1, impact - 0.5), 2), "best": round(impact, 2), "high": round(min(5, impact + 0.5), 2)},
                              "confidence": rng.choice(["low", "moderate", "high"])})
responses = int(sys.argv[5]) if len(sys.argv) > 6 else 0
reviewer = sys.argv[6] if len(sys.argv) > 6 else ""
mandatory = [("human-rights", c) for c in ["H01", "H02", "H03", "H04", "H05", "H06", "H09", "H11"]] + [("gender", c) for c in ["G03", "G08", "G09"]]
factors = ["intent", "actor-capability", "technology-accessibility", "opportunity"]
if responses:
    doc["responses"] = []
for r in range(responses):
    reviews = []
    for kind, code in mandatory:
        review = {"kind": kind, "code": code, "status": "met", "reasoning": "Generated for the benchmark.", "reviewer": reviewer,
                  "reviewedAt": "2026-02-10T09:30:00Z"}
        if code == "G08":
            review["genderMarker"] = 1
        reviews.append(review)
    second = ({"factor": "likelihood", "low": 5, "best": 15, "high": 30} if r % 2 == 0 else
              {"factor": "impact", "dimension": dims[r % len(dims)], "low": 10, "best": 20, "high": 40})
    doc["responses"].append({
        "id": "r%d" % r, "title": "Generated response %d" % r, "type": "R%02d" % (1 + r % 12),
        "targets": ["s%d" % ((r * 7 + k * 251) % scenarios) for k in range(4)],
        "effects": [{"factor": factors[r % 4], "low": 10, "best": 25, "high": 50}, second],
        "tlp": "AMBER", "status": "approved", "reviews": reviews})
json.dump(doc, sys.stdout, separators=(",", ":"))
