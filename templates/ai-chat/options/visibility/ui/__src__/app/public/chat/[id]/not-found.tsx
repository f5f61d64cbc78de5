import Link from "next/link";

export default function PublicChatNotFound() {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
      <h1 className="text-lg font-semibold">Chat not found</h1>
      <p className="max-w-sm text-sm text-black/60 dark:text-white/60">
        It may have been made private or deleted by its owner.
      </p>
      <Link
        href="/chat"
        className="rounded-lg border border-black/15 px-3 py-2 text-sm font-medium hover:bg-black/5 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-white/20 dark:hover:bg-white/10"
      >
        Start a new chat
      </Link>
    </div>
  );
}
