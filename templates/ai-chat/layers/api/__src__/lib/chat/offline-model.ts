import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from "@ai-sdk/provider";

/**
 * A language model that needs no network and no API key: it answers by
 * quoting the last question back, streamed word by word (a stop ends it
 * between two words). It keeps the app
 * fully usable (and its tests deterministic) until a real model is set up.
 */
export function createOfflineModel(options: { delayMs: number }): LanguageModelV4 {
  return {
    specificationVersion: "v4",
    provider: "offline",
    modelId: "echo",
    supportedUrls: {},

    async doGenerate(call: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
      const answer = answerFor(call.prompt);
      return {
        content: [{ type: "text", text: answer }],
        finishReason: { unified: "stop", raw: "stop" },
        usage: usageFor(call.prompt, answer),
        warnings: [],
      };
    },

    async doStream(call: LanguageModelV4CallOptions) {
      const answer = answerFor(call.prompt);
      const parts = streamParts(call.prompt, answer, options.delayMs, call.abortSignal);
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        async pull(controller) {
          const next = await parts.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
        async cancel() {
          await parts.return(undefined);
        },
      });
      return { stream };
    },
  };
}

async function* streamParts(
  prompt: LanguageModelV4Prompt,
  answer: string,
  delayMs: number,
  abortSignal: AbortSignal | undefined,
): AsyncGenerator<LanguageModelV4StreamPart, void, undefined> {
  const textId = "text-0";
  yield { type: "stream-start", warnings: [] };
  yield { type: "response-metadata", modelId: "echo", timestamp: new Date() };
  yield { type: "text-start", id: textId };
  const words = answer.split(" ");
  for (const [index, word] of words.entries()) {
    if (delayMs > 0) await sleep(delayMs, abortSignal);
    abortSignal?.throwIfAborted();
    yield { type: "text-delta", id: textId, delta: index === 0 ? word : ` ${word}` };
  }
  yield { type: "text-end", id: textId };
  yield {
    type: "finish",
    finishReason: { unified: "stop", raw: "stop" },
    usage: usageFor(prompt, answer),
  };
}

/**
 * The echo, with a little Markdown so its rendering shows: "You asked:" in
 * bold, and a question that holds a code fence repeated as written below it.
 */
function answerFor(prompt: LanguageModelV4Prompt): string {
  const written = lastUserText(prompt).trim();
  const question = written.replace(/\s+/g, " ");
  const name = nameInInstructions(prompt);
  const label = name ? `(offline model, answering as ${name})` : "(offline model)";
  if (!question) return `${label} I did not receive a question.`;
  const answer = `${label} **You asked:** ${question}`;
  return written.includes("```") ? `${answer}\n\n${written}` : answer;
}

/**
 * The name the system instructions give the model, when their first line is
 * "Your name is <name>." (a persona's instructions start that way). The echo
 * cannot follow instructions, but naming them shows which ones it was given.
 */
function nameInInstructions(prompt: LanguageModelV4Prompt): string | null {
  for (const message of prompt) {
    if (message.role !== "system") continue;
    const firstLine = message.content.split("\n", 1)[0] ?? "";
    const match = /^Your name is (.+)\.$/.exec(firstLine.trim());
    if (match?.[1]) return match[1];
  }
  return null;
}

function lastUserText(prompt: LanguageModelV4Prompt): string {
  for (let i = prompt.length - 1; i >= 0; i--) {
    const message = prompt[i];
    if (message?.role !== "user") continue;
    return message.content
      .map((part) => (part.type === "text" ? part.text : ""))
      .join(" ");
  }
  return "";
}

/** Words stand in for tokens: close enough to show usage end to end. */
function usageFor(prompt: LanguageModelV4Prompt, answer: string): LanguageModelV4Usage {
  const inputTokens = prompt.reduce((sum, message) => {
    const text =
      typeof message.content === "string"
        ? message.content
        : message.content.map((part) => (part.type === "text" ? part.text : "")).join(" ");
    return sum + countWords(text);
  }, 0);
  const outputTokens = countWords(answer);
  return {
    inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: 0 },
  };
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
