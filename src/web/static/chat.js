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
    if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity)
      action = {
        ...action,
        payload: { ...action.payload, activity: withNoteActions(action.payload.activity) },
      };
    const result = next(action);
    if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && !started) {
      started = true;
      dispatch({ type: 'WEB_CHAT/SEND_MESSAGE_BACK', payload: { text: 'start' } });
      // The first question gets focus (Tab then reaches its answers), unless the user is elsewhere already.
      focusNextCard(true);
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

  /*
   * The handover note arrives as a card (its plain text in `text`) with the consult's FHIR form as a file
   * attachment (src/channels/cards.ts). The page gives the card two buttons of its own instead, handled
   * here and never sent to the bot: Copy (the note's plain text to the clipboard) and Download FHIR (JSON).
   */
  const fhirType = 'application/fhir+json';
  function withNoteActions(activity) {
    const attachments = activity.attachments || [];
    const file = attachments.find((a) => a && a.contentType === fhirType && a.contentUrl);
    const card = attachments.find((a) => a && a.contentType === adaptiveCard && a.content);
    if (!file || !card || !activity.from || activity.from.role !== 'bot') return activity;
    const copy = {
      type: 'Action.Submit',
      title: 'Copy note',
      data: { bcbmPage: 'copy', text: activity.text || '' },
    };
    const save = {
      type: 'Action.Submit',
      title: 'Download FHIR (JSON)',
      data: { bcbmPage: 'download', url: file.contentUrl, name: file.name || 'consult.fhir.json' },
    };
    // Copy under the title, on the first screen of a phone; the download, for informatics, at the end.
    const [title, hint, ...rest] = card.content.body || [];
    const body = [title, hint, { type: 'ActionSet', actions: [copy] }, ...rest].filter(Boolean);
    const content = { ...card.content, body, actions: [...(card.content.actions || []), save] };
    return { ...activity, attachments: [{ ...card, content }] };
  }

  // Said to screen readers: what a page button did (a button's own label change may go unannounced).
  const status = document.createElement('p');
  status.className = 'app-status';
  status.setAttribute('role', 'status');
  document.body.appendChild(status);

  /** Shows what a page button did on the button itself for a moment, and says it to screen readers. */
  function confirm(button, said) {
    status.textContent = said;
    if (!button) return;
    const label = button.querySelector('div') || button;
    const was = label.textContent;
    label.textContent = said;
    button.setAttribute('aria-label', said);
    window.setTimeout(() => {
      label.textContent = was;
      button.setAttribute('aria-label', was);
    }, 2000);
  }

  function copyNote(text, button) {
    const done = () => confirm(button, 'Copied');
    const failed = () => confirm(button, 'Copy failed: select the text');
    if (navigator.clipboard && navigator.clipboard.writeText)
      navigator.clipboard.writeText(text).then(done, failed);
    else failed();
  }

  /** Saves a data: URL's content as a file, through a Blob URL (no request leaves the page). */
  function download(url, name) {
    const comma = url.indexOf(',');
    const type = url.slice(5, comma).split(';')[0] || 'application/octet-stream';
    const bytes = Uint8Array.from(window.atob(url.slice(comma + 1)), (c) => c.charCodeAt(0));
    const href = URL.createObjectURL(new Blob([bytes], { type }));
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(href), 10000);
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

  /*
   * Keyboard and focus. A click that goes to the bot (an answer, a Change) leaves its card behind: an
   * answered question's buttons are disabled, so a second Enter cannot send the old answer again, and
   * focus moves to the first card of the reply (the next question) once it is drawn; Tab then reaches its
   * answers. Focus goes to the card itself, not a button, so Enter pressed again does nothing.
   */
  // The button an action came from (a click or Enter on it), where Web Chat does not pass it on.
  let lastClicked = null;
  host.addEventListener('click', (e) => (lastClicked = e.target), { capture: true });
  const cardsIn = () => host.querySelectorAll('.webchat__basic-transcript .ac-adaptiveCard');
  function focusCard(card) {
    card.setAttribute('tabindex', '-1');
    card.focus({ preventScroll: true });
  }
  // Tab into the transcript (from the header or the send box) goes on into its newest card, so Tab reaches
  // the answers; Escape from a card still leaves it for Web Chat's arrow-key reading of the transcript.
  // Only when the focus came by Tab: a click in the transcript (selecting text, say) keeps its place.
  let tabbing = false;
  document.addEventListener('keydown', (e) => (tabbing = e.key === 'Tab'), { capture: true });
  document.addEventListener('pointerdown', () => (tabbing = false), { capture: true });
  host.addEventListener('focusin', (e) => {
    const transcript = e.target;
    if (!tabbing) return;
    if (!transcript.classList || !transcript.classList.contains('webchat__basic-transcript')) return;
    if (e.relatedTarget && transcript.contains(e.relatedTarget)) return;
    const all = cardsIn();
    if (all.length) focusCard(all[all.length - 1]);
  });

  /** Focuses the first card drawn after the `before` cards there are now, when it comes (within about 10 s). */
  function focusNextCard(unlessMoved) {
    const before = cardsIn().length;
    const from = document.activeElement;
    let frames = 0;
    const wait = () => {
      if (unlessMoved && document.activeElement !== from) return; // the user went somewhere: stay there
      const now = cardsIn();
      if (now.length > before) focusCard(now[before]);
      else if (++frames < 600) window.requestAnimationFrame(wait);
    };
    window.requestAnimationFrame(wait);
  }
  function answered(button, isAnswer) {
    const card = button && button.closest('.ac-adaptiveCard');
    if (card && isAnswer)
      card.querySelectorAll('.ac-actionSet button').forEach((b) => {
        b.disabled = true;
        b.setAttribute('aria-disabled', 'true');
      });
    focusNextCard(false);
  }

  // An answer button posts its data back unchanged as the message `value` (case-model §2); the bot reads
  // the value first. Sent as a messageBack with the button title as its text, the transcript also shows
  // which answer was chosen (Web Chat hides a plain postBack).
  const cardActionMiddleware =
    () =>
    (next) =>
    (...args) => {
      const [props, ...rest] = args;
      const action = props && props.cardAction;
      const value = action && action.value;
      const target = (props && props.target) || lastClicked;
      const button = target && target.closest ? target.closest('button') : null;
      if (value && typeof value === 'object' && value.bcbmPage) {
        if (value.bcbmPage === 'copy') copyNote(String(value.text || ''), button);
        if (value.bcbmPage === 'download') download(String(value.url || ''), String(value.name || ''));
        return undefined;
      }
      if (value && typeof value === 'object') answered(button, Boolean(value.question && value.answer));
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
