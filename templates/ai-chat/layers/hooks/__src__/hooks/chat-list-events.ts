/**
 * A tiny signal between the conversation and the sidebar, which live in
 * different parts of the page: "the chat list changed, read it again".
 */
const events = new EventTarget();

export function notifyChatListChanged(): void {
  events.dispatchEvent(new Event("change"));
}

/** Returns the unsubscribe function, ready for a useEffect cleanup. */
export function onChatListChanged(listener: () => void): () => void {
  events.addEventListener("change", listener);
  return () => events.removeEventListener("change", listener);
}
