import { readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { ScaffoldError } from "../errors.js";
import { featureSchema, type FeatureDefinition } from "./feature-schema.js";

/**
 * Reads and validates a feature.json. Every problem is reported at once, each as
 * `<file>: <json.path>: <message>`, so an author fixes the file in one pass.
 */
export function loadFeature(file: string, displayPath = file): FeatureDefinition {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ScaffoldError(
      "FEATURE_INVALID",
      `${displayPath} is not valid JSON: ${(error as Error).message}`,
      "Fix the JSON syntax of the file.",
    );
  }
  const result = featureSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = describeIssues(result.error.issues, displayPath);
  throw new ScaffoldError(
    "FEATURE_INVALID",
    `${displayPath} has ${problems.length} problem${problems.length === 1 ? "" : "s"}.`,
    `Fix each one; the JSON Schema for editors is at ${path.join("dist", "feature.schema.json")} in the scaffold package.`,
    problems,
  );
}

export function describeIssues(issues: readonly z.core.$ZodIssue[], displayPath: string): string[] {
  return issues.map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join(".") : "(root)";
    return `${displayPath}: ${where}: ${describeIssue(issue)}`;
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value") {
    return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
  }
  if (issue.code === "unrecognized_keys") return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
  return issue.message;
}
