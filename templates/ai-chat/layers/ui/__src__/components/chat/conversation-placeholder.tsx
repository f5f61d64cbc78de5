/**
 * Same frame as a conversation (header, empty log, composer) while its history
 * streams in as part of the same response, so nothing jumps when it arrives.
 */
export function ConversationPlaceholder() {
  return (
    <div aria-busy="true" aria-label="Loading chat" className="flex min-h-0 flex-1 flex-col">
      <div className="flex min-h-14 items-center border-b border-black/10 py-2 pr-4 pl-16 dark:border-white/15 md:pl-6">
        <div className="h-4 w-48 animate-pulse rounded bg-black/10 dark:bg-white/15" />
      </div>
      <div className="flex-1" />
      <div className="border-t border-black/10 p-3 dark:border-white/15 sm:p-4">
        <div className="mx-auto h-14 max-w-3xl rounded-2xl border border-black/15 dark:border-white/20" />
      </div>
    </div>
  );
}
