// Live updates for the page on screen: its subscriptions over one WebSocket on /graphql, speaking graphql-transport-ws
// (the protocol of the graphql-ws library; a few messages, so a small client of our own rather than a dependency).
// app.js starts a page's subscriptions once the page is shown (content.live) and stops them on navigation.
import { documentText } from './api.js';
import { h, section } from './dom.js';
import { token } from './session.js';

const PROTOCOL = 'graphql-transport-ws';
// the server's close codes after which trying again is pointless: the document or the token was refused
const FINAL = new Set([4400, 4401, 4403, 4406, 4409]);

let current = null;

/**
 * Subscribes to each of `subscriptions` ({ name: a document of queries/, variables, onData(data) }), announcing in
 * `announcer` (an aria-live region) what onData returns. On a lost connection (a replica restarting closes with 1012)
 * it connects again and resumes after the last cursor received, so nothing is missed.
 */
export function startLive(subscriptions, announcer) {
  stopLive();
  if (!subscriptions?.length || typeof WebSocket === 'undefined') return;
  current = new Connection(subscriptions, announcer);
}

export function stopLive() {
  current?.stop();
  current = null;
}

class Connection {
  constructor(subscriptions, announcer) {
    this.subscriptions = subscriptions.map((s, i) => ({ ...s, id: String(i + 1), after: null }));
    this.announcer = announcer;
    this.stopped = false;
    this.attempts = 0;
    this.connect();
  }

  connect() {
    if (this.stopped) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/graphql`, PROTOCOL);
    this.socket = socket;
    socket.onopen = () => {
      const bearer = token();
      socket.send(JSON.stringify({ type: 'connection_init', payload: bearer ? { Authorization: `Bearer ${bearer}` } : {} }));
    };
    // a message that cannot be handled (a document that failed to load) leaves the page as it is
    socket.onmessage = message => this.receive(JSON.parse(message.data)).catch(() => {});
    socket.onclose = event => {
      if (this.stopped || FINAL.has(event.code)) return;
      // again after 1, 2, 4 ... up to 30 seconds
      const wait = Math.min(30_000, 1000 * 2 ** this.attempts++);
      this.retry = setTimeout(() => this.connect(), wait);
    };
  }

  async receive(message) {
    switch (message.type) {
      case 'connection_ack':
        this.attempts = 0;
        for (const s of this.subscriptions) await this.subscribe(s);
        break;
      case 'ping':
        this.send({ type: 'pong' });
        break;
      case 'next': {
        const s = this.subscriptions.find(x => x.id === message.id);
        if (!s || this.stopped) return;
        if (message.payload.errors?.length) {
          // the stream ends (CURSOR_EXPIRED, SLOW_CONSUMER): start again from now, and say the page may be behind
          s.after = null;
          s.ended = true;
          this.announce('Live updates were interrupted: reload the page to see everything.');
          return;
        }
        const event = Object.values(message.payload.data ?? {})[0];
        if (event?.cursor) s.after = event.cursor;
        this.announce(s.onData(message.payload.data));
        break;
      }
      case 'complete': {
        const s = this.subscriptions.find(x => x.id === message.id);
        if (s?.ended && !this.stopped) {
          s.ended = false;
          await this.subscribe(s);
        }
        break;
      }
      default:
        break; // error: the subscription was refused (a limit); the page stays as it is
    }
  }

  async subscribe(s) {
    const query = documentText(s.name);
    const variables = s.after ? { ...s.variables, after: s.after } : s.variables;
    this.send({ id: s.id, type: 'subscribe', payload: { query, operationName: s.name, variables } });
  }

  send(message) {
    if (!this.stopped && this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  announce(text) {
    if (text && this.announcer) this.announcer.textContent = text;
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retry);
    const socket = this.socket;
    if (socket?.readyState === WebSocket.CONNECTING) socket.onopen = () => socket.close(1000, 'page left');
    else if (socket?.readyState === WebSocket.OPEN) socket.close(1000, 'page left');
  }
}

/**
 * A section listing statements that live events add to or update: `node` for the page (a placeholder while empty,
 * with `empty` said when given), `show(statement)` for an event, answering what to announce (null: nothing new).
 */
export function liveStatements(title, statements, render, empty) {
  const items = [...(statements ?? [])];
  const node = h('div', { class: 'live-section' });
  const draw = () => node.replaceChildren(...[section(title, items, render, empty)].filter(Boolean));
  draw();
  return {
    node,
    show(statement) {
      if (!statement) return null; // deleted: nothing to show it by
      const at = items.findIndex(s => s.id === statement.id);
      if (at >= 0) items[at] = statement;
      else items.push(statement);
      draw();
      return statementNews(statement, at >= 0);
    },
  };
}

/** What to announce of a statement that arrived live. */
export function statementNews(statement, updated) {
  const who = statement.speaker?.name ?? statement.speakerLabel ?? 'Unknown speaker';
  return `${updated ? 'Statement updated' : 'New statement'} by ${who}: ${statement.text}`;
}
