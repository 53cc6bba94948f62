import {
  activityFromClick,
  activityFromEvent,
  BlockActions,
  commandText,
  EventCallback,
} from '../../src/slack/payloads';
import { appMention, blockActions, botUser, imMessage } from '../support/slack-payloads';

describe('Slack payloads as activities', () => {
  it("strip the bot's mention before the command is read, wherever it is", () => {
    expect(commandText(`<@${botUser}> start`, botUser)).toBe('start');
    expect(commandText(`summary <@${botUser}>`, botUser)).toBe('summary');
    expect(commandText(`<@${botUser}|bcbm-consult>   why`, botUser)).toBe('why');
    // Slack escapes its control characters in message text.
    expect(commandText(`<@${botUser}> &lt;3 cm &amp; more`, botUser)).toBe('<3 cm & more');
  });

  it('put a channel mention in the consult of its thread, and a DM in the consult of the DM', () => {
    const top = activityFromEvent(
      EventCallback.parse(
        appMention({ channel: 'C1', user: 'U1', ts: '1.000001', text: `<@${botUser}> start` }),
      ),
    );
    expect(top?.conversation).toMatchObject({ id: 'C1:1.000001', isGroup: true });
    expect(top?.from).toEqual({ id: 'U1', name: '' }); // the route looks the name up; never the id instead
    const reply = activityFromEvent(
      EventCallback.parse(
        appMention({
          channel: 'C1',
          user: 'U1',
          ts: '1.000009',
          threadTs: '1.000001',
          text: `<@${botUser}> why`,
        }),
      ),
    );
    expect(reply?.conversation?.id).toBe('C1:1.000001');
    const dm = activityFromEvent(
      EventCallback.parse(imMessage({ channel: 'D1', user: 'U1', text: 'start' })),
    );
    expect(dm?.conversation).toMatchObject({ id: 'D1', isGroup: false });
  });

  it('turn a button click into a message whose value is the button data, in the clicked message’s consult', () => {
    const value = { question: 'scenario', answer: 'newSymptoms', consultId: 'c', step: 0 };
    const click = activityFromClick(
      BlockActions.parse(
        blockActions({
          user: 'U1',
          channel: 'C1',
          messageTs: '1.000005',
          threadTs: '1.000001',
          button: { action_id: 'answer.1.newSymptoms', value: JSON.stringify(value), text: 'New' },
        }),
      ),
    );
    expect(click?.replyToId).toBe('1.000005');
    expect(click?.value).toEqual(value);
    expect(click?.conversation?.id).toBe('C1:1.000001');
  });

  it('ignore a click whose value is not button data', () => {
    const click = blockActions({
      user: 'U1',
      channel: 'D1',
      messageTs: '1.000005',
      button: { action_id: 'other', value: 'not json', text: 'Other' },
    });
    expect(activityFromClick(BlockActions.parse(click))).toBeUndefined();
  });
});
