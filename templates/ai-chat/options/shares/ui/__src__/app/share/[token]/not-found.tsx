export default function SharedChatNotFound() {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
      <h1 className="text-lg font-semibold">Shared chat not found</h1>
      <p className="max-w-sm text-sm text-black/60 dark:text-white/60">
        The link may be mistyped, or its owner revoked it.
      </p>
    </div>
  );
}
