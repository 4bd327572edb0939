/**
 * Discord's side of the Discord benchmark, in its own process (as Discord is): two FakeDiscords, one for
 * careerbot and one for a bare client, and a generator that dispatches a burst of `/careers` interactions
 * and reports, per interaction, the time from dispatch to the interaction callback.
 * Protocol (IPC): sends {ready, ours, bare}; receives {target, concurrency}; replies {times, missing}.
 */
import { DISCORD_IDS, FakeDiscord, humanUser } from '../../test/harness/discord-fake.ts';

const fakes = { ours: await FakeDiscord.start(), bare: await FakeDiscord.start() };
// Arrival time of each interaction's callback, taken when its headers arrive: the fake's own work on the
// body (validation, building the message) is Discord's side and stays out of the figure.
const arrivals = new Map<string, number>();
for (const fake of Object.values(fakes)) {
  fake.onRequestStart((method, path) => {
    const id = /\/interactions\/(\d+)\//.exec(path)?.[1];
    if (method === 'POST' && id && !arrivals.has(id)) arrivals.set(id, performance.now());
  });
}
const questions = ['how much do prompt engineers make?', 'do I need to code?', 'which certification should I get?'];
let burstNo = 0;

process.on('message', async (message: { target?: 'ours' | 'bare'; concurrency?: number; stop?: boolean }) => {
  if (message.stop) {
    await Promise.all(Object.values(fakes).map((f) => f.stop()));
    process.exit(0);
  }
  const fake = fakes[message.target ?? 'ours'];
  const concurrency = message.concurrency ?? 200;
  burstNo += 1;
  fake.reset();
  const sent = Array.from({ length: concurrency }, (_, i) => {
    // Distinct users, as in a busy server; one user sending 200 commands would (rightly) hit the cooldown.
    const user = humanUser({ id: `18${String(burstNo).padStart(4, '0')}${String(i).padStart(12, '0')}` });
    const interaction = fake.chatInput({
      name: 'careers',
      options: { question: questions[i % questions.length] ?? '' },
      user,
    });
    return { interaction, at: performance.now() };
  });
  const waits = sent.map(({ interaction, at }) =>
    fake
      .waitForCall({ method: 'POST', route: new RegExp(`^/interactions/${interaction.id}/`) }, 10_000)
      .then(() => (arrivals.get(interaction.id) ?? Number.NaN) - at)
      .catch(() => Number.NaN),
  );
  // When the answer itself is in: a direct reply (callback type 4) or the edit of a deferred one.
  const answered = sent.map(({ interaction, at }) =>
    fake
      .waitForCall(
        (c) =>
          (c.route.startsWith(`/interactions/${interaction.id}/`) && (c.body as { type?: number })?.type === 4) ||
          (c.method === 'PATCH' && c.route.includes(`/${interaction.token}/messages/@original`)),
        10_000,
      )
      .then(() => performance.now() - at)
      .catch(() => Number.NaN),
  );
  for (const { interaction } of sent) fake.sendInteraction(interaction);
  const times = await Promise.all(waits);
  const full = await Promise.all(answered);
  arrivals.clear();
  process.send?.({
    times: times.filter((t) => !Number.isNaN(t)),
    full: full.filter((t) => !Number.isNaN(t)),
    missing: times.filter((t) => Number.isNaN(t)).length,
  });
});
process.send?.({ ready: true, ours: fakes.ours.api, bare: fakes.bare.api, applicationId: DISCORD_IDS.applicationId });
