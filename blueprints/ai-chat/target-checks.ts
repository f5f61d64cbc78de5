import { allowsAtLeast, type Project } from "scaffold";
import { theirDrizzle } from "./chat-layout.js";

/** What ai-chat supports: a new project, or a Next.js 16+ app with Postgres Drizzle (or none). All problems at once. */
export function checkTarget(project: Project, isFree: (file: string) => boolean): string[] {
  if (project.isNew) return [];
  const problems: string[] = [];
  if (project.nextVersion === null) {
    problems.push(`${project.root} has a package.json but no "next" dependency: ai-chat adds to Next.js apps (or creates one in an empty folder).`);
  } else if (!allowsAtLeast(project.nextVersion, project.nextInstalledVersion, "16.0.0")) {
    const installed = project.nextInstalledVersion ? ` (${project.nextInstalledVersion} installed)` : "";
    problems.push(`Next.js ${project.nextVersion}${installed} is too old: ai-chat supports Next.js 16 or newer (App Router). Upgrade with \`npx @next/codemod upgrade\`.`);
  }
  const drizzle = theirDrizzle(project, isFree);
  if (drizzle?.unsupported) problems.push(`${drizzle.unsupported} Supported: the postgresql dialect (node-postgres, postgres-js, Neon, PGlite).`);
  if (drizzle && !drizzle.config) {
    problems.push(
      `${drizzle.configFile} exists but its dialect, schema and out cannot be read without running it (they are computed). ai-chat needs them as plain strings to place the chat schema beside yours.`,
    );
  }
  return problems;
}
