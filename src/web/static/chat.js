/*
 * Boots the local chat page: Web Chat (window.WebChat, from its UMD bundle) on the adapter in
 * directline.js. Plain browser JavaScript, no build step, served at /webchat/chat.js in local mode only.
 */
(function () {
  'use strict';

  // The page's Content-Security-Policy admits Web Chat's run-time <style> elements by this nonce.
  const nonce = (document.currentScript && document.currentScript.nonce) || undefined;
  const host = document.getElementById('webchat');
  if (!window.WebChat || !window.BcbmConsult) {
    host.textContent = 'The chat could not load. Reload the page; if it stays empty, restart the bot.';
    return;
  }

  const adaptiveCard = 'application/vnd.microsoft.card.adaptive';
  const directLine = window.BcbmConsult.createLocalDirectLine({
    bot: { id: 'bcbm-consult', name: 'BCBM Consult' },
  });

  // A new conversation begins with `start`, sent as a messageBack without display text so it is not shown:
  // the bot's welcome opens the transcript. A reload of a running consult sends nothing and shows the saved transcript.
  let started = !directLine.isNew;
  const store = window.WebChat.createStore({}, ({ dispatch }) => (next) => (action) => {
    const result = next(action);
    if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && !started) {
      started = true;
      dispatch({ type: 'WEB_CHAT/SEND_MESSAGE_BACK', payload: { text: 'start' } });
    }
    if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') keepReplyStartInView();
    return result;
  });

  /*
   * Web Chat's autoScrollSnapOnPage (below) stops at the start of a long reply, but only if the reply
   * arrives after the transcript has settled: when its own scroll reaches the end while a reply is
   * arriving, it counts what has arrived as read and scrolls on past the reply's start. So once the
   * transcript has stopped moving, a reply whose start is above the view is brought back to its start.
   * A reply that fits is in view already; one below the view (the user scrolled up) is left alone,
   * and so is a transcript the user touches, scrolls or types in meanwhile: that is their choice.
   */
  let settling = 0;
  ['wheel', 'touchstart', 'pointerdown', 'keydown'].forEach((type) =>
    host.addEventListener(type, () => settling++, { capture: true, passive: true }),
  );
  function keepReplyStartInView() {
    const run = ++settling;
    let last = '';
    let still = 0;
    let frames = 0;
    // Checked once a frame, for at most about 5 s.
    const again = () => {
      if (++frames < 300) window.requestAnimationFrame(check);
    };
    const check = () => {
      if (run !== settling) return; // a later activity, or the user, ended this wait
      const scroller = host.querySelector('.webchat__basic-transcript__scrollable');
      if (!scroller) return again();
      const now = scroller.scrollTop + ':' + scroller.scrollHeight;
      still = now === last ? still + 1 : 0;
      last = now;
      if (still < 10) return again();
      const articles = Array.from(scroller.querySelectorAll('.webchat__basic-transcript__activity'));
      let firstReply = 0;
      articles.forEach((a, i) => {
        if (a.querySelector('.webchat__bubble--from-user')) firstReply = i + 1;
      });
      const start = articles[firstReply];
      if (!start) return;
      const above = start.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      if (above < -1) scroller.scrollTop += above;
    };
    window.requestAnimationFrame(check);
  }

  // Every bot card also carries its plain-text version in `text` (transcripts, screen readers, other
  // clients). Web Chat would show both, one above the other: show the card alone.
  const activityMiddleware =
    () =>
    (next) =>
    (...args) => {
      const [props, ...rest] = args;
      const activity = props && props.activity;
      const hasCard =
        activity &&
        activity.type === 'message' &&
        activity.from &&
        activity.from.role === 'bot' &&
        (activity.attachments || []).some((a) => a && a.contentType === adaptiveCard);
      if (hasCard && activity.text) return next({ ...props, activity: { ...activity, text: '' } }, ...rest);
      return next(...args);
    };

  // An answer button posts its data back unchanged as the message `value` (case-model §2); the bot reads
  // the value first. Sent as a messageBack with the button title as its text, the transcript also shows
  // which answer was chosen (Web Chat hides a plain postBack).
  const cardActionMiddleware =
    () =>
    (next) =>
    (...args) => {
      const [props, ...rest] = args;
      const action = props && props.cardAction;
      if (
        action &&
        action.type === 'postBack' &&
        action.value &&
        typeof action.value === 'object' &&
        action.title
      )
        return next(
          {
            ...props,
            cardAction: {
              type: 'messageBack',
              title: action.title,
              text: action.title,
              displayText: action.title,
              value: action.value,
            },
          },
          ...rest,
        );
      return next(...args);
    };

  const styleOptions = {
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    bubbleMaxWidth: 800,
    bubbleMinWidth: 260,
    bubbleBorderRadius: 6,
    bubbleFromUserBorderRadius: 6,
    bubbleFromUserBackground: '#e8f0fe',
    bubbleFromUserBorderColor: '#c6d7f5',
    bubbleFromUserBorderWidth: 1,
    bubbleBorderColor: '#d6d9dd',
    bubbleBorderWidth: 1,
    richCardWrapTitle: true,
    hideUploadButton: true,
    paddingRegular: 12,
    // A reply longer than the screen (a recommendation) stops scrolling at its start, so a phone shows
    // the plan's title and bottom line first instead of the last card's buttons.
    autoScrollSnapOnPage: true,
  };

  window.WebChat.renderWebChat(
    {
      directLine,
      store,
      userID: directLine.userId,
      username: 'You',
      locale: 'en-GB',
      overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: 'Type an answer, or back, why, summary, help' },
      nonce,
      styleOptions,
      activityMiddleware,
      cardActionMiddleware,
    },
    host,
  );

  document.getElementById('new-consult').addEventListener('click', () => {
    if (!window.confirm('Start a new consult? The answers given so far will be dropped.')) return;
    store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: 'restart' } });
  });
})();
