import type { OptionDefinition, OptionValue } from "./feature-schema.js";
import { quoteAll } from "./quote-all.js";

export type ParsedValue = { ok: true; value: OptionValue } | { ok: false; problem: string };

const TRUE = new Set(["true", "yes", "y", "1", "on"]);
const FALSE = new Set(["false", "no", "n", "0", "off"]);

/** Parses the text of `--set name=text` according to the option's type, explaining any mismatch. */
export function parseOptionValue(option: OptionDefinition, text: string): ParsedValue {
  switch (option.type) {
    case "boolean": {
      const lower = text.trim().toLowerCase();
      if (TRUE.has(lower)) return { ok: true, value: true };
      if (FALSE.has(lower)) return { ok: true, value: false };
      return { ok: false, problem: `expected true or false, got ${JSON.stringify(text)}` };
    }
    case "number": {
      const value = Number(text);
      if (text.trim() === "" || !Number.isFinite(value)) return { ok: false, problem: `expected a number, got ${JSON.stringify(text)}` };
      return checkValue(option, value);
    }
    case "list": {
      const values = text.split(",").map((part) => part.trim()).filter(Boolean);
      return checkValue(option, values);
    }
    default:
      return checkValue(option, text);
  }
}

/** Checks an already-typed value (a default, a recorded option, a prompt answer) against its definition. */
export function checkValue(option: OptionDefinition, value: OptionValue): ParsedValue {
  switch (option.type) {
    case "boolean":
      return typeof value === "boolean" ? { ok: true, value } : { ok: false, problem: "expected true or false" };
    case "number":
      if (typeof value !== "number") return { ok: false, problem: "expected a number" };
      if (option.integer && !Number.isInteger(value)) return { ok: false, problem: `expected a whole number, got ${value}` };
      if (option.min !== undefined && value < option.min) return { ok: false, problem: `must be at least ${option.min}, got ${value}` };
      if (option.max !== undefined && value > option.max) return { ok: false, problem: `must be at most ${option.max}, got ${value}` };
      return { ok: true, value };
    case "enum":
      return typeof value === "string" && option.values.includes(value)
        ? { ok: true, value }
        : { ok: false, problem: `expected one of ${quoteAll(option.values)}, got ${JSON.stringify(value)}` };
    case "list": {
      if (!Array.isArray(value)) return { ok: false, problem: `expected a comma-separated list of ${quoteAll(option.values)}` };
      const unknown = value.filter((item) => !option.values.includes(item));
      return unknown.length === 0
        ? { ok: true, value: option.values.filter((item) => value.includes(item)) }
        : { ok: false, problem: `unknown value${unknown.length > 1 ? "s" : ""} ${quoteAll(unknown)}; expected values from ${quoteAll(option.values)}` };
    }
    case "string":
      if (typeof value !== "string") return { ok: false, problem: "expected text" };
      if (option.pattern !== undefined && !new RegExp(option.pattern).test(value)) {
        return { ok: false, problem: `${JSON.stringify(value)} does not match ${option.pattern}` };
      }
      return { ok: true, value };
  }
}
