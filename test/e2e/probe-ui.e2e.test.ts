import { readFileSync } from "node:fs";
import { test } from "vitest";
import { featuresBrowserScenario } from "./scenarios/options/features-browser.js";

test("features in the browser (probe)", async () => {
  await featuresBrowserScenario(readFileSync("/tmp/probe-url", "utf8").trim());
});
