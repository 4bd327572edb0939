/**
 * Discord's message limits, checked the way the API does and reported in its nested `Invalid Form Body` shape, which
 * discord.js flattens into messages like `content[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.`.
 * discord.js validates none of these for plain objects (only the builders check some), so the fake must.
 */

/** A JSON object as sent or received. */
export type Json = Record<string, unknown>;

/** Discord's nested form-error tree: `{ field: { 0: { sub: { _errors: [{ code, message }] } } } }`. */
export type FormErrors = Json;

/** Narrows to a plain JSON object. */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MESSAGE_FLAG_COMPONENTS_V2 = 1 << 15;

class ErrorTree {
  readonly root: FormErrors = {};
  count = 0;

  add(path: readonly (string | number)[], code: string, message: string): void {
    let node = this.root;
    for (const key of path) {
      const next = node[String(key)];
      const child: Json = isRecord(next) ? next : {};
      node[String(key)] = child;
      node = child;
    }
    const list = Array.isArray(node._errors) ? (node._errors as unknown[]) : [];
    list.push({ code, message });
    node._errors = list;
    this.count++;
  }

  maxLength(value: unknown, max: number, path: readonly (string | number)[]): number {
    if (typeof value !== 'string') return 0;
    if (value.length > max) this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    return value.length;
  }

  maxItems(value: unknown, max: number, path: readonly (string | number)[]): unknown[] {
    if (!Array.isArray(value)) return [];
    if (value.length > max) this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    return value;
  }
}

function checkEmbeds(embeds: unknown, tree: ErrorTree, base: readonly (string | number)[]): void {
  let total = 0;
  for (const [i, embed] of tree.maxItems(embeds, 10, [...base, 'embeds']).entries()) {
    if (!isRecord(embed)) continue;
    const at = [...base, 'embeds', i];
    total += tree.maxLength(embed.title, 256, [...at, 'title']);
    total += tree.maxLength(embed.description, 4096, [...at, 'description']);
    if (isRecord(embed.footer)) total += tree.maxLength(embed.footer.text, 2048, [...at, 'footer', 'text']);
    if (isRecord(embed.author)) total += tree.maxLength(embed.author.name, 256, [...at, 'author', 'name']);
    for (const [j, field] of tree.maxItems(embed.fields, 25, [...at, 'fields']).entries()) {
      if (!isRecord(field)) continue;
      total += tree.maxLength(field.name, 256, [...at, 'fields', j, 'name']);
      total += tree.maxLength(field.value, 1024, [...at, 'fields', j, 'value']);
    }
  }
  if (total > 6000) {
    tree.add([...base, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  }
}

function checkComponent(component: unknown, tree: ErrorTree, at: readonly (string | number)[]): void {
  if (!isRecord(component)) return;
  tree.maxLength(component.custom_id, 100, [...at, 'custom_id']);
  tree.maxLength(component.label, 80, [...at, 'label']);
  tree.maxLength(component.placeholder, 150, [...at, 'placeholder']);
}

function checkComponents(
  components: unknown,
  flags: unknown,
  tree: ErrorTree,
  base: readonly (string | number)[],
): void {
  // Components V2 messages drop the five-row layout in favour of a 40-component total.
  const v2 = typeof flags === 'number' && (flags & MESSAGE_FLAG_COMPONENTS_V2) !== 0;
  const rows = v2
    ? Array.isArray(components)
      ? components
      : []
    : tree.maxItems(components, 5, [...base, 'components']);
  for (const [i, row] of rows.entries()) {
    if (!isRecord(row)) continue;
    const at = [...base, 'components', i];
    if (row.type !== 1) {
      checkComponent(row, tree, at);
      continue;
    }
    for (const [j, child] of tree.maxItems(row.components, 5, [...at, 'components']).entries()) {
      checkComponent(child, tree, [...at, 'components', j]);
    }
  }
}

/**
 * The form errors for a message body (create, edit, follow-up, or an interaction callback's `data` when `base` is
 * `['data']`); undefined when the body is within Discord's limits.
 */
export function messageFormErrors(body: unknown, base: readonly (string | number)[] = []): FormErrors | undefined {
  if (!isRecord(body)) return undefined;
  const tree = new ErrorTree();
  tree.maxLength(body.content, 2000, [...base, 'content']);
  checkEmbeds(body.embeds, tree, base);
  checkComponents(body.components, body.flags, tree, base);
  return tree.count > 0 ? tree.root : undefined;
}

/** Whether a new message has nothing to show (Discord: 50006 Cannot send an empty message). */
export function isEmptyMessage(body: Json): boolean {
  const nonEmpty = (value: unknown) => (Array.isArray(value) ? value.length > 0 : Boolean(value));
  return !['content', 'embeds', 'components', 'attachments', 'sticker_ids', 'poll', 'files'].some((key) =>
    nonEmpty(body[key]),
  );
}

/** The JSON body of Discord's 50035 reply. */
export function invalidFormBody(errors: FormErrors): Json {
  return { code: 50035, message: 'Invalid Form Body', errors };
}
