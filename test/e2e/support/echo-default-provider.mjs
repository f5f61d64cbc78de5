// Test-only preload (`node --import`): makes plain string model ids ("openai/gpt-5-mini") resolve to an
// offline echo model, so an app whose route calls a hosted model can be driven without a network or a key.
// The AI SDK resolves string ids through globalThis.AI_SDK_DEFAULT_PROVIDER when it is set.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function lastUserText(prompt) {
  for (let i = prompt.length - 1; i >= 0; i--) {
    const message = prompt[i];
    if (message.role === "user") return message.content.map((part) => (part.type === "text" ? part.text : "")).join(" ");
  }
  return "";
}

function echoModel(modelId) {
  const answerFor = (prompt) => `(echo) You asked: ${lastUserText(prompt).replace(/\s+/g, " ").trim()}`;
  const usage = (words) => ({
    inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: words, text: words, reasoning: 0 },
  });
  return {
    specificationVersion: "v4",
    provider: "echo",
    modelId,
    supportedUrls: {},
    async doGenerate({ prompt }) {
      const text = answerFor(prompt);
      return { content: [{ type: "text", text }], finishReason: { unified: "stop", raw: "stop" }, usage: usage(text.split(" ").length), warnings: [] };
    },
    async doStream({ prompt }) {
      const words = answerFor(prompt).split(" ");
      const stream = new ReadableStream({
        async start(controller) {
          controller.enqueue({ type: "stream-start", warnings: [] });
          controller.enqueue({ type: "text-start", id: "t0" });
          for (const [index, word] of words.entries()) {
            await delay(10);
            controller.enqueue({ type: "text-delta", id: "t0", delta: index === 0 ? word : ` ${word}` });
          }
          controller.enqueue({ type: "text-end", id: "t0" });
          controller.enqueue({ type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage: usage(words.length) });
          controller.close();
        },
      });
      return { stream };
    },
  };
}

globalThis.AI_SDK_DEFAULT_PROVIDER = {
  specificationVersion: "v4",
  languageModel: (modelId) => echoModel(modelId),
  embeddingModel: () => {
    throw new Error("no embedding model offline");
  },
  imageModel: () => {
    throw new Error("no image model offline");
  },
};
