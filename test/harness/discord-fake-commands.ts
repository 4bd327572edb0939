/**
 * Discord's rules for application command bodies (`PUT /applications/:app/commands`, bulk overwrite): chat-input
 * names match `^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$` and are lower-case (option names too); descriptions are
 * 1-100 characters; at most 25 options per level and 25 choices per option; required options come before optional
 * ones; names are unique per command type. Errors use Discord's codes, so discord.js prints e.g.
 * `0.options[1][APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID]: Required options must be placed before ...`.
 */
import { ErrorTree, type FormErrors, type FormPath, isRecord, type Json } from './discord-fake-form-errors.ts';

const CHAT_INPUT = 1;
const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
const STRING_OPTION = 3;
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;

/** A command or option name; `strict` (chat-input commands and every option) adds the pattern and lower case. */
function checkName(name: unknown, strict: boolean, tree: ErrorTree, at: FormPath): void {
  const path = [...at, 'name'];
  if (!tree.lengthBetween(name, 1, 32, path) || typeof name !== 'string' || !strict) return;
  if (!NAME.test(name)) tree.add(path, 'STRING_TYPE_REGEX', 'String value did not match validation regex.');
  else if (name !== name.toLowerCase()) tree.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
}

function checkChoices(choices: unknown, type: unknown, tree: ErrorTree, at: FormPath): void {
  for (const [k, choice] of tree.maxItems(choices, MAX_CHOICES, at).entries()) {
    if (!isRecord(choice)) continue;
    tree.lengthBetween(choice.name, 1, 100, [...at, k, 'name']);
    if (type === STRING_OPTION) tree.lengthBetween(choice.value, 1, 100, [...at, k, 'value']);
  }
}

/** One level of options: at most 25, required before optional, each named and described; recurses into subcommands. */
function checkOptions(options: unknown, tree: ErrorTree, at: FormPath): void {
  let optionalSeen = false;
  for (const [i, option] of tree.maxItems(options, MAX_OPTIONS, at).entries()) {
    if (!isRecord(option)) continue;
    const here = [...at, i];
    checkName(option.name, true, tree, here);
    tree.lengthBetween(option.description, 1, 100, [...here, 'description']);
    if (option.type === SUB_COMMAND || option.type === SUB_COMMAND_GROUP) {
      checkOptions(option.options, tree, [...here, 'options']);
      continue;
    }
    if (option.required === true && optionalSeen) {
      const message = 'Required options must be placed before non-required options';
      tree.add(here, 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message);
    }
    if (option.required !== true) optionalSeen = true;
    checkChoices(option.choices, option.type, tree, [...here, 'choices']);
  }
}

/** Checks one command object at `at` (its index in a bulk overwrite, or the root of a single create). */
function checkCommand(command: Json, tree: ErrorTree, at: FormPath): void {
  const type = command.type ?? CHAT_INPUT;
  checkName(command.name, type === CHAT_INPUT, tree, at);
  if (type === CHAT_INPUT) {
    tree.lengthBetween(command.description, 1, 100, [...at, 'description']);
    checkOptions(command.options, tree, [...at, 'options']);
  }
}

/** The form errors of a bulk-overwrite body (an array of commands); undefined when Discord would accept it. */
export function commandsFormErrors(body: readonly unknown[]): FormErrors | undefined {
  const tree = new ErrorTree();
  const seen = new Set<string>();
  for (const [i, command] of body.entries()) {
    if (!isRecord(command)) {
      tree.add([i], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      continue;
    }
    checkCommand(command, tree, [i]);
    const key = `${String(command.type ?? CHAT_INPUT)}:${String(command.name)}`;
    if (seen.has(key)) {
      tree.add([i], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
    }
    seen.add(key);
  }
  return tree.result();
}

/** The form errors of one command (`POST /applications/:app/commands`); undefined when Discord would accept it. */
export function commandFormErrors(body: Json): FormErrors | undefined {
  const tree = new ErrorTree();
  checkCommand(body, tree, []);
  return tree.result();
}
