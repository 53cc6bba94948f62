/*
 * A Direct-Line-shaped chat adapter for the local chat page (BotFramework-WebChat docs/CHAT_ADAPTER.md).
 * Plain browser JavaScript, no build step, served at /webchat/directline.js in local mode only.
 *
 * Each user activity is POSTed to /api/messages with deliveryMode "expectReplies"; the bot's replies come
 * back in the response body. activity$ then carries the echo of the user's own activity (same
 * channelData.clientActivityID, now with an id, which is what turns Web Chat's "Sending" into "Sent")
 * followed by the replies. The conversation id and the transcript live in sessionStorage, so a reload
 * of the tab continues the same consult and shows what was said; closing the tab forgets both.
 */
(function () {
  'use strict';

  const observableKey = (typeof Symbol === 'function' && Symbol.observable) || '@@observable';

  /** The smallest ES Observable Web Chat needs: subscribe(observer | next, error, complete) → { unsubscribe, closed }. */
  class Observable {
    constructor(subscriber) {
      this._subscriber = subscriber;
    }

    subscribe(observerOrNext, error, complete) {
      const observer =
        typeof observerOrNext === 'function'
          ? { next: observerOrNext, error, complete }
          : observerOrNext || {};
      let closed = false;
      let cleanup;
      const close = () => {
        if (closed) return;
        closed = true;
        const c = cleanup;
        cleanup = undefined;
        if (c) c();
      };
      const sink = {
        next(value) {
          if (!closed && observer.next) observer.next(value);
        },
        error(err) {
          if (closed) return;
          close();
          if (observer.error) observer.error(err);
          else
            setTimeout(() => {
              throw err;
            });
        },
        complete() {
          if (closed) return;
          close();
          if (observer.complete) observer.complete();
        },
        get closed() {
          return closed;
        },
      };
      try {
        const teardown = this._subscriber(sink);
        if (typeof teardown === 'function') cleanup = teardown;
        else if (teardown && typeof teardown.unsubscribe === 'function')
          cleanup = () => teardown.unsubscribe();
      } catch (err) {
        sink.error(err);
      }
      if (closed && cleanup) {
        const c = cleanup;
        cleanup = undefined;
        c();
      }
      return {
        unsubscribe: close,
        get closed() {
          return closed;
        },
      };
    }

    [observableKey]() {
      return this;
    }
  }

  /** A multicast source that replays the last `keep` values to every new subscriber. */
  function createSubject(keep) {
    const sinks = new Set();
    const buffer = [];
    let done = false;
    return {
      observable: new Observable((sink) => {
        buffer.slice().forEach((value) => sink.next(value));
        if (done) {
          sink.complete();
          return undefined;
        }
        sinks.add(sink);
        return () => sinks.delete(sink);
      }),
      next(value) {
        if (done) return;
        buffer.push(value);
        if (buffer.length > keep) buffer.shift();
        Array.from(sinks).forEach((sink) => sink.next(value));
      },
      complete() {
        done = true;
        Array.from(sinks).forEach((sink) => sink.complete());
        sinks.clear();
      },
    };
  }

  /** Direct Line connection status values (botframework-directlinejs ConnectionStatus). */
  const ConnectionStatus = {
    Uninitialized: 0,
    Connecting: 1,
    Online: 2,
    ExpiredToken: 3,
    FailedToConnect: 4,
    Ended: 5,
  };

  const storageKey = 'bcbm-consult.webchat.v1';
  const maxTranscript = 400;

  function randomId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function defaultStorage() {
    try {
      return window.sessionStorage;
    } catch {
      return null; // storage blocked: the consult still works, a reload starts a new one
    }
  }

  function loadSession(storage) {
    if (!storage) return null;
    try {
      const session = JSON.parse(storage.getItem(storageKey) || 'null');
      if (
        session &&
        typeof session.conversationId === 'string' &&
        typeof session.userId === 'string' &&
        Array.isArray(session.transcript)
      )
        return session;
    } catch {
      // unreadable: start over
    }
    return null;
  }

  function saveSession(storage, session) {
    if (!storage) return;
    const write = (s) => storage.setItem(storageKey, JSON.stringify(s));
    try {
      write(session);
    } catch {
      // Quota: keep the conversation (the consult lives on the server) and as much recent transcript as fits.
      try {
        write({ ...session, transcript: session.transcript.slice(-20) });
      } catch {
        try {
          write({ ...session, transcript: [] });
        } catch {
          // nothing more to do
        }
      }
    }
  }

  /**
   * Creates the chat adapter. Options (all optional): endpoint ('/api/messages'), storage
   * (sessionStorage; null for none), bot ({ id, name }), fetch (window.fetch).
   */
  function createLocalDirectLine(options) {
    const opts = options || {};
    const endpoint = opts.endpoint || '/api/messages';
    const storage = opts.storage === undefined ? defaultStorage() : opts.storage;
    const doFetch = opts.fetch || window.fetch.bind(window);
    const bot = { id: 'bcbm-consult', name: 'BCBM Consult', ...opts.bot, role: 'bot' };

    const session = loadSession(storage) || {
      conversationId: `local-${randomId()}`,
      userId: `local-user-${randomId().slice(0, 8)}`,
      transcript: [],
    };
    saveSession(storage, session);

    const status = createSubject(1);
    status.next(ConnectionStatus.Uninitialized);
    const activities = createSubject(maxTranscript);
    let lastSequence = 0;
    session.transcript.forEach((activity) => {
      lastSequence = Math.max(
        lastSequence,
        (activity.channelData && activity.channelData['webchat:sequence-id']) || 0,
      );
      activities.next(activity);
    });
    let connected = false;
    let ended = false;

    /** Stamps an activity with a strictly increasing sequence id (Web Chat's sort key), records it and emits it. */
    function emit(activity) {
      const sequence = Math.max(Date.now(), lastSequence + 1);
      lastSequence = sequence;
      const stamped = {
        ...activity,
        timestamp: activity.timestamp || new Date(sequence).toISOString(),
        channelData: { ...activity.channelData, 'webchat:sequence-id': sequence },
      };
      session.transcript.push(stamped);
      if (session.transcript.length > maxTranscript)
        session.transcript.splice(0, session.transcript.length - maxTranscript);
      saveSession(storage, session);
      activities.next(stamped);
    }

    // Like DirectLineJS, the connection starts with the first subscriber to activity$.
    const activity$ = new Observable((sink) => {
      if (!connected && !ended) {
        connected = true;
        status.next(ConnectionStatus.Connecting);
        Promise.resolve().then(() => {
          if (!ended) status.next(ConnectionStatus.Online);
        });
      }
      return activities.observable.subscribe(sink);
    });

    function postActivity(activity) {
      return new Observable((observer) => {
        if (ended) {
          observer.error(new Error('the chat has ended'));
          return undefined;
        }
        const id = randomId();
        const outgoing = {
          ...activity,
          id,
          channelId: 'webchat',
          serviceUrl: window.location.origin,
          conversation: { id: session.conversationId },
          from: { ...activity.from, id: session.userId, role: 'user' },
          recipient: bot,
          timestamp: new Date().toISOString(),
          deliveryMode: 'expectReplies',
        };
        doFetch(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(outgoing),
        })
          .then((response) => {
            if (!response.ok) throw new Error(`the bot answered HTTP ${response.status}`);
            return response.json().catch(() => ({}));
          })
          .then(
            (body) => {
              if (ended) return;
              const { deliveryMode: _replies, ...echo } = outgoing;
              emit(echo);
              observer.next(id);
              observer.complete();
              const replies = body && Array.isArray(body.activities) ? body.activities : [];
              replies.forEach((reply, i) =>
                emit({
                  ...reply,
                  id: reply.id || `${id}.${i + 1}`,
                  conversation: reply.conversation || { id: session.conversationId },
                  from: { ...bot, ...reply.from, role: 'bot' },
                }),
              );
            },
            (err) => observer.error(err instanceof Error ? err : new Error(String(err))),
          );
        // A request already sent is not taken back: the bot may have acted on it.
        return undefined;
      });
    }

    return {
      activity$,
      connectionStatus$: status.observable,
      postActivity,
      end() {
        if (ended) return;
        ended = true;
        status.next(ConnectionStatus.Ended);
        status.complete();
        activities.complete();
      },
      /** The conversation (and so the consult) this tab continues. */
      conversationId: session.conversationId,
      /** The Web Chat user id for this tab; pass it as renderWebChat's userID. */
      userId: session.userId,
      /** True until the bot has said anything in this conversation: the page then sends `start`. */
      isNew: !session.transcript.some((a) => a.from && a.from.role === 'bot'),
    };
  }

  window.BcbmConsult = { Observable, ConnectionStatus, createLocalDirectLine };
})();
