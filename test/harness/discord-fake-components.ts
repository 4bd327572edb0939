/**
 * Discord's message component rules, as the API enforces them (discord.js checks none of these for plain objects):
 * at most five action rows; a row holds one to five buttons or exactly one select (a select is five units wide);
 * every custom_id is unique in the message and at most 100 characters; button labels at most 80; a string select
 * has 1-25 options with distinct values. Components V2 messages (flag 1 << 15) nest rows in containers and drop the
 * five-row cap, so rows are found wherever they sit.
 */
import { type ErrorTree, type FormPath, isRecord, type Json } from './discord-fake-form-errors.ts';

const MESSAGE_FLAG_COMPONENTS_V2 = 1 << 15;
const ACTION_ROW = 1;
const BUTTON = 2;
const STRING_SELECT = 3;
/** String, user, role, mentionable and channel selects: each fills a whole row. */
const SELECTS = new Set([STRING_SELECT, 5, 6, 7, 8]);
const BUTTON_STYLE_LINK = 5;
const BUTTON_STYLE_PREMIUM = 6;
const ROW_WIDTH = 5;

/** Checks one button or select (not a row); records its custom_id for the duplicate check. */
function checkLeaf(component: Json, tree: ErrorTree, at: FormPath, ids: Set<string>): void {
  const idNeeded =
    component.type === BUTTON
      ? component.style !== BUTTON_STYLE_LINK && component.style !== BUTTON_STYLE_PREMIUM
      : SELECTS.has(Number(component.type));
  const id = component.custom_id;
  if (idNeeded && (typeof id !== 'string' || id === '')) tree.required([...at, 'custom_id']);
  if (typeof id === 'string' && id !== '') {
    tree.maxLength(id, 100, [...at, 'custom_id']);
    if (ids.has(id)) {
      tree.add([...at, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
    }
    ids.add(id);
  }
  if (component.type === BUTTON) {
    tree.maxLength(component.label, 80, [...at, 'label']);
    if (component.style === BUTTON_STYLE_LINK && typeof component.url !== 'string') tree.required([...at, 'url']);
  }
  if (SELECTS.has(Number(component.type))) {
    tree.maxLength(component.placeholder, 150, [...at, 'placeholder']);
    tree.intBetween(component.min_values, 0, 25, [...at, 'min_values']);
    tree.intBetween(component.max_values, 1, 25, [...at, 'max_values']);
  }
  if (component.type === STRING_SELECT) checkOptions(component.options, tree, [...at, 'options']);
}

function checkOptions(options: unknown, tree: ErrorTree, at: FormPath): void {
  if (!tree.lengthBetween(options, 1, 25, at) || !Array.isArray(options)) return;
  const values = new Set<unknown>();
  for (const [k, option] of options.entries()) {
    if (!isRecord(option)) continue;
    tree.lengthBetween(option.label, 1, 100, [...at, k, 'label']);
    tree.lengthBetween(option.value, 1, 100, [...at, k, 'value']);
    tree.maxLength(option.description, 100, [...at, k, 'description']);
    if (values.has(option.value)) {
      tree.add([...at, k], 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', 'Select component option values must be unique');
    }
    values.add(option.value);
  }
}

/** Checks an action row: one to five children, no wider than five units (a select takes the whole row). */
function checkRow(row: Json, tree: ErrorTree, at: FormPath, ids: Set<string>): void {
  const children = row.components;
  if (!tree.lengthBetween(children, 1, ROW_WIDTH, [...at, 'components']) || !Array.isArray(children)) {
    for (const [j, child] of (Array.isArray(children) ? children : []).entries()) {
      if (isRecord(child)) checkLeaf(child, tree, [...at, 'components', j], ids);
    }
    return;
  }
  let width = 0;
  for (const [j, child] of children.entries()) {
    if (!isRecord(child)) continue;
    width += SELECTS.has(Number(child.type)) ? ROW_WIDTH : 1;
    if (width > ROW_WIDTH) {
      tree.add(
        [...at, 'components', j],
        'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        'The specified component exceeds the maximum width',
      );
    }
    checkLeaf(child, tree, [...at, 'components', j], ids);
  }
}

/** Walks a Components V2 tree (containers, sections, accessories), checking rows and leaves wherever they are. */
function walk(component: unknown, tree: ErrorTree, at: FormPath, ids: Set<string>): void {
  if (!isRecord(component)) return;
  if (component.type === ACTION_ROW) {
    checkRow(component, tree, at, ids);
    return;
  }
  checkLeaf(component, tree, at, ids);
  if (Array.isArray(component.components)) {
    for (const [i, child] of component.components.entries()) walk(child, tree, [...at, 'components', i], ids);
  }
  if (component.accessory !== undefined) walk(component.accessory, tree, [...at, 'accessory'], ids);
}

/** Adds the component errors of a message body's `components` (under `base`) to `tree`. */
export function checkComponents(components: unknown, flags: unknown, tree: ErrorTree, base: FormPath): void {
  const v2 = typeof flags === 'number' && (flags & MESSAGE_FLAG_COMPONENTS_V2) !== 0;
  const at = [...base, 'components'];
  const top = v2 ? (Array.isArray(components) ? components : []) : tree.maxItems(components, 5, at);
  const ids = new Set<string>();
  for (const [i, component] of top.entries()) walk(component, tree, [...at, i], ids);
}
