/**
 * The data the search section runs on: N messages in chats of 20, one text part each, written from a
 * vocabulary of a few hundred ordinary words drawn Zipf-like (the k-th word about 1/k as often as the first),
 * so that, as in real chats, a handful of words are in most messages and most words are in few. One word
 * outside the vocabulary, `RARE_WORD`, is added to one message in 500 of the searched owner's and one in
 * 1,000 of everybody else's (message numbers chosen so that it is in the owner's chats at every size). The searched owner (the power
 * user) owns every tenth chat, 10% of the messages; the other chats belong to many other users.
 */
export interface SearchDataset {
  label: string;
  messages: number;
  chats: number;
  users: number;
  owner: string;
  /** The searched words: `rare` in 0.2% of the owner's messages, `common` the most frequent word of the vocabulary. */
  words: { rare: string; common: string };
}

const MESSAGES_PER_CHAT = 20;
/** Results of each kind asked for, as the generated API's default `limit`. */
export const SEARCH_LIMIT = 10;
export const RARE_WORD = "zeppelin";

/**
 * Most frequent first. Content words only: PostgreSQL's 'english' configuration drops stop words, and the
 * searched common word must be one it indexes. Neither searched word is a substring of another word here, so
 * `ILIKE '%word%'` and the stemmed full-text match find the same messages.
 */
export const VOCABULARY = `project data model user change code test build release version deploy server
client request response error issue question answer idea plan team meeting report review design feature
function value table query index page message chat thread search result option config setting file folder
path branch commit merge account password email login session token cache memory disk network latency
speed budget cost price customer market product sales revenue growth quarter week month year today morning
evening weekend holiday travel flight hotel ticket dinner lunch coffee recipe garden kitchen window door
street city country river mountain forest ocean island beach weather rain snow wind summer winter spring
autumn music guitar piano song album concert movie story novel author chapter poem painting museum gallery
camera photo video screen keyboard mouse laptop phone battery charger cable printer scanner router signal
doctor nurse hospital medicine health exercise running swimming cycling football tennis basketball match
score player coach league season school teacher student lesson homework exam grade library science physics
chemistry biology history geography language grammar spelling translation dictionary letter parcel
address invoice receipt contract lawyer court judge rule policy government election vote citizen tax bank
loan interest mortgage insurance pension salary bonus office desk chair lamp carpet curtain sofa blanket
pillow mirror shelf drawer bottle glass plate spoon knife fork bread butter cheese apple banana orange lemon
tomato potato carrot onion garlic pepper salt sugar honey milk yogurt cereal rice pasta noodle soup salad
sandwich burger pizza dessert cake cookie chocolate candy tea juice water wine beer cocktail party wedding
birthday gift card flower tree grass leaf stone brick wall roof floor ceiling stair elevator garage bicycle
motorcycle truck train subway airport harbor bridge tunnel highway traffic parking engine wheel brake
mirror fuel electric solar wind turbine factory machine robot sensor circuit voltage magnet laser rocket
planet galaxy telescope satellite orbit comet asteroid nebula gravity quantum particle atom molecule
protein cell gene virus vaccine bacteria fossil dinosaur volcano earthquake glacier desert canyon valley
meadow prairie swamp lagoon reef coral dolphin whale shark turtle penguin eagle falcon parrot owl rabbit
squirrel fox wolf bear tiger lion elephant giraffe zebra monkey gorilla kangaroo koala panda camel horse
donkey goat sheep cow pig chicken duck goose swan`
  .split(/\s+/)
  .filter((word, index, all) => word !== "" && all.indexOf(word) === index);

export function describeSearchDataset(label: string, messages: number): SearchDataset {
  if (messages % MESSAGES_PER_CHAT !== 0) throw new Error(`Dataset size must be a multiple of ${MESSAGES_PER_CHAT}.`);
  const chats = messages / MESSAGES_PER_CHAT;
  return {
    label,
    messages,
    chats,
    users: Math.max(10, Math.floor(chats / 10)),
    owner: "power-user",
    words: { rare: RARE_WORD, common: VOCABULARY[0] ?? "" },
  };
}

/**
 * Bulk load in set-based SQL, deterministic (word choices come from hashint4 of the message and word
 * numbers, not random()), so every run and both sides search the very same text. Word k of the vocabulary is
 * picked as floor(exp(u·ln(V+1))) for u uniform in [0, 1): probability ≈ ln(1 + 1/k) / ln(V + 1), Zipf with
 * exponent 1. Messages have 6 to 25 words. Every number and word is interpolated from this file, never from
 * outside input.
 */
export function searchSeedStatements(data: SearchDataset): string[] {
  const t0 = `timestamptz '2025-01-01 00:00:00+00'`;
  const vocabulary = `ARRAY[${VOCABULARY.map((word) => `'${word}'`).join(",")}]::text[]`;
  const uniform = `((hashint4(i * 32 + j)::float8 + 2147483648.5) / 4294967296.0)`;
  const pick = `(${vocabulary})[floor(exp(${uniform} * ln(${VOCABULARY.length + 1})))::int]`;
  // Message i is in chat 1 + (i - 1) / 20: i % 5000 = 190 lands in chat 10 + 250k, the owner's; i % 1000 = 500 in chat 25 + 50k, another user's.
  const text = `(SELECT string_agg(${pick}, ' ' ORDER BY j) FROM generate_series(1, 6 + i % 20) AS j)
            || CASE WHEN i % 5000 = 190 OR i % 1000 = 500 THEN ' ${RARE_WORD}' ELSE '' END || '.'`;
  return [
    `INSERT INTO chats (id, owner_id, title, created_at, updated_at)
     SELECT 'chat-' || k, CASE WHEN k % 10 = 0 THEN '${data.owner}' ELSE 'user-' || (k % ${data.users}) END,
            'Chat ' || k, ${t0}, ${t0}
     FROM generate_series(1, ${data.chats}) AS k`,
    `INSERT INTO messages (id, chat_id, role, parts, metadata, created_at)
     SELECT 'm-' || i, 'chat-' || (1 + (i - 1) / ${MESSAGES_PER_CHAT}),
            CASE WHEN i % 2 = 0 THEN 'assistant' ELSE 'user' END,
            jsonb_build_array(jsonb_build_object('type', 'text', 'text', upper(left(body, 1)) || substr(body, 2))),
            CASE WHEN i % 2 = 0 THEN '{"model":"offline","finishReason":"stop"}'::jsonb ELSE NULL END,
            ${t0} + i * interval '1 second'
     FROM generate_series(1, ${data.messages}) AS i, LATERAL (SELECT ${text} AS body) AS generated
     ORDER BY i`,
    `UPDATE chats SET created_at = span.first, updated_at = span.last
     FROM (SELECT chat_id, min(created_at) AS first, max(created_at) AS last FROM messages GROUP BY chat_id) AS span
     WHERE chats.id = span.chat_id`,
  ];
}
