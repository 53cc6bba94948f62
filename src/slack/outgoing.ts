import type { Activity } from 'botbuilder';
import { viewKey } from '../bot/activities';
import { renderSlack, type SlackMessage } from '../view/slack-blocks';
import type { View } from '../view/view';

/**
 * The Slack messages for an activity the bot sends: its view in Block Kit (only Slack's edge knows that
 * format), or its plain text. Text is plain here; the adapter escapes it for Slack.
 */
export function slackMessagesOf(activity: Partial<Activity>): SlackMessage[] {
  const view = (activity.channelData as Record<string, unknown> | undefined)?.[viewKey] as View | undefined;
  if (view) return renderSlack(view);
  return [{ text: activity.text ?? '', blocks: [] }];
}
