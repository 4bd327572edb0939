/** Registers every careerbot listener on a Bolt app, in the order Bolt should see them. */
import type { App } from '@slack/bolt';
import { registerInteractiveListeners } from './listeners-interactive.ts';
import { registerMessageListeners } from './listeners-messages.ts';
import { createSlackHelpers, type ListenerDeps, type SlackHelpers } from './slack-helpers.ts';

export type { ListenerDeps } from './slack-helpers.ts';

/** Registers all listeners: the assistant panel first, so its thread messages are not taken for DMs. */
export function registerListeners(app: App, deps: ListenerDeps): SlackHelpers {
  const helpers = createSlackHelpers(deps);
  registerMessageListeners(app, deps, helpers);
  registerInteractiveListeners(app, deps, helpers);
  return helpers;
}
