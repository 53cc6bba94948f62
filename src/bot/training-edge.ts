import {
  ActivityTypes,
  Channels,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import { parseTraining } from '../training/parse';
import { channelSpace, conversationKey } from './conversation-key';
import type { Learner, TrainingService } from '../training/service';
import { trainCard, trainText } from '../view/training-render';
import type { TrainView } from '../view/training-view';

/** Slack: the adapter posts an activity carrying this as an ephemeral message to that user only. */
export const ephemeralKey = 'ephemeralUser';
/** Slack: the training views an activity carries; only the Slack edge draws them in Block Kit. */
export const trainViewsKey = 'trainViews';

/** The verb of a Teams refresh of a learner's user-specific card. */
const viewVerb = 'trainView';

function isShared(activity: Partial<Activity>): boolean {
  const c = activity.conversation;
  return Boolean(c?.isGroup) || c?.conversationType === 'channel' || c?.conversationType === 'groupChat';
}

/**
 * The learner is the channel's user id: Teams' aadObjectId where there is one, else from.id (case-model §7),
 * kept under the turn's channel space (an unproven channel's learners are local ones, like its consults).
 */
function learnerOf(ctx: TurnContext, privately: boolean): Learner {
  const activity = ctx.activity;
  const from = activity.from;
  const userId = (activity.channelId === Channels.Msteams && from?.aadObjectId) || from?.id || 'unknown';
  const shared = isShared(activity);
  return {
    channelId: channelSpace(ctx),
    userId,
    conversation: conversationKey(ctx),
    shared,
    canReplyPrivately: !shared || privately,
  };
}

function activityOf(views: TrainView[], channelId: string | undefined): Partial<Activity> {
  if (channelId === Channels.Slack)
    return {
      type: ActivityTypes.Message,
      text: views.map(trainText).join('\n\n'),
      textFormat: 'plain',
      channelData: { [trainViewsKey]: views },
    };
  const teams = channelId === Channels.Msteams;
  const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: trainCard(views, teams) };
  const text = views.map(trainText).join('\n\n');
  return teams
    ? { type: ActivityTypes.Message, summary: text.split('\n')[0], attachments: [card] }
    : { type: ActivityTypes.Message, text, textFormat: 'plain', attachments: [card] };
}

/**
 * Trainee mode at the Bot Framework edge (Teams, Web Chat, the Emulator, and Slack through the Slack adapter).
 * A reveal goes to the learner who chose: in a Teams invoke it is the card only they see (with a refresh for
 * their user id), in a Slack thread an ephemeral message; the case description is shared.
 */
export class TrainingEdge {
  constructor(private readonly service: TrainingService) {}

  /** Handles a message that is a training command or button; false leaves it to the consult. */
  async onMessage(ctx: TurnContext, text: string | undefined): Promise<boolean> {
    const command = parseTraining(text, ctx.activity.value);
    if (!command) return false;
    const a = ctx.activity;
    // A click on an ephemeral Slack message: the thread the case runs in is carried by the button.
    const thread = (a.value as { thread?: unknown } | undefined)?.thread;
    if (a.channelId === Channels.Slack && typeof thread === 'string' && a.conversation) {
      const channel = (a.conversation.id ?? '').split(':')[0];
      a.conversation = { ...a.conversation, id: `${channel}:${thread}` };
    }
    const slackShared = a.channelId === Channels.Slack && isShared(a);
    const who = learnerOf(ctx, slackShared);
    const out = await this.service.turn(who, command, a.id);
    if (!out.claimed) return false;
    const sends: Partial<Activity>[] = [];
    if (out.shared.length) sends.push(activityOf(out.shared, a.channelId));
    if (out.own.length) {
      const own = activityOf(out.own, a.channelId);
      if (slackShared) own.channelData = { ...(own.channelData as object), [ephemeralKey]: a.from?.id };
      sends.push(own);
    }
    if (sends.length) await ctx.sendActivities(sends);
    return true;
  }

  /** Teams universal actions on a trainee's card: the answer is shown to the clicker alone, in the card. */
  async onInvoke(
    ctx: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse | undefined> {
    const data = value.action?.data as Record<string, unknown> | undefined;
    const who = learnerOf(ctx, true);
    let views: TrainView[];
    let attemptId: string | undefined;
    if (value.action?.verb === viewVerb && typeof data?.trainView === 'string') {
      attemptId = data.trainView;
      views = await this.service.viewOf(who, attemptId);
    } else {
      const command = parseTraining(undefined, data);
      if (!command || command.kind !== 'choice') return undefined;
      const out = await this.service.turn(who, command);
      views = out.own;
      attemptId = out.attemptId;
    }
    const card = trainCard(views, true);
    const userId = ctx.activity.from?.id;
    // Teams asks for this learner's view again (their own progress) whenever it renders the card for them.
    if (attemptId && userId)
      card.refresh = {
        action: { type: 'Action.Execute', verb: viewVerb, data: { trainView: attemptId } },
        userIds: [userId],
      };
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }
}
