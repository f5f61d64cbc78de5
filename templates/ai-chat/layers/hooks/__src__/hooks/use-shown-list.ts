"use client";

import { useMemo, useRef } from "react";

/** The key of a list: the view, persona and filters it shows, in a fixed order. */
export function listKey(...parts: ReadonlyArray<string | boolean | null | undefined>): string {
  return JSON.stringify(parts);
}

/**
 * The one way the list hooks drop stale responses. `show(key)` is called the
 * moment the user picks another list (view, persona, filters); a response is
 * applied only while `isShown(key)` holds for the key it was requested with.
 * So a refresh, a "load more" or a slow first page that arrives after a
 * switch never fills the list with the other list's items.
 */
export function useShownList(initialKey: string) {
  const shown = useRef(initialKey);
  return useMemo(
    () => ({
      show: (key: string) => {
        shown.current = key;
      },
      isShown: (key: string) => shown.current === key,
    }),
    [],
  );
}
