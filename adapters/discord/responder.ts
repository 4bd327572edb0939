/**
 * One small state machine per interaction, so the bot always gives Discord its initial response within
 * three seconds and never answers twice: `pending` → (`deferred` →) `replied`. If the answer is not ready
 * after `deferAfterMs`, or as soon as the work reports progress (a model has started), the interaction is
 * deferred and the answer edited in when it arrives; a new reply also shows the model's streamed text.
 */
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  MessageFlags,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { createProgressRelay } from '../shared/progress-relay.ts';
import { DEFAULT_PROGRESS_INTERVAL_MS, SLOW_ANSWER_MS } from '../shared/thinking.ts';
import { streamedPayload } from './progress.ts';

/** Interactions careerbot answers. */
export type AnswerableInteraction =
  | ChatInputCommandInteraction
  | ButtonInteraction
  | StringSelectMenuInteraction
  | ModalSubmitInteraction;

/** What a handler produces: a message body (content, embeds, components, allowed mentions). */
export type ResponsePayload = InteractionEditReplyOptions & InteractionReplyOptions & InteractionUpdateOptions;

/** Where the state machine is. */
export type ResponderState = 'pending' | 'deferred' | 'replied';

/** How to answer: a new message (`reply`) or an edit of the message whose component was used (`update`). */
export interface ResponderOptions {
  mode: 'reply' | 'update';
  ephemeral?: boolean;
  /**
   * Defer when the answer is not ready by then (default `SLOW_ANSWER_MS`, when other platforms show their
   * thinking note: Discord's deferral is its own "is thinking…"); Discord allows three seconds.
   */
  deferAfterMs?: number;
  /** Runs the work (e.g. on a bounded queue, so that first responses in a burst are not held up by answers). */
  schedule?: <T>(work: (release: () => void) => Promise<T>) => Promise<T>;
  /** Edits the deferred response; defaults to `interaction.editReply`. */
  editOriginal?: (interaction: AnswerableInteraction, payload: ResponsePayload) => Promise<unknown>;
  /** Least time between two edits of streamed text (default one second). */
  progressIntervalMs?: number;
}

/**
 * Runs `work` and delivers its payload with exactly one initial response. `work` gets an `onProgress` to
 * pass to the bot. Returns the final state.
 */
export async function respond(
  interaction: AnswerableInteraction,
  work: (onProgress: (textSoFar: string) => void) => Promise<ResponsePayload>,
  {
    mode,
    ephemeral = false,
    deferAfterMs = SLOW_ANSWER_MS,
    schedule = (w) => w(() => {}),
    editOriginal = (i, p) => i.editReply(p as InteractionEditReplyOptions),
    progressIntervalMs = DEFAULT_PROGRESS_INTERVAL_MS,
  }: ResponderOptions,
): Promise<ResponderState> {
  let state: ResponderState = 'pending';
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  let deferring: Promise<unknown> | undefined;
  const defer = () => {
    if (state !== 'pending') return;
    state = 'deferred';
    deferring =
      mode === 'update' && interaction.isMessageComponent()
        ? interaction.deferUpdate()
        : interaction.deferReply(flags ? { flags } : {});
  };
  // A limit of zero or less means: defer before doing any work (slow work, or a burst of interactions).
  if (deferAfterMs <= 0) defer();
  const timer = setTimeout(defer, Math.max(0, deferAfterMs));
  const relay = createProgressRelay<true>(
    {
      async open() {
        defer();
        await deferring;
        return true;
      },
      async show(_deferred, text) {
        // An update edits the clicked message, whose content is not ours to stream into; it only defers.
        if (mode === 'reply') await editOriginal(interaction, streamedPayload(text));
      },
    },
    { intervalMs: progressIntervalMs },
  );
  let payload: ResponsePayload;
  try {
    // A model at work gives its queue slot back: waiting on it is not work, and it can take seconds.
    payload = await schedule((release) =>
      work((text) => {
        if (text === '') release();
        relay.onProgress(text);
      }),
    );
  } finally {
    clearTimeout(timer);
    // No streamed edit may land after the answer.
    await relay.settle();
  }
  if (state === 'pending') {
    state = 'replied';
    if (mode === 'update' && interaction.isMessageComponent()) {
      await interaction.update(payload as InteractionUpdateOptions);
    } else {
      await interaction.reply({ ...(payload as InteractionReplyOptions), ...(flags ? { flags } : {}) });
    }
    return state;
  }
  await deferring;
  state = 'replied';
  await editOriginal(interaction, payload);
  return state;
}
