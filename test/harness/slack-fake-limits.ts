/**
 * Slack's documented Block Kit, view and message limits, as FakeSlack enforces them (issue 10: a fake that
 * accepts what Slack rejects lets regressions through). Error strings follow Slack's `invalid_blocks` shape:
 * `<problem> [json-pointer:<where>]`.
 */

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `text` of a text object: required, non-empty, at most `max` characters. */
function textObject(object: unknown, max: number, pointer: string, errors: string[]): void {
  const text = isRecord(object) ? object.text : undefined;
  if (typeof text !== 'string' || text.length === 0)
    errors.push(`must be more than 0 characters [json-pointer:${pointer}]`);
  else if (text.length > max) errors.push(`must be less than ${max + 1} characters [json-pointer:${pointer}]`);
}

function plainText(object: unknown, pointer: string, errors: string[]): void {
  if (isRecord(object) && object.type !== 'plain_text') {
    errors.push(`must be a valid enum value [json-pointer:${pointer}/type]`);
  }
}

function tooMany(list: unknown[], max: number, pointer: string, errors: string[]): void {
  if (list.length > max) errors.push(`no more than ${max} items allowed [json-pointer:${pointer}]`);
}

/** Interactive elements: button labels (plain_text, 1-75 chars) and action_ids unique within their block. */
function element(element: unknown, pointer: string, seen: Set<string>, errors: string[]): void {
  if (!isRecord(element)) return;
  if (element.type === 'button') {
    plainText(element.text, `${pointer}/text`, errors);
    textObject(element.text, 75, `${pointer}/text/text`, errors);
  }
  const id = element.action_id;
  if (typeof id !== 'string') return;
  if (seen.has(id)) errors.push(`action_id must be unique; "${id}" is used twice [json-pointer:${pointer}/action_id]`);
  seen.add(id);
}

/**
 * Slack's Block Kit limits: at most `maxBlocks` blocks (50 in messages, 100 in views); section text 3000 and at
 * most 10 fields of 2000; header plain_text 150; button label 75; markdown block 12000; context element 3000;
 * actions at most 25 elements; every text non-empty; action_ids unique per block, block_ids per surface.
 */
export function blockLimitErrors(blocks: unknown, maxBlocks: number, base: string): string[] {
  if (!Array.isArray(blocks)) return [];
  if (blocks.length > maxBlocks) return [`no more than ${maxBlocks} items allowed [json-pointer:${base}]`];
  const errors: string[] = [];
  const blockIds = new Set<string>();
  for (const [i, block] of (blocks as unknown[]).entries()) {
    if (!isRecord(block)) continue;
    const at = `${base}/${i}`;
    // Slack: action_id "should be unique among all other action_ids in the containing block"; block_id unique
    // per message or view (so the viability modal may reuse one action_id across its input blocks).
    const seen = new Set<string>();
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) errors.push(`block_id must be unique [json-pointer:${at}/block_id]`);
      blockIds.add(block.block_id);
    }
    const elements: unknown[] = Array.isArray(block.elements) ? block.elements : [];
    const fields: unknown[] = Array.isArray(block.fields) ? block.fields : [];
    switch (block.type) {
      case 'section':
        if (block.text !== undefined) textObject(block.text, 3000, `${at}/text/text`, errors);
        if (block.text === undefined && fields.length === 0)
          errors.push(`must provide text or fields [json-pointer:${at}]`);
        tooMany(fields, 10, `${at}/fields`, errors);
        for (const [j, field] of fields.entries()) textObject(field, 2000, `${at}/fields/${j}/text`, errors);
        element(block.accessory, `${at}/accessory`, seen, errors);
        break;
      case 'header':
        plainText(block.text, `${at}/text`, errors);
        textObject(block.text, 150, `${at}/text/text`, errors);
        break;
      case 'markdown':
        textObject(block, 12000, `${at}/text`, errors);
        break;
      case 'actions':
        tooMany(elements, 25, `${at}/elements`, errors);
        for (const [j, item] of elements.entries()) element(item, `${at}/elements/${j}`, seen, errors);
        break;
      case 'context':
        tooMany(elements, 10, `${at}/elements`, errors);
        for (const [j, item] of elements.entries()) {
          if (isRecord(item) && item.type !== 'image') textObject(item, 3000, `${at}/elements/${j}/text`, errors);
        }
        break;
      case 'input':
        plainText(block.label, `${at}/label`, errors);
        textObject(block.label, 2000, `${at}/label/text`, errors);
        element(block.element, `${at}/element`, seen, errors);
        break;
    }
  }
  return errors;
}

/** A view's own limits: modal title, submit and close at most 24 chars (plain_text), private_metadata 3000. */
export function viewLimitErrors(view: Json): string[] {
  const errors: string[] = [];
  if (view.type === 'modal') {
    plainText(view.title, '/view/title', errors);
    textObject(view.title, 24, '/view/title/text', errors);
    for (const key of ['submit', 'close'] as const) {
      if (view[key] === undefined) continue;
      plainText(view[key], `/view/${key}`, errors);
      textObject(view[key], 24, `/view/${key}/text`, errors);
    }
  }
  const meta = view.private_metadata;
  if (typeof meta === 'string' && meta.length > 3000) {
    errors.push('must be less than 3001 characters [json-pointer:/view/private_metadata]');
  }
  if (typeof view.callback_id === 'string' && view.callback_id.length > 255) {
    errors.push('must be less than 256 characters [json-pointer:/view/callback_id]');
  }
  return errors;
}

/** The message's `text`: Slack uses it for notifications and screen readers, so careerbot must always send one. */
export function messageTextError(params: Json): string | undefined {
  return typeof params.text === 'string' && params.text.trim().length > 0 ? undefined : 'no_text';
}
