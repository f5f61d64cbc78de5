/** Shown while the built-in offline model answers, so nobody mistakes its echoes for a real model. */
export function OfflineNotice() {
  return (
    <p
      role="status"
      data-testid="offline-model-notice"
      className="rounded-full border border-amber-300 bg-amber-50 px-2.5 py-0.5 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
    >
      Offline model: replies echo your message. Set AI_GATEWAY_API_KEY for real answers.
    </p>
  );
}
