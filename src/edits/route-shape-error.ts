import { ScaffoldError } from "../errors.js";

/**
 * A chat route whose shape the persistence edit does not recognise. Editing code we do not understand
 * could break the user's route, so we stop and hand over the exact lines to add instead; they are in the
 * message (what the CLI prints) and in `linesToAdd` (for callers that show them their own way).
 */
export class RouteShapeError extends ScaffoldError {
  readonly linesToAdd: string;

  constructor(fileName: string, reason: string, linesToAdd: string) {
    super(
      "EDIT_FAILED",
      `Cannot add chat persistence to ${fileName} automatically: ${reason}.\nAdd these lines by hand:\n\n${linesToAdd}\n`,
      `Edit ${fileName} as shown, then run the command again: the file is left exactly as it was.`,
    );
    this.name = "RouteShapeError";
    this.linesToAdd = linesToAdd;
  }
}

/** The hand-written equivalent of what wrapChatRoutePersistence inserts, for the two response styles of AI SDK 7. */
export function manualPersistenceLines(helpersSpecifier: string, requestName = "req"): string {
  return [
    `import { drainOnDisconnect, loadChatForRequest, saveAssistantOnEnd } from "${helpersSpecifier}";`,
    ``,
    `// In POST, instead of reading the body yourself:`,
    `const chat = await loadChatForRequest(${requestName});`,
    `if (chat instanceof Response) return chat;`,
    `const { messages } = chat;`,
    ``,
    `// Keep your streamText({ model, instructions, messages: await convertToModelMessages(messages), tools }) call, then:`,
    `return createUIMessageStreamResponse(drainOnDisconnect({`,
    `  stream: toUIMessageStream(saveAssistantOnEnd(chat, { stream: result.stream })),`,
    `}));`,
    `// or, with the result's own helper:`,
    `return result.toUIMessageStreamResponse(drainOnDisconnect(saveAssistantOnEnd(chat)));`,
  ].join("\n");
}
