/**
 * The TypeScript transformers, as their own entry (`scaffold/edits`): they load ts-morph, which a blueprint
 * should import only when it actually edits existing code, so that a new project plans fast.
 */
export { addBarrelExport } from "./add-barrel-export.js";
export { addDrizzleSchemaPath } from "./add-drizzle-schema-path.js";
export { addServerExternalPackage } from "./add-server-external-package.js";
export { RouteShapeError, wrapChatRoutePersistence } from "./wrap-chat-route-persistence.js";
