import type { Recovery } from "./rollback.js";

/** What a command says, first thing, about an interrupted earlier run it found (nothing when there was none). */
export function describeRecovery(recovery: Recovery): string {
  if (recovery === "restored") return "An interrupted earlier run was found and rolled back first: the folder is byte for byte as it was before it.\n";
  if (recovery === "pending") {
    return "An interrupted earlier run was found: the next scaffold command that writes rolls it back first (this one writes nothing).\n";
  }
  return "";
}
