import type { BlueprintHelpers, Project } from "scaffold";
import type { ChatLayout } from "./chat-layout.js";
import { schemaTables, type AiChatOptions } from "./options.js";

/**
 * The edits that fit the chat into an app that already exists, each a named transformer that changes only
 * its own part of a user's file. ts-morph is loaded here, and only for existing apps.
 */
export interface ExistingApp {
  project: Project;
  layout: ChatLayout;
  helpers: BlueprintHelpers;
  options: AiChatOptions;
  /** Their AI SDK chat route and their proxy, when they had them before ai-chat. */
  theirRoute: string | null;
  theirProxy: string | null;
}

export async function editExistingApp({ project, layout, helpers, options, theirRoute, theirProxy }: ExistingApp): Promise<void> {
  const driver = options.driver;
  const edits = await import("scaffold/edits");
  const integrations = project.integrations;
  if (driver === "pglite" && layout.existingDb === null) {
    const nextConfig = integrations?.nextConfigFile;
    if (nextConfig) {
      helpers.edit(nextConfig, "add-server-external-package", (source) =>
        edits.addServerExternalPackage(source ?? "", "@electric-sql/pglite", nextConfig),
      );
    } else {
      helpers.warn("No next.config found: add `serverExternalPackages: [\"@electric-sql/pglite\"]` to your Next.js config.");
    }
  }
  if (layout.drizzleConfigFile) {
    const configFile = layout.drizzleConfigFile;
    helpers.edit(configFile, "add-drizzle-schema-path", (source) => edits.addDrizzleSchemaPath(source ?? "", `./${layout.schemaFile}`, configFile));
  }
  if (layout.schemaBarrel) {
    const barrel = layout.schemaBarrel;
    helpers.edit(barrel, "add-barrel-export", (source) => edits.addBarrelExport(source ?? "", "./chat-schema", schemaTables(options), barrel));
  }
  if (theirRoute) wrapTheirChatRoute(theirRoute, helpers, edits);
  const proxyFile = theirProxy;
  if (proxyFile) {
    helpers.warn(
      [
        `${proxyFile} exists and Next.js runs only one proxy, so the chat's was not added. Call it from yours:`,
        `    import { ensureChatSession } from "${helpers.moduleSpecifier(proxyFile, "lib/chat/session-proxy")}";`,
        `    // in your proxy, for /chat/* and the chat's API routes (the list is in docs/ai-chat.md):  return ensureChatSession(request);`,
      ].join("\n"),
    );
  }
  if (!options.parts.includes("ui")) return;
  for (const page of integrations?.chat?.useChatFiles ?? []) {
    helpers.nextStep(`${page} still uses plain useChat; the persistent chat is at /chat (or use usePersistentChat from hooks/use-persistent-chat in it).`);
  }
  if (!project.tailwind) helpers.warn("The chat UI is styled with Tailwind CSS classes, and this app does not use Tailwind: it will render unstyled.");
}

type Edits = typeof import("scaffold/edits");

/** Adds persistence around their streamText route; a shape we cannot edit safely is left alone, with the lines to add. */
function wrapTheirChatRoute(route: string, helpers: BlueprintHelpers, edits: Edits): void {
  const specifier = helpers.moduleSpecifier(route, "lib/chat/route-persistence");
  try {
    helpers.edit(route, "wrap-chat-route-persistence", (source) => edits.wrapChatRoutePersistence(source ?? "", specifier, route));
  } catch (error) {
    if (!(error instanceof edits.RouteShapeError)) throw error;
    helpers.warn(`${route} was left unchanged: ${error.message}`);
  }
}
