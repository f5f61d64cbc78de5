import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { featureSchema } from "../src/blueprint/feature-schema.js";

/** Writes the JSON Schema of feature.json next to the build, for editors (`"$schema"` in a feature.json). */
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "feature.schema.json");
writeFileSync(out, `${JSON.stringify(z.toJSONSchema(featureSchema, { io: "input" }), null, 2)}\n`);
