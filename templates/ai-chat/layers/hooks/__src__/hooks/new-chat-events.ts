/**
 * "Start a new chat", from the sidebar's New chat link to the new-chat page:
 * when the page is already shown, following the link changes nothing, so the
 * page is told to start over.
 */
const events = new EventTarget();

export function requestNewChat(): void {
  events.dispatchEvent(new Event("new-chat"));
}

/** Returns the unsubscribe function, ready for a useEffect cleanup. */
export function onNewChatRequested(listener: () => void): () => void {
  events.addEventListener("new-chat", listener);
  return () => events.removeEventListener("new-chat", listener);
}
