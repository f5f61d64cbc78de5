/** An agent a chat can talk to: a name and the instructions the model gets instead of the default ones. */
export type Persona = {
  id: string;
  name: string;
  instructions: string;
  /** ISO timestamp. */
  createdAt: string;
  /** ISO timestamp. */
  updatedAt: string;
};

/** Limits shared by the API (to reject) and the UI (to warn before saving). */
export const PERSONA_LIMITS = {
  /** Characters in a name (one line: the model is told "Your name is <name>."). */
  maxNameChars: 60,
  /** Characters in the instructions. */
  maxInstructionsChars: 4_000,
  /** Personas per user: the whole list is read at once, for the sidebar and the new-chat picker. */
  maxPersonas: 50,
} as const;
