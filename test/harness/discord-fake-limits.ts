/**
 * Discord's message limits, checked the way the API does and reported in its nested `Invalid Form Body` shape, which
 * discord.js flattens into messages like `content[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.`.
 * discord.js validates none of these for plain objects (only the builders check some), so the fake must:
 * content, embeds (discord-fake-limits.ts), components (discord-fake-components.ts) and allowed_mentions.
 */
import { checkComponents } from './discord-fake-components.ts';
import { ErrorTree, type FormErrors, type FormPath, isRecord } from './discord-fake-form-errors.ts';

export { type FormErrors, invalidFormBody, isRecord, type Json } from './discord-fake-form-errors.ts';

const EMBED = { title: 256, description: 4096, fields: 25, name: 256, value: 1024, footer: 2048, author: 256 };
const MAX_EMBEDS = 10;
const EMBED_TOTAL = 6000;
const MENTION_TYPES = ['roles', 'users', 'everyone'] as const;

function checkEmbeds(embeds: unknown, tree: ErrorTree, base: FormPath): void {
  let total = 0;
  for (const [i, embed] of tree.maxItems(embeds, MAX_EMBEDS, [...base, 'embeds']).entries()) {
    if (!isRecord(embed)) continue;
    const at = [...base, 'embeds', i];
    total += tree.maxLength(embed.title, EMBED.title, [...at, 'title']);
    total += tree.maxLength(embed.description, EMBED.description, [...at, 'description']);
    if (isRecord(embed.footer)) total += tree.maxLength(embed.footer.text, EMBED.footer, [...at, 'footer', 'text']);
    if (isRecord(embed.author)) total += tree.maxLength(embed.author.name, EMBED.author, [...at, 'author', 'name']);
    for (const [j, field] of tree.maxItems(embed.fields, EMBED.fields, [...at, 'fields']).entries()) {
      if (!isRecord(field)) continue;
      // A field needs a non-empty name and value; the bot shows a zero-width space for a blank one.
      if (tree.lengthBetween(field.name, 1, EMBED.name, [...at, 'fields', j, 'name']))
        total += String(field.name).length;
      if (field.value === '' || field.value === undefined) tree.required([...at, 'fields', j, 'value']);
      else total += tree.maxLength(field.value, EMBED.value, [...at, 'fields', j, 'value']);
    }
  }
  if (total > EMBED_TOTAL) {
    tree.add([...base, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${EMBED_TOTAL}`);
  }
}

/** A list of unique snowflakes (`users`, `roles`) of at most 100. */
function checkIds(value: unknown, tree: ErrorTree, at: FormPath): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    tree.add(at, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return [];
  }
  tree.maxLength(value, 100, at);
  for (const [i, id] of value.entries()) {
    if (typeof id !== 'string' || !/^\d{1,20}$/.test(id))
      tree.add([...at, i], 'NUMBER_TYPE_COERCE', 'Value is not snowflake.');
    else if (value.indexOf(id) < i)
      tree.add([...at, i], 'SET_TYPE_ALREADY_CONTAINS_VALUE', 'The set already contains this value');
  }
  return value;
}

/**
 * `allowed_mentions`: an object whose `parse` lists only roles, users or everyone, whose `users`/`roles` are id lists,
 * and which never names a type in `parse` while also listing ids of that type (Discord: mutually exclusive).
 */
function checkAllowedMentions(allowed: unknown, tree: ErrorTree, base: FormPath): void {
  if (allowed === undefined || allowed === null) return;
  const at = [...base, 'allowed_mentions'];
  if (!isRecord(allowed)) {
    tree.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const parse = allowed.parse;
  if (parse !== undefined && !Array.isArray(parse)) tree.add([...at, 'parse'], 'BASE_TYPE_ARRAY', 'Must be an array.');
  const parsed = Array.isArray(parse) ? parse : [];
  for (const [i, type] of parsed.entries()) {
    if (!(MENTION_TYPES as readonly unknown[]).includes(type)) {
      const choices = MENTION_TYPES.map((t) => `'${t}'`).join(', ');
      tree.add([...at, 'parse', i], 'BASE_TYPE_CHOICES', `Value must be one of {${choices}}.`);
    }
  }
  const ids = {
    users: checkIds(allowed.users, tree, [...at, 'users']),
    roles: checkIds(allowed.roles, tree, [...at, 'roles']),
  };
  if (allowed.replied_user !== undefined && typeof allowed.replied_user !== 'boolean') {
    tree.add([...at, 'replied_user'], 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
  }
  for (const type of ['users', 'roles'] as const) {
    if (parsed.includes(type) && ids[type].length > 0) {
      const message = `parse:["${type}"] and ${type}: [ids...] are mutually exclusive.`;
      tree.add(at, 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', message);
    }
  }
}

/**
 * The form errors for a message body (create, edit, follow-up, or an interaction callback's `data` when `base` is
 * `['data']`); undefined when the body is within Discord's limits.
 */
export function messageFormErrors(body: unknown, base: FormPath = []): FormErrors | undefined {
  if (!isRecord(body)) return undefined;
  const tree = new ErrorTree();
  tree.maxLength(body.content, 2000, [...base, 'content']);
  checkEmbeds(body.embeds, tree, base);
  checkComponents(body.components, body.flags, tree, base);
  checkAllowedMentions(body.allowed_mentions, tree, base);
  return tree.result();
}

/** Whether a new message has nothing to show (Discord: 50006 Cannot send an empty message). */
export function isEmptyMessage(body: Record<string, unknown>): boolean {
  const nonEmpty = (value: unknown) => (Array.isArray(value) ? value.length > 0 : Boolean(value));
  return !['content', 'embeds', 'components', 'attachments', 'sticker_ids', 'poll', 'files'].some((key) =>
    nonEmpty(body[key]),
  );
}
